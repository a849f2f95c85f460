import { leadingVerb } from '../language.ts';
import { eachObjective, type Rule } from './rule.ts';

export const objectiveActionOriented: Rule = {
  id: 'objective-action-oriented',
  criterion: 'Action-oriented: “Does the objective indicate making a change or taking action?”',
  severity: 'warn',
  description: 'An objective starts with a verb that says what will change ("Deliver…", "Increase…", "Learn…").',
  examples: {
    good: ['title: Deliver engaging presentations\nperiod: 2026-Q4\n', 'title: Increase my work pace\nperiod: 2026-Q4\n'],
    bad: ['title: Presentations\nperiod: 2026-Q4\n', 'title: Customer happiness and retention\nperiod: 2026-Q4\n'],
  },
  check(context) {
    eachObjective(context, (objective) => {
      if (leadingVerb(objective.data.title) !== undefined) return;
      context.report({
        file: objective,
        at: ['title'],
        message: `\`${objective.data.title}\` does not start with an action`,
        hint: 'Start with a verb that names the change, e.g. `Deliver engaging presentations`',
      });
    });
  },
};
