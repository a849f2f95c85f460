import { describe, expect, test } from 'vitest';
import { lintChange, mergeResults } from '../../src/core/lint-change.ts';
import { lintWorkspace } from '../../src/core/lint.ts';
import type { PrRule } from '../../src/core/pr-rules/pr-rule.ts';
import { exampleWorkspace } from '../helpers/workspace.ts';

const objective = `title: Deliver engaging presentations
period: 2026-Q4
key_results:
  - id: feedback
    title: Raise average audience feedback from 3.6 to 4.5 out of 5
    baseline: 3.6
    target: 4.5`;
const eased = objective.replace('target: 4.5', 'target: 4');

describe('lintChange', () => {
  test('reports at the changed line of the head file', () => {
    const [result] = lintChange({ base: exampleWorkspace({ 'okrs/q4/talks.md': objective }), head: exampleWorkspace({ 'okrs/q4/talks.md': eased }), now: '2026-11-02', scheduled: false });
    expect(result?.path).toBe('okrs/q4/talks.md');
    expect(result?.messages).toMatchObject([{ ruleId: 'target-eased', severity: 1, line: 8, message: 'Target of `feedback` eased from 4.5 to 4 (baseline 3.6) during the period' }]);
    expect(result?.warningCount).toBe(1);
  });

  test('config.yml sets the severity of a pull-request rule, and the linter accepts its id', () => {
    const config = 'rules:\n  target-eased: error\n  kr-removed-mid-period: "off"\n';
    const head = exampleWorkspace({ 'okrs/q4/talks.md': eased, 'okrs/config.yml': config });
    const results = lintChange({ base: exampleWorkspace({ 'okrs/q4/talks.md': objective }), head, now: '2026-11-02', scheduled: false });
    expect(results[0]?.messages.map((message) => message.severity)).toEqual([2]);
    const configMessages = lintWorkspace(head, { now: '2026-11-02' }).find((result) => result.path === 'okrs/config.yml')?.messages;
    expect(configMessages).toEqual([]);
  });

  test('a whole objective deleted mid-period is reported on its old path', () => {
    const results = lintChange({ base: exampleWorkspace({ 'okrs/q4/talks.md': objective }), head: exampleWorkspace({}), now: '2026-11-02', scheduled: false });
    expect(results).toMatchObject([{ path: 'okrs/q4/talks.md', messages: [{ ruleId: 'kr-removed-mid-period', line: 5 }] }]);
  });

  test('without a base only the scheduled rule can speak', () => {
    const results = lintChange({ base: undefined, head: exampleWorkspace({ 'okrs/q4/talks.md': objective }), now: '2026-11-20', scheduled: true, lastCheckin: () => '2026-10-01' });
    expect(results.flatMap((result) => result.messages.map((message) => message.ruleId))).toEqual(['checkin-stale']);
    expect(results[0]?.messages[0]?.message).toBe('No check-in of `feedback` for 50 days (last on 2026-10-01)');
  });

  test('a rule that throws is reported instead of ending the run', () => {
    const broken: PrRule = {
      id: 'broken',
      criterion: '',
      severity: 'warn',
      description: '',
      examples: { good: [], bad: [], reports: [] },
      check: () => {
        throw new Error('boom');
      },
    };
    const results = lintChange({ base: undefined, head: exampleWorkspace({ 'okrs/q4/talks.md': objective }), now: '2026-11-20', scheduled: false, rules: [broken] });
    expect(results[0]?.messages[0]).toMatchObject({ ruleId: 'broken', message: 'Rule `broken` failed: boom' });
  });
});

describe('mergeResults', () => {
  test('joins messages of the same path in line order and recounts', () => {
    const a = { path: 'b.md', messages: [{ ruleId: 'x', severity: 2 as const, message: 'm', line: 9, column: 1, endLine: 9, endColumn: 1 }], errorCount: 1, warningCount: 0 };
    const b = { path: 'b.md', messages: [{ ruleId: 'y', severity: 1 as const, message: 'n', line: 2, column: 1, endLine: 2, endColumn: 1 }], errorCount: 0, warningCount: 1 };
    const c = { path: 'a.md', messages: [], errorCount: 0, warningCount: 0 };
    const merged = mergeResults([a], [b, c]);
    expect(merged.map((result) => result.path)).toEqual(['a.md', 'b.md']);
    expect(merged[1]).toMatchObject({ errorCount: 1, warningCount: 1, messages: [{ ruleId: 'y' }, { ruleId: 'x' }] });
  });
});
