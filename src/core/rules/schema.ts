import type { Rule } from './rule.ts';

export const schema: Rule = {
  id: 'schema',
  criterion: 'Concrete: “Is the objective clearly stated? Would someone else understand what the objective is hoping to accomplish?”',
  severity: 'error',
  description: 'Every file reads as UTF-8 text with YAML frontmatter that matches the OKR schema (docs/format.md).',
  examples: {
    good: [
      'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: invites\n    title: Get 3 invitations to speak\n    baseline: 0\n    target: 3\n',
    ],
    bad: [
      'title: Deliver engaging presentations\nperiod: 2026-Q5\n',
      'titel: Deliver engaging presentations\nperiod: 2026-Q4\n',
      'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: invites\n    title: Get 3 invitations\n    target: "3"\n',
      { files: { 'okrs/mission.md': '---\nmission: Grow\n---\n', 'okrs/2026-q4/x.md': 'no frontmatter here' } },
    ],
  },
  check({ workspace, report }) {
    for (const file of [...workspace.objectives, ...workspace.missions, ...(workspace.config ? [workspace.config] : [])]) {
      for (const finding of file.findings) report({ file, at: finding, message: finding.message, hint: finding.hint });
    }
    for (const { path, finding } of workspace.unreadable) report({ file: { path }, at: finding, message: finding.message, hint: finding.hint });
  },
};
