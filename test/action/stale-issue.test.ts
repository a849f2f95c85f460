import { expect, test } from 'vitest';
import { isOurIssue, STALE_ISSUE_MARKER, staleIssueBody, staleKeyResults } from '../../action/src/stale-issue.ts';
import { LINKS } from './report-fixture.ts';

const results = [
  {
    path: 'okrs/q4/talks.md',
    messages: [
      { ruleId: 'checkin-stale', severity: 1 as const, message: 'No check-in of `feedback` for 21 days (last on 2026-10-30)', line: 9, column: 5, endLine: 9, endColumn: 8 },
      { ruleId: 'kr-count', severity: 1 as const, message: 'other', line: 2, column: 1, endLine: 2, endColumn: 1 },
    ],
    errorCount: 0,
    warningCount: 2,
  },
];

test('lists the stale key results with a check-in link each', () => {
  const stale = staleKeyResults(results);
  expect(stale).toEqual([{ path: 'okrs/q4/talks.md', line: 9, message: 'No check-in of `feedback` for 21 days (last on 2026-10-30)' }]);
  const body = staleIssueBody(stale, LINKS, new Map([['okrs/q4/talks.md', 'talks']]));
  expect(body.startsWith(STALE_ISSUE_MARKER)).toBe(true);
  expect(body).toContain(
    '- [ ] `okrs/q4/talks.md:9` No check\\-in of `feedback` for 21 days \\(last on 2026\\-10\\-30\\) ([check in](https://github.com/jane/okrs/edit/main/okrs/q4/talks.md?message=Check-in%3A%20talks))',
  );
});

test('our issue has the marker, our author, and is not a pull request', () => {
  const issue = { body: `${STALE_ISSUE_MARKER}\n`, user: { login: 'github-actions[bot]' } };
  expect(isOurIssue(issue, 'github-actions[bot]')).toBe(true);
  expect(isOurIssue({ ...issue, pull_request: {} }, 'github-actions[bot]')).toBe(false);
  expect(isOurIssue({ ...issue, user: { login: 'jane' } }, 'github-actions[bot]')).toBe(false);
});
