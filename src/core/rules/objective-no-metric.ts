import { metricNumbers } from '../quantity.ts';
import { eachObjective, type Rule } from './rule.ts';

export const objectiveNoMetric: Rule = {
  id: 'objective-no-metric',
  criterion: 'OKR review: “They combine a goal and a metric to determine a measurable outcome.” The objective is the goal; the metrics belong in its key results.',
  severity: 'warn',
  description:
    'Numbers belong in key results; an objective names the goal. A target in words (“doubles”, “cut in half”) or redacted (`$N`) is a metric too; a year, a period name (2026, Q4, H2) or digits inside a name (libp2p, tier-1) are not.',
  examples: {
    good: [
      'title: Deliver engaging presentations\nperiod: 2026-Q4\n',
      'title: Make 2026 the year I speak in public\nperiod: 2026-Q4\n',
      'title: Make libp2p the networking stack of tier-1 projects\nperiod: 2026-Q4\n',
    ],
    bad: ['title: Give 12 talks with a 4.5 rating\nperiod: 2026-Q4\n', 'title: Grow revenue by 20%\nperiod: 2026-Q4\n', 'title: Revenue doubles year over year\nperiod: 2026-Q4\n'],
    reports: [
      { bad: 0, line: 2, column: 8, message: 'The objective holds a metric (`12`, `4.5`)' },
      { bad: 1, line: 2, column: 8, message: 'The objective holds a metric (`20%`)' },
      { bad: 2, line: 2, column: 8, message: 'The objective holds a metric (`doubles`)' },
    ],
  },
  check(context) {
    eachObjective(context, (objective) => {
      const numbers = metricNumbers(objective.data.title);
      if (numbers.length === 0) return;
      context.report({
        file: objective,
        at: ['title'],
        message: `The objective holds a metric (${numbers.map((number) => `\`${number}\``).join(', ')})`,
        hint: 'Say the goal in words and move the number into a key result, e.g. `target: 12`',
      });
    });
  },
};
