/** A target moved toward its baseline during the period, without a `reason:` saying why. */
import { EXAMPLE_OBJECTIVE as before, isMidPeriod, locateKeyResult, objectivesById, periodOfObjective, type PrRule } from './pr-rule.ts';

export const targetEased: PrRule = {
  id: 'target-eased',
  criterion:
    'Aggressive yet realistic: “Do the stated results stretch you but still account for potential challenges or unexpected events that could arise?” (Google’s trap: lowering the bar after the fact.)',
  severity: 'warn',
  description: 'Moving a target toward its baseline once the period has started lowers the bar after the fact; say why in `reason:`.',
  examples: {
    good: [
      { base: before, head: before.replace('target: 4.5', 'target: 4.8'), now: '2026-11-02' },
      { base: before, head: `${before.replace('target: 4.5', 'target: 4.2')}\n    reason: The survey scale changed in November`, now: '2026-11-02' },
      { base: before, head: before.replace('target: 4.5', 'target: 4.2'), now: '2026-09-20' },
    ],
    bad: [{ base: before, head: before.replace('target: 4.5', 'target: 4.2'), now: '2026-11-02' }],
    reports: [{ bad: 0, line: 8, column: 13, message: 'Target of `feedback` eased from 4.5 to 4.2 (baseline 3.6) during the period' }],
  },
  check(context) {
    if (!context.base) return;
    const old = objectivesById(context.base);
    for (const objective of objectivesById(context.head).values()) {
      const previous = old.get(objective.id);
      if (!previous || !isMidPeriod(periodOfObjective(objective), context.now)) continue;
      for (const kr of objective.data.key_results) {
        const was = previous.data.key_results.find((candidate) => candidate.id === kr.id);
        if (was?.target === undefined || kr.target === undefined || was.baseline === undefined || kr.baseline === undefined) continue;
        if (kr.reason?.trim()) continue;
        const gapBefore = was.target - was.baseline;
        const gapAfter = kr.target - kr.baseline;
        const eased = Math.sign(gapAfter) !== Math.sign(gapBefore) || Math.abs(gapAfter) < Math.abs(gapBefore);
        if (!eased) continue;
        context.report({
          file: { path: objective.path },
          at: locateKeyResult(objective, kr, 'target'),
          message: `Target of \`${kr.id}\` eased from ${was.target} to ${kr.target} (baseline ${kr.baseline}) during the period`,
          hint: 'Keep the target, or add `reason:` to the key result saying why it changed',
        });
      }
    }
  },
};
