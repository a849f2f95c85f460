import { isTaskLike } from '../language.ts';
import { eachKeyResult, type Rule } from './rule.ts';

const kr = (title: string) => `title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: ${title}\n    baseline: 0\n    target: 3\n`;

export const krOutcomeNotTask: Rule = {
  id: 'kr-outcome-not-task',
  criterion: 'Results-oriented—not a task: “Do the key results state the overall outcome, rather than individual steps to get there?”',
  severity: 'warn',
  description: 'A key result names an outcome (raise, cut, reach, get, earn…), not an activity (attend, watch, block out, help, research, hold meetings…).',
  examples: {
    good: [kr('Raise average audience feedback from 3.6 to 4.5 out of 5'), kr('Get 3 unsolicited invitations to speak')],
    bad: [
      kr('Attend a public speaking workshop by the end of the 1st quarter'),
      kr('Watch at least one TEDTalk per week'),
      kr('Block out 90 minutes each day to work on top-priority tasks'),
      kr('Delegate items to other team members to focus my time on higher priority tasks'),
    ],
  },
  check(context) {
    eachKeyResult(context, (keyResult, index, objective) => {
      if (!isTaskLike(keyResult.title)) return;
      context.report({
        file: objective,
        at: ['key_results', index, 'title'],
        message: `Key result \`${keyResult.id}\` reads like a task: “${keyResult.title}”`,
        hint: 'Say what will be true when the work is done, e.g. `Raise average audience feedback from 3.6 to 4.5`; keep the task in the body as an initiative (`- [ ] …`)',
      });
    });
  },
};
