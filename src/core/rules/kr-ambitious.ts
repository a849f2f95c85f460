import { resolvePeriod } from '../period.ts';
import { expectedProgress, keyResultKind, keyResultProgress, keyResultWindow } from '../score.ts';
import { eachKeyResult, eachObjective, type Rule } from './rule.ts';

/** Reaching the target within the first tenth of the window is sandbagging. */
const EARLY = 0.1;

const withKr = (type: string, kr: string) => `title: Deliver engaging presentations\nperiod: 2026-Q4\ntype: ${type}\nkey_results:\n  - id: a\n    title: Get 3 invitations\n${kr}`;

export const krAmbitious: Rule = {
  id: 'kr-ambitious',
  criterion: 'Aggressive yet realistic: “Do the stated results stretch you but still account for potential challenges or unexpected events that could arise?” (Google’s trap: sandbagging.)',
  severity: 'warn',
  description:
    'A key result asks for a change: its target differs from its baseline, it is not met as the period starts, a committed objective is not at risk (confidence ≥ 0.5), and an aspirational one is not a sure thing (confidence < 0.9 somewhere).',
  examples: {
    good: [withKr('aspirational', '    baseline: 0\n    target: 3\n    current: 1\n    confidence: 0.6\n')],
    bad: [
      withKr('aspirational', '    baseline: 3\n    target: 3\n'),
      { files: { 'okrs/mission.md': '---\nmission: Grow.\n---\n', 'okrs/2026-q4/x.md': `---\n${withKr('aspirational', '    baseline: 0\n    target: 3\n    current: 3\n')}---\n` }, now: '2026-10-03' },
      withKr('committed', '    baseline: 0\n    target: 3\n    confidence: 0.2\n'),
      withKr('aspirational', '    baseline: 0\n    target: 3\n    confidence: 0.95\n'),
    ],
    reports: [
      { bad: 0, line: 9, column: 13, message: 'Key result `a`: the target equals the baseline (3)' },
      { bad: 1, file: 'okrs/2026-q4/x.md', line: 6, column: 5, message: 'Key result `a` is already met as the period starts' },
      { bad: 2, line: 10, column: 17, message: 'Key result `a` of a committed objective has confidence 0.2' },
      { bad: 3, line: 4, column: 7, message: 'Every key result of this aspirational objective has confidence 0.9 or more' },
    ],
  },
  check(context) {
    eachKeyResult(context, (kr, index, objective) => {
      const at = ['key_results', index];
      const kind = keyResultKind(kr);
      if ((kind === 'increase' || kind === 'decrease') && kr.baseline === kr.target) {
        context.report({
          file: objective,
          at: [...at, 'target'],
          message: `Key result \`${kr.id}\`: the target equals the baseline (${kr.target})`,
          hint: 'Set a target that asks for a change; a level to hold is a `keep_above`/`keep_below` threshold',
        });
        return;
      }
      if (kind === 'threshold') return;
      const expected = expectedProgress(keyResultWindow(kr, resolvePeriod(objective.data.period)), context.now, kind);
      if (keyResultProgress(kr) >= 1 && expected !== undefined && expected <= EARLY) {
        context.report({ file: objective, at, message: `Key result \`${kr.id}\` is already met as the period starts`, hint: 'Stretch the target so it asks for something you have not done yet' });
      }
      if (objective.data.type === 'committed' && kr.confidence !== undefined && kr.confidence < 0.5) {
        context.report({
          file: objective,
          at: [...at, 'confidence'],
          message: `Key result \`${kr.id}\` of a committed objective has confidence ${kr.confidence}`,
          hint: 'A committed objective is expected at 1.0: lower the target to what you can promise, or make the objective `type: aspirational`',
        });
      }
    });
    eachObjective(context, (objective) => {
      const confidences = objective.data.key_results.filter((kr) => kr.status !== 'dropped').map((kr) => kr.confidence);
      if (objective.data.type !== 'aspirational' || confidences.length === 0) return;
      if (confidences.every((confidence) => confidence !== undefined && confidence >= 0.9)) {
        context.report({
          file: objective,
          at: ['type'],
          message: 'Every key result of this aspirational objective has confidence 0.9 or more',
          hint: 'Aspirational key results should stretch you (about 0.5–0.7 confidence); raise the targets, or make the objective `type: committed`',
        });
      }
    });
  },
};
