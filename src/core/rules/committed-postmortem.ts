import { isRetroFile } from '../workspace.ts';
import { eachObjective, type Rule } from './rule.ts';

const GRADED =
  'title: Ship the billing service\nperiod: 2026-Q4\ntype: committed\ngrade: 0.6\nkey_results:\n  - id: live\n    title: Move 100% of invoices to the new service\n    baseline: 0\n    target: 100\n    current: 60\n';

export const committedPostmortem: Rule = {
  id: 'committed-postmortem',
  criterion:
    'Google’s OKR guide on committed OKRs: “The expectation for committed OKRs is that they will score 1.0; a score of less than 1.0 calls for explanation for the miss, as it shows errors in planning and/or execution.”',
  severity: 'warn',
  description: 'A committed objective graded below 1.0 has a short postmortem: `postmortem:` in its file, or a `### <objective id>` section with text in the `retro.md` beside it.',
  examples: {
    good: [
      `${GRADED}postmortem: The payment provider moved its cut-over by six weeks; we now sign migration dates before committing.\n`,
      'title: Ship the billing service\nperiod: 2026-Q4\ntype: committed\ngrade: 1.0\nkey_results:\n  - id: live\n    title: Move 100% of invoices to the new service\n    done: true\n',
      {
        files: {
          'okrs/mission.md': '---\nmission: Bill customers without errors.\n---\n',
          'okrs/2026-q4/example.md': `---\n${GRADED}---\n`,
          'okrs/2026-q4/retro.md': '---\nperiod: 2026-Q4\n---\n## Postmortems\n\n### example\n\nThe provider moved its cut-over; we now sign dates first.\n',
        },
      },
    ],
    bad: [
      GRADED,
      {
        files: {
          'okrs/mission.md': '---\nmission: Bill customers without errors.\n---\n',
          'okrs/2026-q4/example.md': `---\n${GRADED}---\n`,
          'okrs/2026-q4/retro.md': '---\nperiod: 2026-Q4\n---\n## Postmortems\n\n### example\n\n## Carried forward\n',
        },
      },
    ],
    reports: [
      { bad: 0, line: 5, column: 8, message: 'Committed objective graded 0.6 without a postmortem' },
      { bad: 1, line: 5, column: 8, message: 'Committed objective graded 0.6 without a postmortem' },
    ],
  },
  check(context) {
    eachObjective(context, (objective) => {
      const { grade, type, postmortem } = objective.data;
      if (type !== 'committed' || grade === undefined || grade >= 1 || postmortem !== undefined) return;
      const folder = objective.path.slice(0, objective.path.lastIndexOf('/'));
      const retro = context.workspace.retros?.find((file) => isRetroFile(file.path) && file.path.slice(0, file.path.lastIndexOf('/')) === folder);
      if (retro !== undefined && hasSection(retro.text, objective.id)) return;
      context.report({
        file: objective,
        at: ['grade'],
        message: `Committed objective graded ${grade.toFixed(1)} without a postmortem`,
        hint: `Say briefly why it fell short and what changes: \`postmortem: …\` in this file, or text under \`### ${objective.id}\` in ${folder}/retro.md`,
      });
    });
  },
};

/** A `### <id>` heading followed by some text before the next heading. */
function hasSection(text: string, id: string): boolean {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `### ${id}` || line.trim() === `### \`${id}\``);
  if (start === -1) return false;
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6}\s/.test(line)) return false;
    if (line.trim() !== '') return true;
  }
  return false;
}
