import { objectiveHasAction } from '../judgement.ts';
import { eachObjective, type Rule } from './rule.ts';

export const objectiveActionOriented: Rule = {
  id: 'objective-action-oriented',
  criterion: 'Action-oriented: “Does the objective indicate making a change or taking action?”',
  severity: 'warn',
  description:
    'An objective names an action or a change: it starts with a verb (“Deliver…”, “Proactively help…”, “Rebuilding trust…”) or states that something changes (“LSIF is adopted by customers”, “gx becomes a beloved tool”). A noun phrase (“Availability”, “Engineering efficiency and foundations”) names a topic, not a change.',
  examples: {
    good: ['title: Deliver engaging presentations\nperiod: 2026-Q4\n', 'title: Increase my work pace\nperiod: 2026-Q4\n', 'title: LSIF is adopted by customers\nperiod: 2026-Q4\n'],
    bad: ['title: Presentations\nperiod: 2026-Q4\n', 'title: Customer happiness and retention\nperiod: 2026-Q4\n'],
    reports: [
      { bad: 0, line: 2, column: 8, message: '`Presentations` does not start with an action or state a change: it names a topic' },
      { bad: 1, line: 2, column: 8, message: '`Customer happiness and retention` does not start with an action or state a change: it names a topic' },
    ],
  },
  check(context) {
    eachObjective(context, (objective) => {
      if (objectiveHasAction(objective.data.title)) return;
      context.report({
        file: objective,
        at: ['title'],
        message: `\`${objective.data.title}\` does not start with an action or state a change: it names a topic`,
        hint: 'Start with a verb that names the change, e.g. `Deliver engaging presentations`, or say what changes, e.g. `LSIF is adopted by customers`',
      });
    });
  },
};
