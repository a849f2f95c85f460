import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintWorkspace } from '../../src/core/lint.ts';
import { parseConfig, parseObjective } from '../../src/core/parse.ts';
import { buildWorkspace } from '../../src/core/workspace.ts';
import { MISSION } from '../helpers/workspace.ts';

const SEED = `---
title: Deliver engaging presentations
period: 2026-Q4
type: committed
aligned_to: mission
key_results:
  - id: feedback
    title: Raise average audience feedback from 3.6 to 4.5 out of 5
    baseline: 3.6
    target: 4.5
    current: 3.9
    confidence: 0.6
    due: 2026-12-15
  - id: course
    title: Pass the final assessment
    done: false
  - id: uptime
    title: Keep uptime above 99.5%
    keep_above: 99.5
---
- [ ] Record every talk
`;

const TOKENS = [
  '---',
  ':',
  ': ',
  '\n',
  '  ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#',
  '&a',
  '*a',
  '!!str',
  '!!js/function',
  '\t',
  '\r\n',
  'null',
  '~',
  '1e400',
  '-0',
  'true',
  '2026-Q5',
  '2026-02-30',
  'key_results:',
  'id: feedback',
  '\u0000',
  '\uFEFF',
  '\uD800',
  'ü',
  '😀',
  '<<: *a',
];

/** A mutation: insert a token, delete a span, or replace a span with a token, at some position. */
const mutation = fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })), fc.constantFrom('insert', 'delete', 'replace'));

function mutate(text: string, mutations: [number, number, string, string][]): string {
  let result = text;
  for (const [position, length, token, kind] of mutations) {
    const at = position % (result.length + 1);
    if (kind === 'insert') result = result.slice(0, at) + token + result.slice(at);
    else if (kind === 'delete') result = result.slice(0, at) + result.slice(at + length);
    else result = result.slice(0, at) + token + result.slice(at + length);
  }
  return result;
}

function lintAll(files: { path: string; bytes: Uint8Array }[]) {
  return lintWorkspace(buildWorkspace('okrs', files), { now: '2026-11-15' });
}

describe('the parser and the linter never throw', () => {
  it('on thousands of mutated objective files, and every message has a position', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const text = mutate(SEED, mutations);
        const results = lintAll([
          { path: 'okrs/mission.md', bytes: new TextEncoder().encode(MISSION) },
          { path: 'okrs/2026-q4/a.md', bytes: new TextEncoder().encode(text) },
          { path: 'okrs/2026-q4/b.md', bytes: new TextEncoder().encode(text) },
        ]);
        for (const message of results.flatMap((result) => result.messages)) {
          expect(message.line).toBeGreaterThanOrEqual(1);
          expect(message.column).toBeGreaterThanOrEqual(1);
          expect(message.message).not.toBe('');
          expect(message.message).not.toMatch(/^Rule `.*` failed/);
        }
      }),
      { numRuns: 2000 },
    );
    // 2000 lint runs of a whole tree: seconds on an idle machine, far more on a shared, busy one.
  }, 120_000);

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const results = lintAll([{ path: 'okrs/2026-q4/x.md', bytes }]);
        expect(results).toHaveLength(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary YAML-shaped frontmatter values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (title, keyResults) => {
        const text = `---\n${JSON.stringify({ title, period: '2026-Q4', key_results: keyResults })}\n---\n`;
        const parsed = parseObjective('x.md', text);
        expect(parsed.data !== undefined || parsed.findings.length > 0).toBe(true);
        lintAll([{ path: 'okrs/2026-q4/x.md', bytes: new TextEncoder().encode(text) }]);
      }),
      { numRuns: 1000 },
    );
  });

  it('on mutated config files', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        parseConfig('okrs/config.yml', mutate('rules:\n  kr-measurable: off\n  objective-count: error\n', mutations));
      }),
      { numRuns: 1000 },
    );
  });
});
