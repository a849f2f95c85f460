import { describe, expect, it } from 'vitest';
import { resolvePointer } from '../../src/core/sources/json-pointer.ts';
import { syncCommitMessage, syncedFrom, withoutToolTrailers } from '../../src/core/sources/trailer.ts';
import { isJump, valueFromCsv, valueFromJson } from '../../src/core/sources/values.ts';
import { KeyResultSchema } from '../../src/core/schema.ts';

describe('JSON Pointer', () => {
  it('follows objects and arrays and undoes ~1 and ~0', () => {
    const doc = { 'a/b': { '~x': [1, { v: 7 }] } };
    expect(resolvePointer(doc, '/a~1b/~0x/1/v')).toEqual({ found: true, value: 7 });
    expect(resolvePointer(doc, '')).toEqual({ found: true, value: doc });
    expect(resolvePointer(doc, '/a~1b/~0x/2')).toEqual({ found: false, at: '/a~1b/~0x/2' });
    expect(resolvePointer({ toString: 1 }, '/constructor')).toEqual({ found: false, at: '/constructor' });
  });
});

describe('source values', () => {
  it('takes only a JSON number', () => {
    expect(valueFromJson('{"n": 4.5}', '/n')).toEqual({ ok: true, value: 4.5 });
    expect(valueFromJson('{"n": "4.5"}', '/n')).toEqual({ ok: false, problem: '`/n` is `"4.5"`, not a number' });
    expect(valueFromJson('<html>', '/n')).toEqual({ ok: false, problem: 'the answer is not JSON: `<html>`' });
  });

  it('reads a CSV cell by header and row, quoted commas and all', () => {
    const csv = 'month,"revenue, EUR"\n2026-10,1200\n2026-11,1500\n';
    expect(valueFromCsv(csv, 'revenue, EUR', 1)).toEqual({ ok: true, value: 1200 });
    expect(valueFromCsv(csv, 'revenue, EUR', 'last')).toEqual({ ok: true, value: 1500 });
    expect(valueFromCsv(csv, 'revenue', 1)).toEqual({ ok: false, problem: 'no column `revenue`; the header has `month`, `revenue, EUR`' });
    expect(valueFromCsv(csv, 'month', 3)).toEqual({ ok: false, problem: 'no row 3; the file has 2 data rows' });
    expect(valueFromCsv(csv, 'month', 1)).toEqual({ ok: false, problem: 'row 1, column `month` holds `2026-10`, not a plain number' });
  });

  it('calls a move beyond the factor either way a jump, and a sign change too', () => {
    expect(isJump(100, 1000, 10)).toBe(false);
    expect(isJump(100, 1001, 10)).toBe(true);
    expect(isJump(100, 9, 10)).toBe(true);
    expect(isJump(100, -5, 10)).toBe(true);
    expect(isJump(0, 1e6, 10)).toBe(false);
    expect(isJump(undefined, 5, 10)).toBe(false);
  });
});

describe('the sync trailer', () => {
  it('is read back from the message sync writes, and not from a hand-written note that mentions it', () => {
    expect(syncedFrom(syncCommitMessage('a/b', 'https://x.test/m.json#/n', '1 → 2'))).toBe('https://x.test/m.json#/n');
    expect(syncedFrom('Okr-Sync: https://x.test')).toBeUndefined();
    expect(syncedFrom('Raised it\n\nWe saw Okr-Sync: lines before')).toBeUndefined();
  });
});

describe('the tool trailers in a message people read', () => {
  it('leaves out the Okr-Sync and Imported-From lines of the closing trailers, and the paragraph when they were all of it', () => {
    expect(withoutToolTrailers(syncCommitMessage('a/b', 'https://x.test/m.json#/n', '1 → 2'))).toBe('synced from https://x.test/m.json#/n\n\na/b: 1 → 2');
    expect(withoutToolTrailers('Signed\n\nImported-From: viva-goals 2004 2025-02-20 10:00:00 UTC')).toBe('Signed');
    expect(withoutToolTrailers('Signed\n\nCo-authored-by: Bob <bob@example.com>\nImported-From: csv talks/x 2026-01-01')).toBe('Signed\n\nCo-authored-by: Bob <bob@example.com>');
  });

  it('keeps a note that only mentions them, and a message without trailers', () => {
    expect(withoutToolTrailers('Raised it\n\nWe saw Okr-Sync: lines before')).toBe('Raised it\n\nWe saw Okr-Sync: lines before');
    expect(withoutToolTrailers('Imported-From: viva-goals 1')).toBe('Imported-From: viva-goals 1');
    expect(withoutToolTrailers('Talk one\n\nGood room.')).toBe('Talk one\n\nGood room.');
  });
});

describe('source in the schema', () => {
  const kr = { id: 'k', title: 'Grow users from 1 to 2', baseline: 1, target: 2 };
  it('accepts the three kinds, as data', () => {
    expect(KeyResultSchema.safeParse({ ...kr, source: { json: { url: 'https://x.test/m.json', pointer: '/a' } } }).success).toBe(true);
    expect(KeyResultSchema.safeParse({ ...kr, source: { github: { search: 'repo:o/r is:issue' } } }).success).toBe(true);
    expect(KeyResultSchema.safeParse({ ...kr, source: { csv: { path: 'data/m.csv', column: 'n', row: 2 } } }).success).toBe(true);
  });
  it('refuses a command, a file address and a milestone with a source', () => {
    expect(KeyResultSchema.safeParse({ ...kr, source: { command: 'curl x' } }).success).toBe(false);
    expect(KeyResultSchema.safeParse({ ...kr, source: { json: { url: 'file:///etc/passwd', pointer: '' } } }).success).toBe(false);
    const milestone = KeyResultSchema.safeParse({ id: 'm', title: 'Ship it', done: false, source: { github: { search: 'x' } } });
    expect(milestone.error?.issues[0]?.message).toContain('A milestone (`done`) has no value to read');
  });
});
