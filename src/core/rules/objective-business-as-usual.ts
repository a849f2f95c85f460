import { isBusinessAsUsual } from '../language.ts';
import { eachObjective, type Rule } from './rule.ts';

export const objectiveBusinessAsUsual: Rule = {
  id: 'objective-business-as-usual',
  criterion: 'Aspirational: “Does it ask you to challenge yourself and accomplish something you haven’t before?” (Google’s trap: business-as-usual OKRs.)',
  severity: 'warn',
  description: 'An objective asks for a change, not for keeping things as they are (maintain, continue, keep doing).',
  examples: {
    good: ['title: Deliver engaging presentations\nperiod: 2026-Q4\n'],
    bad: ['title: Maintain the weekly team report\nperiod: 2026-Q4\n', 'title: Continue doing code reviews\nperiod: 2026-Q4\n', 'title: Keep doing the on-call rotation\nperiod: 2026-Q4\n'],
    reports: [
      { bad: 0, line: 2, column: 8, message: '`Maintain the weekly team report` describes business as usual' },
      { bad: 1, line: 2, column: 8, message: '`Continue doing code reviews` describes business as usual' },
      { bad: 2, line: 2, column: 8, message: '`Keep doing the on-call rotation` describes business as usual' },
    ],
  },
  check(context) {
    eachObjective(context, (objective) => {
      if (!isBusinessAsUsual(objective.data.title)) return;
      context.report({
        file: objective,
        at: ['title'],
        message: `\`${objective.data.title}\` describes business as usual`,
        hint: 'Ask what you want to change or reach for the first time; keep routine work as a `keep_above`/`keep_below` key result of a bigger objective',
      });
    });
  },
};
