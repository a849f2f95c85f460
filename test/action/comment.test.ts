import { expect, test } from 'vitest';
import { COMMENT_MARKER, commentBody, isOurComment } from '../../action/src/comment.ts';
import { LINKS, reportWith } from './report-fixture.ts';

test('the comment starts with the hidden marker and links the run', () => {
  const body = commentBody(reportWith(), { links: LINKS });
  expect(body.startsWith(`${COMMENT_MARKER}\n## OKR check`)).toBe(true);
  expect(body.endsWith('[Job summary of this run](https://github.com/jane/okrs/actions/runs/42)\n')).toBe(true);
});

test('a report too long for a comment keeps its tables short and says how many rows are left out', () => {
  const messages = Array.from({ length: 3000 }, (_, index) => ({
    ruleId: 'kr-measurable',
    severity: 1 as const,
    message: `Key result \`kr-${index}\` states no quantity in its title`,
    line: index + 1,
    column: 1,
    endLine: index + 1,
    endColumn: 1,
  }));
  const report = reportWith({ results: [{ path: 'okrs/q4/big.md', messages, errorCount: 0, warningCount: 3000 }] });
  const body = commentBody(report, { links: LINKS }, 20_000);
  expect(body.length).toBeLessThanOrEqual(20_000);
  expect(body).toMatch(/…and \d+ more problems, listed in the job summary of the run\./);
  expect(body).toContain('3000 warnings');
});

test('our comment is the one with the marker written by the token’s user', () => {
  expect(isOurComment({ body: `${COMMENT_MARKER}\nx`, user: { login: 'github-actions[bot]' } }, 'github-actions[bot]')).toBe(true);
  expect(isOurComment({ body: `${COMMENT_MARKER}\nquoted`, user: { login: 'mallory' } }, 'github-actions[bot]')).toBe(false);
  expect(isOurComment({ body: 'hello', user: { login: 'github-actions[bot]' } }, 'github-actions[bot]')).toBe(false);
});
