/** On scheduled runs: key results of an active period that nobody checked in for two weeks. */
import { daysBetween } from '../period.ts';
import { keyResultProgress, keyResultWindow } from '../score.ts';
import { EXAMPLE_OBJECTIVE as example, locateKeyResult, objectivesById, periodOfObjective, type PrRule } from './pr-rule.ts';

export const STALE_AFTER_DAYS = 14;

export const checkinStale: PrRule = {
  id: 'checkin-stale',
  criterion: 'Measurable and verifiable: “Do the key results include specific, objective metrics?” A metric nobody measures for weeks verifies nothing.',
  severity: 'warn',
  description: `A key result of a running period without a check-in for ${STALE_AFTER_DAYS} days is a goal nobody looks at.`,
  examples: {
    good: [
      { head: example, now: '2026-11-20', scheduled: true, lastCheckin: '2026-11-10' },
      { head: example, now: '2026-11-20', scheduled: false, lastCheckin: '2026-10-01' },
      { head: example, now: '2026-10-10', scheduled: true },
      { head: example.replace('current: 3.9', 'current: 4.5'), now: '2026-11-20', scheduled: true, lastCheckin: '2026-10-01' },
    ],
    bad: [
      { head: example, now: '2026-11-20', scheduled: true, lastCheckin: '2026-10-30' },
      { head: example, now: '2026-10-20', scheduled: true },
    ],
    reports: [
      { bad: 0, line: 9, column: 14, message: 'No check-in of `feedback` for 21 days (last on 2026-10-30)' },
      { bad: 1, line: 9, column: 14, message: 'No check-in of `feedback` since the period started 19 days ago' },
    ],
  },
  check(context) {
    if (!context.scheduled) return;
    for (const objective of objectivesById(context.head).values()) {
      const period = periodOfObjective(objective);
      for (const kr of objective.data.key_results) {
        if (kr.status === 'dropped' || keyResultProgress(kr) >= 1) continue;
        const window = keyResultWindow(kr, period);
        if (context.now < window.start || (window.end !== undefined && context.now > window.end)) continue;
        const checkedIn = latest(context.lastCheckin(objective.id, kr.id), kr.as_of);
        const since = checkedIn ?? window.start;
        const days = daysBetween(since, context.now);
        if (days < STALE_AFTER_DAYS) continue;
        context.report({
          file: { path: objective.path },
          at: locateKeyResult(objective, kr, kr.current !== undefined ? 'current' : undefined),
          message: checkedIn ? `No check-in of \`${kr.id}\` for ${days} days (last on ${checkedIn})` : `No check-in of \`${kr.id}\` since the period started ${days} days ago`,
          hint: `Update \`current\` (or \`done\`) and \`confidence\` at least every ${STALE_AFTER_DAYS} days`,
        });
      }
    }
  },
};

function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}
