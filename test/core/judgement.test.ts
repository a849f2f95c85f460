import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectiveHasAction, readKeyResult } from '../../src/core/judgement.ts';
import { lintWorkspace } from '../../src/core/lint.ts';
import { hasQuantity, metricNumbers } from '../../src/core/quantity.ts';
import { figures, findSharedCorpus, JUDGED_RULES, judge, NOW, OBJECTIVE_PATH, OWN_CORPUS, readCorpus, type JudgedRule } from '../helpers/judgement.ts';
import { workspaceOf } from '../helpers/workspace.ts';

/** Goals from the issue: recall at least, false alarms at most. */
const GOALS: Record<JudgedRule, { recall: number; falseAlarms: number }> = {
  'kr-outcome-not-task': { recall: 0.8, falseAlarms: 0.05 },
  'kr-measurable': { recall: 0.95, falseAlarms: 0.02 },
  'objective-no-metric': { recall: 0.9, falseAlarms: 0.02 },
  'objective-action-oriented': { recall: 0.8, falseAlarms: 0.05 },
};

const lint = (files: Record<string, string>) => lintWorkspace(workspaceOf(files), { now: NOW }).find((result) => result.path === OBJECTIVE_PATH)?.messages ?? [];

function checkCorpus(file: string) {
  const verdicts = judge(readCorpus(file), lint);
  it.each(JUDGED_RULES.map((rule) => [rule] as const))('%s meets its recall and false-alarm goals', (rule) => {
    const result = figures(verdicts, rule);
    const disagreements = result.disagreements.map(({ row, fired }) => `${fired ? 'fired' : 'quiet'} on ${row.expect}: ${row.text}`).join('\n');
    expect(result.scored).toBeGreaterThan(0);
    expect(result.recall, disagreements).toBeGreaterThanOrEqual(GOALS[rule].recall);
    expect(result.falseAlarmRate, disagreements).toBeLessThanOrEqual(GOALS[rule].falseAlarms);
  });
}

describe('the sentence rules on the repository’s own labelled corpus', () => {
  it('holds sentences from at least six domains, with every rule labelled both ways', () => {
    const rows = readCorpus(OWN_CORPUS);
    expect(new Set(rows.map((row) => row.source)).size).toBeGreaterThanOrEqual(6);
    for (const rule of JUDGED_RULES) {
      expect(rows.some((row) => row.rule === rule && row.expect === 'fire')).toBe(true);
      expect(rows.some((row) => row.rule === rule && row.expect === 'quiet')).toBe(true);
    }
  });
  checkCorpus(OWN_CORPUS);
});

// The shared real-OKR corpus sits beside the repository in the team's workspace; a clean clone does not have it.
const shared = findSharedCorpus(path.resolve(import.meta.dirname, '../..'));
if (shared !== undefined) {
  describe('the sentence rules on the shared real-OKR corpus', () => {
    checkCorpus(shared);
  });
}

describe('a judged sentence’s message', () => {
  it('says why in the sentence’s own words, for a task and for output', () => {
    const messages = judge(
      [
        { kind: 'kr', rule: 'kr-outcome-not-task', expect: 'fire', text: 'Implement CRM', source: 'test', why: '', line: 1 },
        { kind: 'kr', rule: 'kr-outcome-not-task', expect: 'fire', text: 'Publish 5 blog posts', source: 'test', why: '', line: 2 },
      ],
      lint,
    ).map((verdict) => verdict.message?.message);
    expect(messages).toEqual([
      'Key result `judged` reads like a task: “Implement CRM” is work to do (“implement”), not the result it should bring',
      'Key result `judged` counts output: “Publish 5 blog posts” counts your own output; say what the posts should change',
    ]);
  });
});

describe('reading any sentence', () => {
  const words = fc.constantFrom(
    'Ship',
    'the',
    'users',
    'is',
    'documented',
    'Reduce',
    'by',
    '10%',
    'v1.0',
    'There',
    'are',
    'every',
    'week',
    '.',
    '-',
    'libp2p',
    'Q4',
    'has',
    'a',
    'plan',
    'Growing',
    '(e.g. this)',
    'at least',
    '3',
  );
  const sentence = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.array(words, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' ')),
  );

  it('always gives a verdict, and a reason quotes the sentence’s own words', () => {
    fc.assert(
      fc.property(sentence, (title) => {
        const reading = readKeyResult(title);
        expect(['task', 'output', 'outcome']).toContain(reading.kind);
        if (reading.kind === 'task') expect(title.replace(/\s+/g, ' ')).toContain(/“([^”]*)”/.exec(reading.because)![1]!.replace(/\s+/g, ' ').split(' ')[0]);
        if (reading.kind === 'output') expect(title).toContain(reading.clause.split(' ')[0]!);
        expect(typeof objectiveHasAction(title)).toBe('boolean');
        expect(Array.isArray(metricNumbers(title)) && typeof hasQuantity(title) === 'boolean').toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
