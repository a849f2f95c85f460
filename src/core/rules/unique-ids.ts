import type { Rule } from './rule.ts';

export const uniqueIds: Rule = {
  id: 'unique-ids',
  criterion: 'Concrete: “Would someone else understand what the objective is hoping to accomplish?” History, links and check-ins find an objective and a key result by id.',
  severity: 'error',
  description: 'Objective ids are unique in the tree (the id defaults to the file name); key result ids are unique in their objective.',
  examples: {
    good: [
      'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Get 3 invitations\n    baseline: 0\n    target: 3\n  - id: b\n    title: Reach 4.5 points of feedback\n    baseline: 3.6\n    target: 4.5\n',
    ],
    bad: [
      'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Get 3 invitations\n    baseline: 0\n    target: 3\n  - id: a\n    title: Reach 4.5 points of feedback\n    baseline: 3.6\n    target: 4.5\n',
      {
        files: {
          'okrs/mission.md': '---\nmission: Be an ideal candidate for promotion or hire.\n---\n',
          'okrs/2026-q3/talks.md': '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q3\n---\n',
          'okrs/2026-q4/talks.md': '---\ntitle: Deliver engaging presentations again\nperiod: 2026-Q4\n---\n',
        },
      },
    ],
    reports: [
      { bad: 0, line: 9, column: 9, message: 'Key result id `a` appears twice in this objective' },
      { bad: 1, file: 'okrs/2026-q4/talks.md', line: 2, column: 1, message: 'Objective id `talks` is already used by okrs/2026-q3/talks.md' },
    ],
  },
  check({ workspace, report }) {
    const byId = new Map<string, string>();
    for (const objective of workspace.objectives) {
      const first = byId.get(objective.id);
      if (first === undefined) byId.set(objective.id, objective.path);
      else {
        report({
          file: objective,
          at: objective.data?.id === undefined ? [] : ['id'],
          message: `Objective id \`${objective.id}\` is already used by ${first}`,
          hint: `Give one of them its own \`id:\`, e.g. \`id: ${objective.id}-${
            objective.data
              ? String(objective.data.period)
                  .toLowerCase()
                  .replace(/[^a-z0-9]+/g, '-')
              : '2'
          }\``,
        });
      }
      const seen = new Set<string>();
      const keyResults = (objective.data?.key_results ?? []) as { id: string }[];
      keyResults.forEach((kr, index) => {
        if (seen.has(kr.id)) {
          report({
            file: objective,
            at: ['key_results', index, 'id'],
            message: `Key result id \`${kr.id}\` appears twice in this objective`,
            hint: 'Each key result needs its own id; history follows it',
          });
        }
        seen.add(kr.id);
      });
    }
  },
};
