import { describe, expect, test } from 'vitest';
import { progressBar, renderReport, renderWithin } from '../../action/src/summary.ts';
import { LINKS, reportWith } from './report-fixture.ts';

describe('renderReport', () => {
  const markdown = renderReport(reportWith(), { links: LINKS });

  test('opens with the counts and the commits compared', () => {
    expect(markdown.split('\n\n').slice(0, 2)).toEqual(['## OKR check', '⚠️ **0 errors, 1 warning** in 1 file · 2 OKR files checked · compared `aaaaaaa` → `bbbbbbb` · 1 key result moved']);
  });

  test('has a row per moved key result with bars before and after', () => {
    expect(markdown).toContain(
      '| Deliver engaging presentations | feedback: Raise average audience feedback from 3\\.6 to 4\\.5 out of 5 | 3\\.9 → 4\\.2 points | `███░░░░░░░` 30% → `██████░░░░` 60% | 4\\.5 → 4 points | 0\\.6 → 0\\.8 |',
    );
  });

  test('draws the moved key results as a mermaid chart', () => {
    expect(markdown).toContain(
      '```mermaid\nxychart-beta\n  title "Progress of the key results that moved (bar: now, line: before)"\n  x-axis ["talks/feedback"]\n  y-axis "Progress (%)" 0 --> 100\n  bar [60]\n  line [30]\n```',
    );
  });

  test('tables the problems by file and rule, then every problem', () => {
    expect(markdown).toContain('| `okrs/q4/talks.md` | `target-eased` | 0 | 1 |');
    expect(markdown).toContain('| `okrs/q4/talks.md` | 8 | warning | `target-eased` | Target of `feedback` eased from 4\\.5 to 4 \\(baseline 3\\.6\\) during the period — Keep the target |');
  });

  test('lists what was added and links the next check-in', () => {
    expect(markdown).toContain('- Added objective Increase my work pace (`okrs/q4/pace.md`)');
    expect(markdown).toContain('- [Check in on Deliver engaging presentations](https://github.com/jane/okrs/edit/main/okrs/q4/talks.md?message=Check-in%3A%20talks)');
  });

  test('says what the annotations left out', () => {
    const capped = renderReport(reportWith({ annotations: { total: { error: 14, warning: 3 }, hidden: { error: 4, warning: 0 } } }), { links: LINKS });
    expect(capped).toContain(
      '> **Annotations capped:** GitHub shows at most 10 annotations of each kind per step, so 10 of 14 errors and 3 of 3 warnings are annotated on the files (those the pull request changed first); 4 more are only listed here.',
    );
    expect(markdown).not.toContain('Annotations capped');
  });

  test('says when the base could not be compared', () => {
    expect(renderReport(reportWith({ diff: null, base: null, baseProblem: 'The base `abc` is missing' }), { links: LINKS })).toContain('> **Not compared with the base:** The base `abc` is missing');
  });

  test('a clean tree says so', () => {
    expect(renderReport(reportWith({ results: [], diff: null, checkins: [] }), { links: LINKS })).toBe('## OKR check\n\n✅ No problems · 0 OKR files checked · compared `aaaaaaa` → `bbbbbbb`\n');
  });

  test('a row limit counts what it leaves out', () => {
    const results = Array.from({ length: 5 }, (_, index) => ({
      path: `okrs/q4/o${index}.md`,
      messages: [{ ruleId: 'kr-count', severity: 1 as const, message: 'x', line: 1, column: 1, endLine: 1, endColumn: 1 }],
      errorCount: 0,
      warningCount: 1,
    }));
    const limited = renderReport(reportWith({ results }), { links: LINKS, rowLimit: 2 });
    expect(limited).toContain('…and 3 more problems, listed in the job summary of the run.');
    expect(limited).toContain('…and 3 more rows, listed in the job summary of the run.');
  });
});

test('progressBar fills ten cells and clamps', () => {
  expect([0, 0.04, 0.5, 1, 1.7, -1].map(progressBar)).toEqual(['░░░░░░░░░░', '░░░░░░░░░░', '█████░░░░░', '██████████', '██████████', '░░░░░░░░░░']);
});

test('renderWithin shortens the tables until the report fits, and says so', () => {
  const results = Array.from({ length: 400 }, (_, index) => ({
    path: `okrs/q4/o${index}.md`,
    messages: [{ ruleId: 'kr-count', severity: 1 as const, message: 'Only one key result', line: 1, column: 1, endLine: 1, endColumn: 1 }],
    errorCount: 0,
    warningCount: 1,
  }));
  const report = reportWith({ results });
  expect(renderWithin(report, { links: LINKS }, 1_000_000)).toBe(renderReport(report, { links: LINKS }));
  const fitted = renderWithin(report, { links: LINKS }, 20_000);
  expect(fitted.length).toBeLessThanOrEqual(20_000);
  expect(fitted).toMatch(/…and \d+ more problems, listed in the job summary of the run\./);
});
