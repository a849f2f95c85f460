/** A report as the check writes it, for the rendering tests. */
import type { CheckReport } from '../../action/src/report.ts';
import type { RepositoryLinks } from '../../action/src/edit-link.ts';

export const LINKS: RepositoryLinks = { serverUrl: 'https://github.com', repository: 'jane/okrs', branch: 'main', runUrl: 'https://github.com/jane/okrs/actions/runs/42' };

export function reportWith(overrides: Partial<CheckReport> = {}): CheckReport {
  return {
    version: 1,
    pullRequest: 7,
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    baseProblem: null,
    results: [
      {
        path: 'okrs/q4/talks.md',
        messages: [
          {
            ruleId: 'target-eased',
            severity: 1,
            message: 'Target of `feedback` eased from 4.5 to 4 (baseline 3.6) during the period',
            hint: 'Keep the target',
            line: 8,
            column: 13,
            endLine: 8,
            endColumn: 14,
          },
        ],
        errorCount: 0,
        warningCount: 1,
      },
      { path: 'okrs/q4/pace.md', messages: [], errorCount: 0, warningCount: 0 },
    ],
    diff: {
      objectivesAdded: [{ objective: 'pace', path: 'okrs/q4/pace.md', title: 'Increase my work pace' }],
      objectivesRemoved: [],
      keyResultsAdded: [],
      keyResultsRemoved: [],
      moved: [
        {
          objective: 'talks',
          path: 'okrs/q4/talks.md',
          title: 'Deliver engaging presentations',
          kr: 'feedback',
          krTitle: 'Raise average audience feedback from 3.6 to 4.5 out of 5',
          unit: 'points',
          value: { from: 3.9, to: 4.2 },
          target: { from: 4.5, to: 4 },
          confidence: { from: 0.6, to: 0.8 },
          progress: { from: 0.3, to: 0.6 },
        },
      ],
    },
    annotations: { total: { error: 0, warning: 1 }, hidden: { error: 0, warning: 0 } },
    checkins: [{ objective: 'talks', path: 'okrs/q4/talks.md', title: 'Deliver engaging presentations' }],
    ...overrides,
  };
}
