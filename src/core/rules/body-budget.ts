import { BODY_BUDGET, bodyOverBudget, thousands } from '../body-budget.ts';
import type { Rule } from './rule.ts';

const MISSION = '---\nmission: Be an ideal candidate for promotion or hire.\n---\n';
const OBJECTIVE = '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\n---\n';

export const bodyBudget: Rule = {
  id: 'body-budget',
  criterion: 'Concrete: “Would someone else understand what the objective is hoping to accomplish?” A body the site cannot render in time is shown as plain text.',
  severity: 'error',
  description: `The Markdown below the frontmatter stays within what the site renders in time: at most ${thousands(BODY_BUDGET.characters)} characters, ${thousands(BODY_BUDGET.markup)} markup characters and ${BODY_BUDGET.depth} levels of nested quotes and lists. Over the bounds, the site shows the body as plain text.`,
  examples: {
    good: [{ files: { 'okrs/mission.md': MISSION, 'okrs/2026-q4/talks.md': `${OBJECTIVE}> A quote\n>> and a reply\n\n- [ ] Record every talk\n  - [ ] with slides\n` } }],
    bad: [{ files: { 'okrs/mission.md': MISSION, 'okrs/2026-q4/talks.md': `${OBJECTIVE}Why it matters.\n\n${'>'.repeat(40)} deep\n` } }],
    reports: [{ bad: 0, file: 'okrs/2026-q4/talks.md', line: 7, column: 1, message: 'Block quotes and lists are nested 40 deep here, more than 32, so the site shows the body as plain text' }],
  },
  check({ workspace, report }) {
    for (const file of [...workspace.objectives, ...workspace.missions]) {
      const over = bodyOverBudget(file.body);
      if (over === undefined) continue;
      const line = file.bodyLine + over.line - 1;
      report({ file, at: { line, column: 1, endLine: line, endColumn: 1 }, message: over.message, hint: over.hint });
    }
  },
};
