import { describe, expect, test } from 'vitest';
import { changedPaths, planAnnotations } from '../../action/src/annotations.ts';
import type { LintResult } from '../../src/core/lint.ts';

function result(path: string, severities: (1 | 2)[]): LintResult {
  const messages = severities.map((severity, index) => ({ ruleId: 'rule', severity, message: `m${index}`, line: index + 1, column: 1, endLine: index + 1, endColumn: 1 }));
  return { path, messages, errorCount: severities.filter((s) => s === 2).length, warningCount: severities.filter((s) => s === 1).length };
}

describe('planAnnotations', () => {
  test('shows everything under the limits', () => {
    const plan = planAnnotations([result('a.md', [2, 1])], new Set());
    expect(plan.shown.map((annotation) => annotation.kind)).toEqual(['error', 'warning']);
    expect(plan.hidden).toEqual({ error: 0, warning: 0 });
  });

  test('caps at 10 per kind and puts the changed files first', () => {
    const results = [result('a.md', Array(8).fill(2)), result('b.md', Array(8).fill(2)), result('c.md', Array(12).fill(1))];
    const plan = planAnnotations(results, new Set(['b.md', 'c.md']));
    const errors = plan.shown.filter((annotation) => annotation.kind === 'error');
    expect(errors.map((annotation) => annotation.path)).toEqual([...Array(8).fill('b.md'), 'a.md', 'a.md']);
    expect(plan.shown.filter((annotation) => annotation.kind === 'warning')).toHaveLength(10);
    expect(plan.total).toEqual({ error: 16, warning: 12 });
    expect(plan.hidden).toEqual({ error: 6, warning: 2 });
  });

  test('keeps within the job budget, errors first', () => {
    const plan = planAnnotations([result('a.md', [2, 2, 2, 1, 1, 1])], new Set(), { perKind: 10, perJob: 4 });
    expect(plan.shown.map((annotation) => annotation.kind)).toEqual(['error', 'error', 'error', 'warning']);
    expect(plan.hidden).toEqual({ error: 0, warning: 2 });
  });
});

test('changedPaths lists files added, edited and deleted', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const base = [
    { path: 'same', bytes: bytes('x') },
    { path: 'edited', bytes: bytes('x') },
    { path: 'deleted', bytes: bytes('x') },
  ];
  const head = [
    { path: 'same', bytes: bytes('x') },
    { path: 'edited', bytes: bytes('y') },
    { path: 'added', bytes: bytes('x') },
  ];
  expect([...changedPaths(base, head)].sort()).toEqual(['added', 'deleted', 'edited']);
});
