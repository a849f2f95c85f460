import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { prRules } from '../../../src/core/pr-rules/index.ts';
import { rules } from '../../../src/core/rules/index.ts';
import { exampleTree, lintFiles, sorted, statedReports } from '../../helpers/workspace.ts';

describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('quotes the criterion it enforces and documents itself', () => {
    expect(rule.criterion).toMatch(/“.+”/);
    expect(rule.description.length).toBeGreaterThan(20);
    expect(rule.examples.good.length).toBeGreaterThan(0);
    expect(rule.examples.bad.length).toBeGreaterThan(0);
  });

  it.each(rule.examples.good.map((example, index) => [index, example] as const))('stays quiet on good example %i', (_, example) => {
    const { files, now } = exampleTree(example);
    expect(lintFiles(files, now).filter((message) => message.ruleId === id)).toEqual([]);
  });

  it.each(rule.examples.bad.map((example, index) => [index, example] as const))('reports bad example %i with a line and a hint', (_, example) => {
    const { files, now } = exampleTree(example);
    const messages = lintFiles(files, now).filter((message) => message.ruleId === id);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.hint ?? '').not.toBe('');
      if (rule.severity === 'error') expect(message.severity).toBe(2);
    }
  });

  it('states what every bad example reports, and nothing else', () => {
    expect(new Set(rule.examples.reports.map((report) => report.bad))).toEqual(new Set(rule.examples.bad.map((_, index) => index)));
  });

  // As ESLint's `errors`: the stated reports of a bad example are exactly what the rule reports on it, file, position and message.
  it.each(rule.examples.bad.map((example, index) => [index, example] as const))('bad example %i reports the stated messages at the stated positions', (index, example) => {
    const { files, now } = exampleTree(example);
    const reported = lintFiles(files, now)
      .filter((message) => message.ruleId === id)
      .map(({ path, line, column, message }) => ({ file: path, line, column, message }));
    expect(sorted(reported)).toEqual(sorted(statedReports(rule.examples.reports, index)));
  });
});

describe('the rule set', () => {
  // The registry is the list: every rule file is registered once, and every registered rule has its file.
  it('registers each rule file of src/core/rules once, under the id it is named by', () => {
    const folder = path.resolve(import.meta.dirname, '../../../src/core/rules');
    const files = readdirSync(folder)
      .filter((file) => file.endsWith('.ts') && !['index.ts', 'rule.ts'].includes(file))
      .map((file) => file.replace(/\.ts$/, ''));
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(files.sort());
  });

  it('registers each change rule of src/core/pr-rules once, under the id it is named by', () => {
    const folder = path.resolve(import.meta.dirname, '../../../src/core/pr-rules');
    const files = readdirSync(folder)
      .filter((file) => file.endsWith('.ts') && !['index.ts', 'pr-rule.ts'].includes(file))
      .map((file) => file.replace(/\.ts$/, ''));
    expect(prRules.map((rule) => rule.id).sort()).toEqual(files.sort());
  });
});
