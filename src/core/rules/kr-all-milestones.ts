import { keyResultKind } from '../score.ts';
import { eachObjective, type Rule } from './rule.ts';

export const krAllMilestones: Rule = {
  id: 'kr-all-milestones',
  criterion: 'Results-oriented—not a task: “Do the key results state the overall outcome, rather than individual steps to get there?” (Google’s trap: all-milestone key results.)',
  severity: 'warn',
  description: 'At least one key result of an objective measures a result; when every one is a yes/no milestone, the objective is a plan.',
  examples: {
    good: [
      'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Pass the final assessment of a public-speaking course\n    done: false\n  - id: b\n    title: Get 3 invitations to speak\n    baseline: 0\n    target: 3\n',
    ],
    bad: [
      'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Pass the final assessment of a public-speaking course\n    done: false\n  - id: b\n    title: Give the keynote at the yearly meeting\n    done: false\n',
    ],
    reports: [{ bad: 0, line: 5, column: 3, message: 'Every key result of this objective is a milestone: that is a plan, not results' }],
  },
  check(context) {
    eachObjective(context, (objective) => {
      const scored = objective.data.key_results.filter((kr) => kr.status !== 'dropped');
      if (scored.length === 0 || !scored.every((kr) => keyResultKind(kr) === 'milestone')) return;
      context.report({
        file: objective,
        at: ['key_results'],
        message: 'Every key result of this objective is a milestone: that is a plan, not results',
        hint: 'Make at least one a metric that shows the effect, e.g. `baseline: 3.6` → `target: 4.5`',
      });
    });
  },
};
