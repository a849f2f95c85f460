import type { Rule } from './rule.ts';

export const schema: Rule = {
  id: 'schema',
  criterion: 'Concrete: “Is the objective clearly stated? Would someone else understand what the objective is hoping to accomplish?”',
  severity: 'error',
  description: 'Every file reads as UTF-8 text with YAML frontmatter that matches the OKR schema (docs/format.md).',
  examples: {
    good: ['title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: invites\n    title: Get 3 invitations to speak\n    baseline: 0\n    target: 3\n'],
    bad: [
      'title: Deliver engaging presentations\nperiod: 2026-Q5\n',
      'titel: Deliver engaging presentations\nperiod: 2026-Q4\n',
      'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: invites\n    title: Get 3 invitations\n    target: "3"\n',
      { files: { 'okrs/mission.md': '---\nmission: Grow\n---\n', 'okrs/2026-q4/x.md': 'no frontmatter here' } },
    ],
    reports: [
      { bad: 0, line: 3, column: 9, message: 'Unexpected `period: "2026-Q5"`: expected a period such as `2026-Q4`, `2026-H2`, `2026`, `2026-11` or `{start: 2026-10-05, end: 2026-12-18}`' },
      { bad: 1, line: 2, column: 1, message: 'Missing `title`' },
      { bad: 1, line: 2, column: 1, message: 'Unknown key `titel`; did you mean `title`?' },
      { bad: 2, line: 7, column: 13, message: 'Unexpected `target: "3"`: invalid input: expected number, received string' },
      { bad: 3, file: 'okrs/2026-q4/x.md', line: 1, column: 1, message: 'Missing frontmatter' },
    ],
  },
  check({ workspace, report }) {
    for (const file of [...workspace.objectives, ...workspace.missions, ...(workspace.config ? [workspace.config] : [])]) {
      for (const finding of file.findings) report({ file, at: finding, message: finding.message, hint: finding.hint });
    }
    for (const { path, finding } of workspace.unreadable) report({ file: { path }, at: finding, message: finding.message, hint: finding.hint });
  },
};
