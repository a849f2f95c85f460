import { eachObjective, type Rule } from './rule.ts';
import { plural } from '../words.ts';

const MIN = 2;
const MAX = 5;

export const krCount: Rule = {
  id: 'kr-count',
  criterion: 'Draft and refine your key results: “Working with one objective at a time, brainstorm a list of 2–5 key results.”',
  severity: 'warn',
  description: `Each objective has ${MIN}–${MAX} key results (not counting dropped ones); none at all is an error.`,
  examples: {
    good: [
      'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Get 3 invitations\n    baseline: 0\n    target: 3\n  - id: b\n    title: Reach 4.5 points of feedback\n    baseline: 3.6\n    target: 4.5\n',
    ],
    bad: [
      'title: Deliver engaging presentations\nperiod: 2026-Q4\n',
      'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Get 3 invitations\n    baseline: 0\n    target: 3\n',
    ],
    reports: [
      { bad: 0, line: 2, column: 8, message: 'This objective has no key results' },
      { bad: 1, line: 5, column: 3, message: 'This objective has 1 key result; aim for 2–5' },
    ],
  },
  check(context) {
    eachObjective(context, (objective) => {
      const count = objective.data.key_results.filter((kr) => kr.status !== 'dropped').length;
      if (count === 0) {
        context.report({
          file: objective,
          at: (objective.raw as { key_results?: unknown }).key_results ? ['key_results'] : ['title'],
          message: 'This objective has no key results',
          hint: 'Add 2–5 key results under `key_results:` that say how you will know the objective is met',
          error: true,
        });
        return;
      }
      if (count >= MIN && count <= MAX) return;
      context.report({
        file: objective,
        at: ['key_results'],
        message: `This objective has ${plural(count, 'key result')}; aim for ${MIN}–${MAX}`,
        hint: count < MIN ? 'Add another result that would prove the objective is met' : 'Keep the results that best prove the objective; move the rest to the body as initiatives',
      });
    });
  },
};
