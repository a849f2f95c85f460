import { periodLength, resolvePeriod } from '../period.ts';
import { eachObjective, type Rule } from './rule.ts';
import { plural } from '../words.ts';

/** A calendar month may have 28 days and a calendar quarter 92; both are within the spirit of 30–90 days. */
const MIN_DAYS = 28;
const MAX_DAYS = 92;

export const periodLengthRule: Rule = {
  id: 'period-length',
  criterion: 'Brainstorm possible objectives: “Think about the things you most want or need to accomplish in the next 30–90 days.”',
  severity: 'warn',
  description: 'A period lasts 30–90 days; a calendar month or quarter passes.',
  examples: {
    good: ['title: Deliver engaging presentations\nperiod: 2026-Q4\n', 'title: Deliver engaging presentations\nperiod: 2027-02\n'],
    bad: ['title: Deliver engaging presentations\nperiod: 2026\n', 'title: Deliver engaging presentations\nperiod: {start: 2026-10-01, end: 2026-10-14}\n'],
    reports: [
      { bad: 0, line: 3, column: 9, message: 'The period lasts 365 days; OKRs work best over 30–90 days' },
      { bad: 1, line: 3, column: 9, message: 'The period lasts 14 days; OKRs work best over 30–90 days' },
    ],
  },
  check(context) {
    eachObjective(context, (objective) => {
      const days = periodLength(resolvePeriod(objective.data.period));
      if (days === undefined || (days >= MIN_DAYS && days <= MAX_DAYS)) return;
      context.report({
        file: objective,
        at: ['period'],
        message: `The period lasts ${plural(days, 'day')}; OKRs work best over 30–90 days`,
        hint: days > MAX_DAYS ? 'Split it into quarters, e.g. `period: 2026-Q4`' : 'Use a month or a quarter, e.g. `period: 2026-Q4`',
      });
    });
  },
};
