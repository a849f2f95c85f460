import { readKeyResult } from '../judgement.ts';
import { eachKeyResult, type Rule } from './rule.ts';

const kr = (title: string) => `title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: ${title}\n    baseline: 0\n    target: 3\n`;

export const krOutcomeNotTask: Rule = {
  id: 'kr-outcome-not-task',
  criterion: 'Results-oriented—not a task: “Do the key results state the overall outcome, rather than individual steps to get there?”',
  severity: 'warn',
  description:
    'A key result states an outcome (a change in a metric, a level to reach or hold, what others do), not a step of work: writing a document, an engineering step, a meeting or an event, research, a habit, or a task restated as done (“X is documented”, “There is a prototype”, a noun phrase such as “Competitive research”). Counts of your own output are the milder `kr-output-not-outcome`.',
  examples: {
    good: [kr('Raise average audience feedback from 3.6 to 4.5 out of 5'), kr('Get 3 unsolicited invitations to speak'), kr('A Daemon runs for 10 days without a crash')],
    bad: [
      kr('Attend a public speaking workshop by the end of the 1st quarter'),
      kr('Watch at least one TEDTalk per week'),
      kr('Block out 90 minutes each day to work on top-priority tasks'),
      kr('Delegate items to other team members to focus my time on higher priority tasks'),
      kr('There is a prototype implementation of GraphSync'),
      kr('Competitive research'),
    ],
    reports: [
      {
        bad: 0,
        line: 6,
        column: 12,
        message: 'Key result `a` reads like a task: “Attend a public speaking workshop by the end of the 1st quarter” is work to do (“attend”), not the result it should bring',
      },
      { bad: 1, line: 6, column: 12, message: 'Key result `a` reads like a task: “Watch at least one TEDTalk per week” is a habit (“watch”), not the result it should bring' },
      {
        bad: 2,
        line: 6,
        column: 12,
        message: 'Key result `a` reads like a task: “Block out 90 minutes each day to work on top-priority tasks” is a habit (“block out”), not the result it should bring',
      },
      {
        bad: 3,
        line: 6,
        column: 12,
        message: 'Key result `a` reads like a task: “Delegate items to other team members to focus my time on higher priority tasks” is work to do (“delegate”), not the result it should bring',
      },
      { bad: 4, line: 6, column: 12, message: 'Key result `a` reads like a task: “There is a prototype implementation of GraphSync” states that work exists, not what it changes' },
      { bad: 5, line: 6, column: 12, message: 'Key result `a` reads like a task: “Competitive research” names a piece of work, not a result' },
    ],
  },
  check(context) {
    eachKeyResult(context, (keyResult, index, objective) => {
      const reading = readKeyResult(keyResult.title);
      if (reading.kind !== 'task') return;
      context.report({
        file: objective,
        at: ['key_results', index, 'title'],
        message: `Key result \`${keyResult.id}\` reads like a task: ${reading.because}`,
        hint: 'Say what will be true when the work is done, e.g. `Raise average audience feedback from 3.6 to 4.5`; keep the task in the body as an initiative (`- [ ] …`)',
      });
    });
  },
};
