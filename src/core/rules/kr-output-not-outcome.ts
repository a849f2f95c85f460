import { readKeyResult } from '../judgement.ts';
import { eachKeyResult, type Rule } from './rule.ts';

const kr = (title: string, baseline = 0, target = 5) => `title: Grow the newsletter\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: ${title}\n    baseline: ${baseline}\n    target: ${target}\n`;

export const krOutputNotOutcome: Rule = {
  id: 'kr-output-not-outcome',
  criterion:
    'Results-oriented—not a task: “Do the key results state the overall outcome, rather than individual steps to get there?” Shipping, publishing or closing your own work is a step toward the outcome.',
  severity: 'warn',
  description:
    'A key result that counts or delivers the team’s own output (publish 5 posts, ship the beta, close 45 bugs, “X is published”) says what the team makes, not what it changes. Milder than `kr-outcome-not-task`: teams that accept launches as key results can set it to `off`.',
  examples: {
    good: [kr('Grow newsletter subscribers from 800 to 2,000', 800, 2000), kr('Deliver 10 sales-qualified leads worth more than $10k', 0, 10)],
    bad: [kr('Publish 5 blog posts'), kr('Ship the beta to the app store'), kr('js.ipfs.io is finished and published')],
    reports: [
      { bad: 0, line: 6, column: 12, message: 'Key result `a` counts output: “Publish 5 blog posts” counts your own output; say what the posts should change' },
      { bad: 1, line: 6, column: 12, message: 'Key result `a` counts output: “Ship the beta to the app store” counts your own output; say what the beta should change' },
      { bad: 2, line: 6, column: 12, message: 'Key result `a` counts output: “js.ipfs.io is finished and published” counts your own output; say what js.ipfs.io should change' },
    ],
  },
  check(context) {
    eachKeyResult(context, (keyResult, index, objective) => {
      const reading = readKeyResult(keyResult.title);
      if (reading.kind !== 'output') return;
      context.report({
        file: objective,
        at: ['key_results', index, 'title'],
        message: `Key result \`${keyResult.id}\` counts output: “${reading.clause}” counts your own output; say what ${reading.output} should change`,
        hint: 'Name the change the output should bring, e.g. `Grow newsletter subscribers from 800 to 2,000`; if your team counts launches as results, set `kr-output-not-outcome: off` in okrs/config.yml',
      });
    });
  },
};
