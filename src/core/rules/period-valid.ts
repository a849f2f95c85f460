import { contains, resolvePeriod } from '../period.ts';
import { eachObjective, type Rule } from './rule.ts';

export const periodValid: Rule = {
  id: 'period-valid',
  criterion: 'Specific and time-bound: “Have you clearly defined what needs to happen and by when?”',
  severity: 'error',
  description: 'A period starts before it ends, and every key result is due inside its period.',
  examples: {
    good: ['title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: invites\n    title: Get 3 invitations\n    baseline: 0\n    target: 3\n    due: 2026-12-15\n'],
    bad: [
      'title: Deliver engaging presentations\nperiod: {start: 2026-12-18, end: 2026-10-05}\n',
      'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: invites\n    title: Get 3 invitations\n    baseline: 0\n    target: 3\n    due: 2027-01-15\n',
    ],
    reports: [
      { bad: 0, line: 3, column: 9, message: 'The period ends (2026-10-05) before it starts (2026-12-18)' },
      { bad: 1, line: 9, column: 10, message: 'Key result `invites` is due 2027-01-15, outside the period 2026-10-01 – 2026-12-31' },
    ],
  },
  check(context) {
    eachObjective(context, (objective) => {
      const period = resolvePeriod(objective.data.period);
      if (period.end !== undefined && period.end < period.start) {
        context.report({ file: objective, at: ['period'], message: `The period ends (${period.end}) before it starts (${period.start})`, hint: 'Swap `start` and `end`' });
        return;
      }
      objective.data.key_results.forEach((kr, index) => {
        if (kr.due !== undefined && !contains(period, kr.due)) {
          context.report({
            file: objective,
            at: ['key_results', index, 'due'],
            message: `Key result \`${kr.id}\` is due ${kr.due}, outside the period ${period.start} – ${period.end ?? 'open'}`,
            hint: 'Move `due` inside the period, or the key result to the period it belongs to',
          });
        }
      });
    });
  },
};
