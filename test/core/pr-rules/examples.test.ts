import { describe, expect, test } from 'vitest';
import { lintChange } from '../../../src/core/lint-change.ts';
import { prRules } from '../../../src/core/pr-rules/index.ts';
import type { PrRule, PrRuleExample } from '../../../src/core/pr-rules/pr-rule.ts';
import { EXAMPLE_PATH, exampleWorkspace, sorted, statedReports } from '../../helpers/workspace.ts';

function results(rule: PrRule, example: PrRuleExample) {
  return lintChange({
    base: example.base === undefined ? undefined : exampleWorkspace({ [EXAMPLE_PATH]: example.base }),
    head: exampleWorkspace({ [EXAMPLE_PATH]: example.head }),
    now: example.now,
    scheduled: example.scheduled ?? false,
    lastCheckin: () => example.lastCheckin,
    rules: [rule],
  });
}

function findings(rule: PrRule, example: PrRuleExample) {
  return results(rule, example).flatMap((result) => result.messages);
}

describe.each(prRules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  test('quotes the criterion it enforces', () => {
    expect(rule.criterion).toMatch(/“.+”/);
  });

  test('has good and bad examples', () => {
    expect(rule.examples.good.length).toBeGreaterThan(0);
    expect(rule.examples.bad.length).toBeGreaterThan(0);
  });

  test.each(rule.examples.good.map((example, index) => [index, example] as const))('good example %i passes', (_index, example) => {
    expect(exampleWorkspace({ [EXAMPLE_PATH]: example.head }).objectives[0]?.findings).toEqual([]);
    expect(findings(rule, example)).toEqual([]);
  });

  test.each(rule.examples.bad.map((example, index) => [index, example] as const))('bad example %i is reported as a warning', (_index, example) => {
    const messages = findings(rule, example);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((message) => message.ruleId === rule.id && message.severity === 1)).toBe(true);
  });

  test('states what every bad example reports', () => {
    expect(new Set(rule.examples.reports.map((report) => report.bad))).toEqual(new Set(rule.examples.bad.map((_, index) => index)));
  });

  // As ESLint's `errors`: exactly what the rule reports on the change, file, position and message.
  test.each(rule.examples.bad.map((example, index) => [index, example] as const))('bad example %i reports the stated messages at the stated positions', (index, example) => {
    const reported = results(rule, example).flatMap((result) => result.messages.map(({ line, column, message }) => ({ file: result.path, line, column, message })));
    expect(sorted(reported)).toEqual(sorted(statedReports(rule.examples.reports, index)));
  });
});
