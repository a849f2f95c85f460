import { isSourceReference } from '../org.ts';
import { closest } from '../suggest.ts';
import { eachObjective, type Rule } from './rule.ts';

export const alignedToResolves: Rule = {
  id: 'aligned-to-resolves',
  criterion: 'Aligned: “your objectives should align with the mission you defined earlier. Does the objective help you in achieving your overall goals?”',
  severity: 'error',
  description:
    '`aligned_to` is `mission` or the id of an objective that exists, and alignment never goes round in a circle. `source:id` names an objective of another repository, which `okr build --org` resolves.',
  examples: {
    good: [
      {
        files: {
          'okrs/mission.md': '---\nmission: Ship a product people love.\n---\n',
          'okrs/2026-q4/team.md': '---\ntitle: Delight our first customers\nperiod: 2026-Q4\n---\n',
          'okrs/2026-q4/jane.md': '---\ntitle: Speed up the onboarding flow\nperiod: 2026-Q4\naligned_to: team\n---\n',
        },
      },
      'title: Cut the checkout latency\nperiod: 2026-Q4\naligned_to: team-platform:latency\n',
    ],
    bad: [
      'title: Deliver engaging presentations\nperiod: 2026-Q4\naligned_to: nowhere\n',
      {
        files: {
          'okrs/mission.md': '---\nmission: Ship a product people love.\n---\n',
          'okrs/2026-q4/a.md': '---\ntitle: Delight our first customers\nperiod: 2026-Q4\naligned_to: b\n---\n',
          'okrs/2026-q4/b.md': '---\ntitle: Speed up the onboarding flow\nperiod: 2026-Q4\naligned_to: a\n---\n',
        },
      },
    ],
    reports: [
      { bad: 0, line: 4, column: 13, message: '`aligned_to: nowhere` names no objective' },
      { bad: 1, file: 'okrs/2026-q4/a.md', line: 4, column: 13, message: 'Alignment goes round in a circle: a → b → a' },
      { bad: 1, file: 'okrs/2026-q4/b.md', line: 4, column: 13, message: 'Alignment goes round in a circle: b → a → b' },
    ],
  },
  check(context) {
    const parents = new Map<string, string>();
    const ids = context.workspace.objectives.map((objective) => objective.id);
    eachObjective(context, (objective) => {
      const target = objective.data.aligned_to;
      // Another repository's objective: only an organisation's build (`okr build --org`) can see it.
      if (target === 'mission' || isSourceReference(target)) return;
      if (!ids.includes(target)) {
        const suggestion = closest(target, ids);
        context.report({
          file: objective,
          at: ['aligned_to'],
          message: `\`aligned_to: ${target}\` names no objective`,
          hint: suggestion ? `Did you mean \`${suggestion}\`? Otherwise use \`mission\`` : 'Use `mission` or the id of another objective',
        });
        return;
      }
      parents.set(objective.id, target);
    });
    eachObjective(context, (objective) => {
      const chain = [objective.id];
      for (let next = parents.get(objective.id); next !== undefined; next = parents.get(next)) {
        if (next === objective.id) {
          context.report({ file: objective, at: ['aligned_to'], message: `Alignment goes round in a circle: ${[...chain, next].join(' → ')}`, hint: 'Align one of them to `mission`' });
          return;
        }
        if (chain.includes(next)) return;
        chain.push(next);
      }
    });
  },
};
