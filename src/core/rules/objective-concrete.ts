import { isVague } from '../language.ts';
import { eachObjective, type Rule } from './rule.ts';

const MIN_WORDS = 3;
const MAX_CHARACTERS = 70;

export const objectiveConcrete: Rule = {
  id: 'objective-concrete',
  criterion: 'Concrete: “Is the objective clearly stated? Would someone else understand what the objective is hoping to accomplish?”',
  severity: 'warn',
  description: `An objective is clear at a glance: at least ${MIN_WORDS} words, at most ${MAX_CHARACTERS} characters, and not only vague words.`,
  examples: {
    good: ['title: Learn new skills and practices beyond the job description\nperiod: 2026-Q4\n'],
    bad: [
      'title: Improve\nperiod: 2026-Q4\n',
      'title: Do great things\nperiod: 2026-Q4\n',
      'title: Deliver engaging presentations to every team, the leadership group and customers at the yearly event\nperiod: 2026-Q4\n',
    ],
    reports: [
      { bad: 0, line: 2, column: 8, message: '`Improve` is too short to say what will change' },
      { bad: 1, line: 2, column: 8, message: '`Do great things` uses only vague words' },
      { bad: 2, line: 2, column: 8, message: 'The objective is 100 characters long; keep it under 70' },
    ],
  },
  check(context) {
    eachObjective(context, (objective) => {
      const title = objective.data.title.trim();
      const words = title.split(/\s+/).length;
      if (title.length > MAX_CHARACTERS) {
        context.report({
          file: objective,
          at: ['title'],
          message: `The objective is ${title.length} characters long; keep it under ${MAX_CHARACTERS}`,
          hint: 'Say the change in one short line; put the detail in the body',
        });
      } else if (words < MIN_WORDS) {
        context.report({
          file: objective,
          at: ['title'],
          message: `\`${title}\` is too short to say what will change`,
          hint: 'Name the action and what it changes, e.g. `Deliver engaging presentations`',
        });
      } else if (isVague(title)) {
        context.report({
          file: objective,
          at: ['title'],
          message: `\`${title}\` uses only vague words`,
          hint: 'Say what someone else would see change, e.g. `Increase my work pace` instead of `Do better`',
        });
      }
    });
  },
};
