import { hasQuantity } from '../quantity.ts';
import { keyResultKind } from '../score.ts';
import { eachKeyResult, type Rule } from './rule.ts';

/** Say why digits did not count, when the title has some. */
function namesOnly(title: string): string {
  const digits = title.match(/\S*\d\S*/g);
  return digits ? ` (${digits.map((word) => `\`${word.replace(/[.,;:)]+$/, '')}\``).join(', ')} ${digits.length === 1 ? 'is a name, version or period' : 'are names, versions or periods'})` : '';
}

export const krMeasurable: Rule = {
  id: 'kr-measurable',
  criterion: 'Measurable and verifiable: “Do the key results include specific, objective metrics?”',
  severity: 'warn',
  description:
    'A metric or threshold key result states its quantity in the title (a number, a percentage, a multiple, or a quantity in words), so anyone can verify it. Digits inside names, versions and periods (libp2p, W3C, v1.0, Rails 5, Q1, FY24) and words like first, every or better are not a quantity.',
  examples: {
    good: ['title: Increase my work pace\nperiod: 2026-Q4\nkey_results:\n  - id: cycle\n    title: Cut the median review time from 3 days to 1\n    baseline: 3\n    target: 1\n'],
    bad: [
      'title: Increase my work pace\nperiod: 2026-Q4\nkey_results:\n  - id: cycle\n    title: Review pull requests faster\n    baseline: 3\n    target: 1\n',
      'title: Increase my work pace\nperiod: 2026-Q4\nkey_results:\n  - id: rails\n    title: Run the app on Rails 5 in Q1\n    baseline: 0\n    target: 1\n',
    ],
    reports: [
      { bad: 0, line: 6, column: 12, message: 'Key result `cycle` states no quantity in its title' },
      { bad: 1, line: 6, column: 12, message: 'Key result `rails` states no quantity in its title (`5`, `Q1` are names, versions or periods)' },
    ],
  },
  check(context) {
    eachKeyResult(context, (keyResult, index, objective) => {
      if (keyResultKind(keyResult) === 'milestone' || hasQuantity(keyResult.title)) return;
      context.report({
        file: objective,
        at: ['key_results', index, 'title'],
        message: `Key result \`${keyResult.id}\` states no quantity in its title${namesOnly(keyResult.title)}`,
        hint: 'Put the measure in words a reader can verify, e.g. `Raise average audience feedback from 3.6 to 4.5 out of 5`',
      });
    });
  },
};
