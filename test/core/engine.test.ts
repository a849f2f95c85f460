import { describe, expect, it } from 'vitest';
import { runRules, type LintMessage, type Report } from '../../src/core/engine.ts';

function run(rules: { id: string; severity: 'error' | 'warn'; check(context: { report(report: Report): void }): void }[], configured: Record<string, 'error' | 'warn' | 'off'> = {}) {
  const messages: (LintMessage & { path: string })[] = [];
  runRules(rules, {
    severityOf: (id) => configured[id],
    contextFor: (report) => ({ report }),
    failurePath: 'okrs/first.md',
    add: (path, message) => messages.push({ path, ...message }),
  });
  return messages;
}

const at = { line: 3, column: 8, endLine: 3, endColumn: 20 };

describe('the rule engine', () => {
  it('turns one report object into a message with the rule id, severity and position', () => {
    const messages = run([{ id: 'a', severity: 'warn', check: ({ report }) => report({ file: { path: 'okrs/x.md' }, at, message: 'Found x, expected y', hint: 'Do y' }) }]);
    expect(messages).toEqual([{ path: 'okrs/x.md', ruleId: 'a', severity: 1, message: 'Found x, expected y', hint: 'Do y', ...at }]);
  });

  it('locates a YAML path through the file, reports `error: true` as an error, and follows the configured severity', () => {
    const locate = () => at;
    const rule = {
      id: 'b',
      severity: 'warn' as const,
      check: ({ report }: { report(report: Report): void }) => report({ file: { path: 'okrs/x.md', locate }, at: ['title'], message: 'm', error: true }),
    };
    expect(run([rule])).toEqual([expect.objectContaining({ severity: 2, line: 3, column: 8 })]);
    expect(run([rule], { b: 'off' })).toEqual([]);
  });

  it('reports a rule that throws as its own failure and runs the others', () => {
    const messages = run([
      {
        id: 'broken',
        severity: 'warn',
        check: () => {
          throw new Error('boom');
        },
      },
      { id: 'fine', severity: 'warn', check: ({ report }) => report({ file: { path: 'okrs/x.md' }, at, message: 'still here' }) },
    ]);
    expect(messages.map((message) => [message.path, message.ruleId, message.severity, message.message])).toEqual([
      ['okrs/first.md', 'broken', 2, 'Rule `broken` failed: boom'],
      ['okrs/x.md', 'fine', 1, 'still here'],
    ]);
  });
});
