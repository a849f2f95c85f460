import { resolvePeriod } from '../period.ts';
import { eachKeyResult, type Rule } from './rule.ts';

export const krTimeBound: Rule = {
  id: 'kr-time-bound',
  criterion: 'Specific and time-bound: “Have you clearly defined what needs to happen and by when?”',
  severity: 'warn',
  description: 'Every key result has a date: the period end by default, or `due` where the period is open-ended. (A `due` outside the period is reported by `period-valid`.)',
  examples: {
    good: [
      'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Get 3 invitations\n    baseline: 0\n    target: 3\n',
      'title: Deliver engaging presentations\nperiod: {start: 2026-10-05}\nkey_results:\n  - id: a\n    title: Get 3 invitations\n    baseline: 0\n    target: 3\n    due: 2026-12-15\n',
    ],
    bad: ['title: Deliver engaging presentations\nperiod: {start: 2026-10-05}\nkey_results:\n  - id: a\n    title: Get 3 invitations\n    baseline: 0\n    target: 3\n'],
    reports: [{ bad: 0, line: 5, column: 5, message: 'Key result `a` has no date: the period is open-ended and it has no `due`' }],
  },
  check(context) {
    eachKeyResult(context, (keyResult, index, objective) => {
      if (keyResult.due !== undefined || resolvePeriod(objective.data.period).end !== undefined) return;
      context.report({
        file: objective,
        at: ['key_results', index],
        message: `Key result \`${keyResult.id}\` has no date: the period is open-ended and it has no \`due\``,
        hint: 'Add `due: YYYY-MM-DD`, or give the period an `end`',
      });
    });
  },
};
