import { expect, test } from 'vitest';
import { parseCheckReport } from '../../action/src/report.ts';
import { reportWith } from './report-fixture.ts';

test('a report reads back as written', () => {
  const report = reportWith();
  expect(parseCheckReport(JSON.stringify(report))).toEqual(report);
});

test.each([
  ['not JSON', '{', /^The report is not JSON/],
  [
    'a path outside the repository',
    JSON.stringify(reportWith({ checkins: [{ objective: 'x', path: '../../settings', title: 'x' }] })),
    /at `checkins\.0\.path`: Expected a relative path inside the repository/,
  ],
  ['an absolute path', JSON.stringify(reportWith({ results: [{ path: '/etc/passwd', messages: [], errorCount: 0, warningCount: 0 }] })), /at `results\.0\.path`/],
  ['a commit that is not a full id', JSON.stringify({ ...reportWith(), head: 'main' }), /at `head`: Expected a full commit id/],
  ['an unknown field', JSON.stringify({ ...reportWith(), extra: 1 }), /does not match the expected shape/],
  [
    'an oversized message',
    JSON.stringify(
      reportWith({ results: [{ path: 'a.md', messages: [{ ruleId: 'x', severity: 1, message: 'm'.repeat(5000), line: 1, column: 1, endLine: 1, endColumn: 1 }], errorCount: 0, warningCount: 1 }] }),
    ),
    /results\.0\.messages\.0\.message/,
  ],
])('refuses %s', (_what, json, error) => {
  expect(() => parseCheckReport(json)).toThrow(error);
});
