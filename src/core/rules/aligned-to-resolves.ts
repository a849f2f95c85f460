import { isSourceReference } from '../org.ts';
import { closest } from '../suggest.ts';
import { eachObjective, type Rule } from './rule.ts';

export const alignedToResolves: Rule = {
  id: 'aligned-to-resolves',
  criterion: 'Aligned: “your objectives should align with the mission you defined earlier. Does the objective help you in achieving your overall goals?”',
  severity: 'error',
  description:
    '`aligned_to` is `mission`, or the id (or a list of ids) of objectives that exist, and alignment never goes round in a circle. `source:id` names an objective of another repository, which `okr build --org` resolves.',
  examples: {
    good: [
      {
        files: {
          'okrs/mission.md': '---\nmission: Ship a product people love.\n---\n',
          'okrs/2026-q4/team.md': '---\ntitle: Delight our first customers\nperiod: 2026-Q4\n---\n',
          'okrs/2026-q4/jane.md': '---\ntitle: Speed up the onboarding flow\nperiod: 2026-Q4\naligned_to: team\n---\n',
        },
      },
      {
        files: {
          'okrs/mission.md': '---\nmission: Ship a product people love.\n---\n',
          'okrs/2026-q4/team.md': '---\ntitle: Delight our first customers\nperiod: 2026-Q4\n---\n',
          'okrs/2026-q4/sales.md': '---\ntitle: Win the first enterprise deals\nperiod: 2026-Q4\n---\n',
          'okrs/2026-q4/jane.md': '---\ntitle: Speed up the onboarding flow\nperiod: 2026-Q4\naligned_to: [team, sales]\n---\n',
        },
      },
      'title: Cut the checkout latency\nperiod: 2026-Q4\naligned_to: team-platform:latency\n',
    ],
    bad: [
      'title: Deliver engaging presentations\nperiod: 2026-Q4\naligned_to: nowhere\n',
      {
        files: {
          'okrs/mission.md': '---\nmission: Ship a product people love.\n---\n',
          'okrs/2026-q4/a.md': '---\ntitle: Delight our first customers\nperiod: 2026-Q4\naligned_to: b\n---\n',
          'okrs/2026-q4/b.md': '---\ntitle: Speed up the onboarding flow\nperiod: 2026-Q4\naligned_to: a\n---\n',
        },
      },
      {
        files: {
          'okrs/mission.md': '---\nmission: Ship a product people love.\n---\n',
          'okrs/2026-q4/team.md': '---\ntitle: Delight our first customers\nperiod: 2026-Q4\n---\n',
          'okrs/2026-q4/jane.md': '---\ntitle: Speed up the onboarding flow\nperiod: 2026-Q4\naligned_to: [team, saels]\n---\n',
        },
      },
      {
        files: {
          'okrs/mission.md': '---\nmission: Ship a product people love.\n---\n',
          'okrs/2026-q4/a.md': '---\ntitle: Delight our first customers\nperiod: 2026-Q4\n---\n',
          'okrs/2026-q4/b.md': '---\ntitle: Speed up the onboarding flow\nperiod: 2026-Q4\naligned_to:\n  - a\n  - c\n---\n',
          'okrs/2026-q4/c.md': '---\ntitle: Win the first enterprise deals\nperiod: 2026-Q4\naligned_to: b\n---\n',
        },
      },
    ],
    reports: [
      { bad: 0, line: 4, column: 13, message: '`aligned_to: nowhere` names no objective' },
      { bad: 1, file: 'okrs/2026-q4/a.md', line: 4, column: 13, message: 'Alignment goes round in a circle: a → b → a' },
      { bad: 1, file: 'okrs/2026-q4/b.md', line: 4, column: 13, message: 'Alignment goes round in a circle: b → a → b' },
      { bad: 2, file: 'okrs/2026-q4/jane.md', line: 4, column: 20, message: '`aligned_to: saels` names no objective' },
      { bad: 3, file: 'okrs/2026-q4/b.md', line: 6, column: 5, message: 'Alignment goes round in a circle: b → c → b' },
      { bad: 3, file: 'okrs/2026-q4/c.md', line: 4, column: 13, message: 'Alignment goes round in a circle: c → b → c' },
    ],
  },
  check(context) {
    const parents = new Map<string, string[]>();
    const ids = context.workspace.objectives.map((objective) => objective.id);
    eachObjective(context, (objective) => {
      const value = objective.data.aligned_to;
      const targets = typeof value === 'string' ? [value] : value;
      const resolved: string[] = [];
      targets.forEach((target, index) => {
        // Another repository's objective: only an organisation's build (`okr build --org`) can see it.
        if (target === 'mission' || isSourceReference(target)) return;
        if (ids.includes(target)) {
          resolved.push(target);
          return;
        }
        const suggestion = closest(target, ids);
        context.report({
          file: objective,
          at: typeof value === 'string' ? ['aligned_to'] : ['aligned_to', index],
          message: `\`aligned_to: ${target}\` names no objective`,
          hint: suggestion ? `Did you mean \`${suggestion}\`? Otherwise use \`mission\`` : 'Use `mission` or the id of another objective',
        });
      });
      parents.set(objective.id, resolved);
    });
    eachObjective(context, (objective) => {
      const chain = circleThrough(objective.id, parents);
      if (chain === undefined) return;
      const value = objective.data.aligned_to;
      const at = typeof value === 'string' ? ['aligned_to'] : ['aligned_to', value.indexOf(chain[1]!)];
      context.report({ file: objective, at, message: `Alignment goes round in a circle: ${chain.join(' → ')}`, hint: 'Align one of them to `mission`' });
    });
  },
};

/** The shortest way from `start` up its parents back to itself (`a → b → a`), if any. */
function circleThrough(start: string, parents: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let index = 0; index < queue.length; index += 1) {
    const id = queue[index]!;
    for (const parent of parents.get(id) ?? []) {
      if (parent === start) {
        const chain = [start];
        for (let step: string | undefined = id; step !== start && step !== undefined; step = cameFrom.get(step)) chain.splice(1, 0, step);
        return [...chain, start];
      }
      if (cameFrom.has(parent)) continue;
      cameFrom.set(parent, id);
      queue.push(parent);
    }
  }
  return undefined;
}
