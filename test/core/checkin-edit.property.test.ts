/** The check-in editor changes exactly the asked value, or refuses with a message. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckinEditError, editKeyResult, type KeyResultEdit } from '../../src/core/checkin-edit.ts';
import { readFrontmatter } from '../../src/core/frontmatter.ts';

interface KrSpec {
  flow: boolean;
  current: 'none' | 'plain' | 'comment' | 'anchor' | 'alias' | 'quoted';
  confidence: boolean;
}

const krSpec: fc.Arbitrary<KrSpec> = fc.record({
  flow: fc.boolean(),
  current: fc.constantFrom<KrSpec['current']>('none', 'plain', 'comment', 'anchor', 'alias', 'quoted'),
  confidence: fc.boolean(),
});

/** An objective file in one of many hand-written styles; an alias refers to the latest anchor before it, if any. */
function fileOf(krs: KrSpec[], crlf: boolean, trailingComment: boolean): string {
  let anchors = 0;
  const lines = ['---', '# a comment that stays', 'title: Deliver engaging presentations   # the objective', 'period: 2026-Q4', 'key_results:'];
  krs.forEach((kr, index) => {
    let current: string | undefined;
    if (kr.current === 'plain') current = `${index + 1}.5`;
    if (kr.current === 'comment') current = `${index + 1} # after the talk`;
    if (kr.current === 'quoted') current = `'${index}'`;
    if (kr.current === 'anchor') current = `&v${++anchors} ${index}`;
    if (kr.current === 'alias') current = anchors > 0 ? `*v${anchors}` : `${index}`;
    const fields: [string, string][] = [
      ['id', `kr${index}`],
      ['title', `"Key result: ${index}"`],
      ['baseline', '0'],
      ['target', '10'],
    ];
    if (current !== undefined) fields.push(['current', current]);
    if (kr.confidence) fields.push(['confidence', '0.5']);
    if (kr.flow && !fields.some(([, value]) => value.includes('#'))) lines.push(`  - { ${fields.map(([key, value]) => `${key}: ${value}`).join(', ')} }`);
    else fields.forEach(([key, value], at) => lines.push(`${at === 0 ? '  - ' : '    '}${key}: ${value}`));
  });
  if (trailingComment) lines.push('# the end');
  lines.push('---', 'Body stays.', '');
  return lines.join(crlf ? '\r\n' : '\n');
}

const editArb: fc.Arbitrary<KeyResultEdit> = fc.oneof(
  fc.record({ current: fc.double({ min: -1000, max: 1000, noNaN: true }).map((value) => Math.round(value * 100) / 100 + 0) }),
  fc.record({ confidence: fc.integer({ min: 0, max: 100 }).map((value) => value / 100) }),
  fc.record({ current: fc.integer({ min: 0, max: 99 }), confidence: fc.constantFrom(0.1, 0.9) }),
);

/** The part of `before` that an edit replaced: what remains between the common prefix and suffix. */
function changedSpan(before: string, after: string): string {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return before.slice(prefix, before.length - suffix);
}

describe('editKeyResult on fuzzed files and edits', () => {
  it('changes exactly the asked values and nothing else of the text, or refuses with a CheckinEditError', () => {
    let edited = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(krSpec, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), fc.nat(), editArb, (krs, crlf, trailingComment, pick, edit) => {
        const text = fileOf(krs, crlf, trailingComment);
        const index = pick % krs.length;
        let after: string;
        try {
          after = editKeyResult(text, index, edit);
        } catch (error) {
          expect(error).toBeInstanceOf(CheckinEditError);
          expect((error as Error).message).not.toBe('');
          refused++;
          return;
        }
        edited++;
        const original = readFrontmatter(text);
        const expected = structuredClone(original.data) as { key_results: Record<string, unknown>[] };
        Object.assign(expected.key_results[index] as object, edit);
        const result = readFrontmatter(after);
        expect(result.findings).toEqual([]);
        expect(result.data).toEqual(expected);
        expect(result.body).toBe(original.body);
        // One value edited in place, or one key added: nothing else of the text is rewritten.
        if (Object.keys(edit).length === 1) expect(changedSpan(text, after)).not.toMatch(/[\n,{}]/);
      }),
      { numRuns: 1000 },
    );
    // Both outcomes happen: most edits go through, shared anchors are refused.
    expect(edited).toBeGreaterThan(refused);
    expect(refused).toBeGreaterThan(0);
  });

  it('gives a key result whose value is an alias a value of its own, leaving the anchor and its other users alone', () => {
    const text =
      '---\ntitle: T\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: A\n    baseline: 0\n    target: 9\n    current: &shared 3\n  - id: b\n    title: B\n    baseline: 0\n    target: 9\n    current: *shared\n---\n';
    expect(editKeyResult(text, 1, { current: 5 })).toBe(text.replace('current: *shared', 'current: 5'));
    expect(() => editKeyResult(text, 0, { current: 5 })).toThrow(/shared with others through a YAML anchor/);
  });

  it('adds a key to a flow-style key result without rewriting the frontmatter', () => {
    const text = '---\ntitle:   T   # keep\nperiod: 2026-Q4\nkey_results:\n  - {id: a, title: A, baseline: 0, target: 9}\n---\nBody\n';
    expect(editKeyResult(text, 0, { current: 4 })).toBe(text.replace('target: 9}', 'target: 9, current: 4}'));
  });

  it('refuses a file with lone carriage returns, clearly', () => {
    const text = '---\rtitle: T\rperiod: 2026-Q4\rkey_results:\r  - id: a\r    title: A\r    baseline: 0\r    target: 9\r---\r';
    expect(() => editKeyResult(text, 0, { current: 4 })).toThrow(/lone carriage return/);
  });
});

describe('history of a file with lone carriage returns', () => {
  it('books each change on the key result that changed', async () => {
    const { HistoryBuilder } = await import('../../src/core/history.ts');
    const { VersionReader } = await import('../../src/core/history-version.ts');
    const file = (a: number, b: number) =>
      `---\rtitle: T\rperiod: 2026-Q4\rkey_results:\r  - id: first\r    title: First\r    baseline: 0\r    target: 9\r    current: ${a}\r  - id: second\r    title: Second\r    baseline: 0\r    target: 9\r    current: ${b}\r---\rBody\r`;
    const reader = new VersionReader('okrs');
    const builder = new HistoryBuilder({ root: 'okrs', repo: 'repo', generatedAt: '2026-11-25' });
    const path = 'okrs/q4/cr.md';
    [file(1, 1), file(1, 2), file(3, 2)].forEach((text, index) => {
      builder.apply({
        commit: `c${index}`,
        date: `2026-10-0${index + 1}`,
        author: 'Jane',
        message: `m${index}`,
        changes: [{ status: 'M', path, version: reader.read(path, new TextEncoder().encode(text)) }],
      });
    });
    expect(builder.finish().checkins.map((checkin) => [checkin.commit, checkin.changes.map((change) => change.kr)])).toEqual([
      ['c2', ['first']],
      ['c1', ['second']],
    ]);
  });
});
