import { missionFor } from '../workspace.ts';
import type { Rule } from './rule.ts';

export const missionRequired: Rule = {
  id: 'mission-required',
  criterion: 'Define your “why”: “Before you start on your objectives—your “what”—consider your “why.” This is your mission.”',
  severity: 'error',
  description: 'Every objective has a `mission.md` in its folder or a folder above it, up to the OKR root.',
  examples: {
    good: ['title: Deliver engaging presentations\nperiod: 2026-Q4\n'],
    bad: [{ files: { 'okrs/2026-q4/talks.md': '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\n---\n' } }],
    reports: [{ bad: 0, file: 'okrs/2026-q4/talks.md', line: 2, column: 1, message: 'No mission above this objective' }],
  },
  check({ workspace, report }) {
    for (const objective of workspace.objectives) {
      if (missionFor(workspace, objective.path) === undefined) {
        report({
          file: objective,
          at: [],
          message: 'No mission above this objective',
          hint: `Add ${workspace.root === '' ? '' : `${workspace.root}/`}mission.md with your “why”, e.g.\n---\nmission: Be an ideal candidate for promotion or hire.\n---`,
        });
      }
    }
  },
};
