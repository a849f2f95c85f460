import { hasQuantity } from '../language.ts';
import { keyResultKind } from '../score.ts';
import { eachKeyResult, type Rule } from './rule.ts';

export const krMeasurable: Rule = {
  id: 'kr-measurable',
  criterion: 'Measurable and verifiable: “Do the key results include specific, objective metrics?”',
  severity: 'warn',
  description: 'A metric or threshold key result states its quantity in the title (digits or number words), so anyone can verify it.',
  examples: {
    good: ['title: Increase my work pace\nperiod: 2026-Q4\nkey_results:\n  - id: cycle\n    title: Cut the median review time from 3 days to 1\n    baseline: 3\n    target: 1\n'],
    bad: ['title: Increase my work pace\nperiod: 2026-Q4\nkey_results:\n  - id: cycle\n    title: Review pull requests faster\n    baseline: 3\n    target: 1\n'],
  },
  check(context) {
    eachKeyResult(context, (keyResult, index, objective) => {
      if (keyResultKind(keyResult) === 'milestone' || hasQuantity(keyResult.title)) return;
      context.report({
        file: objective,
        at: ['key_results', index, 'title'],
        message: `Key result \`${keyResult.id}\` states no quantity in its title`,
        hint: 'Put the measure in words a reader can verify, e.g. `Raise average audience feedback from 3.6 to 4.5 out of 5`',
      });
    });
  },
};
