import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readVersion, VersionReader } from '../../src/core/history-version.ts';

const encoder = new TextEncoder();
const PATH = 'okrs/2026-q4/talks.md';

function file(values: { feedback: string; confidence: string | null; done: string; baseline?: string; target?: string; asOf?: string | null }, body = 'Why it matters.\n'): string {
  return `---
# a comment that stays
title: Deliver engaging presentations
period: 2026-Q4
key_results:
  - id: feedback
    title: Raise average audience feedback from 3.6 to 4.5
    baseline: ${values.baseline ?? '3.6'}
    target: ${values.target ?? '4.5'}
    current: ${values.feedback}${values.confidence === null ? '' : `\n    confidence: ${values.confidence}`}
  - id: course
    title: Pass the final assessment
    done: ${values.done}${values.asOf === undefined || values.asOf === null ? '' : `\n    as_of: ${values.asOf}`}
---
${body}`;
}

describe('VersionReader', () => {
  it('reads every version of a file exactly as a full parse does', () => {
    const scalar = fc.oneof(
      fc.constantFrom('3.9', '4', '0', '-1', '1.50', 'true', 'false', '"4.1"', '4.2 points', '2026-11-20', '0.7 # note', '~', '[1]', '1e3'),
      fc.double({ min: -10, max: 10, noNaN: true }).map((value) => String(Math.round(value * 100) / 100)),
    );
    // A new target or baseline rescores the key result: patched like a check-in.
    // A first `confidence:` or `as_of:` is a line added: patched too.
    const version = fc.record({
      feedback: scalar,
      confidence: fc.option(scalar),
      done: scalar,
      baseline: scalar,
      target: scalar,
      asOf: fc.option(fc.constantFrom('2026-10-05', '2026-13-01', 'true')),
      body: fc.constantFrom('Body.\n', 'Other body\nwith two lines\n'),
    });
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 8 }), (versions) => {
        const reader = new VersionReader('okrs');
        for (const { body, ...values } of versions) {
          const bytes = encoder.encode(file(values, body));
          expect(reader.read(PATH, bytes)).toEqual(readVersion('objective', PATH, bytes));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('falls back to a full parse when more than a value changes', () => {
    const reader = new VersionReader('okrs');
    reader.read(PATH, encoder.encode(file({ feedback: '3.9', confidence: '0.5', done: 'false' })));
    const retitled = file({ feedback: '4', confidence: '0.5', done: 'false' }).replace('title: Deliver', 'title: Give');
    const version = reader.read(PATH, encoder.encode(retitled));
    expect(version.kind === 'objective' && version.objective.title).toBe('Give engaging presentations');
    expect(version.kind === 'objective' && version.objective.key_results[0]?.current).toBe(4);
  });

  it('reads a line added where it would change the meaning with a full parse: into a flow mapping, after a block scalar, twice', () => {
    const flow = (extra: string) => `---\ntitle: T\nperiod: 2026-Q4\nkey_results:\n  - {id: a, title: A, baseline: 0, target: 9, current: 1}\n${extra}---\nBody\n`;
    const block = (extra: string) =>
      `---\ntitle: T\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    baseline: 0\n    target: 9\n    current: 1\n    title: |\n      A long\n      title\n${extra}---\nBody\n`;
    const twice = (extra: string) => `---\ntitle: T\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: A\n    baseline: 0\n    target: 9\n    current: 1\n${extra}---\nBody\n`;
    for (const [first, second] of [
      [flow(''), flow('     confidence: 0.5\n')],
      [block(''), block('    confidence: 0.5\n')],
      [block(''), block('      confidence: 0.5\n')],
      [twice('    confidence: 0.5\n'), twice('    confidence: 0.5\n    confidence: 0.6\n')],
      [twice(''), twice('    confidence: 0.5\n')],
      [twice(''), twice('  confidence: 0.5\n')],
    ] as const) {
      const reader = new VersionReader('okrs');
      reader.read(PATH, encoder.encode(first));
      expect(reader.read(PATH, encoder.encode(second))).toEqual(readVersion('objective', PATH, encoder.encode(second)));
    }
  });

  it('reports a value the schema rejects with its line, as the linter does', () => {
    const reader = new VersionReader('okrs');
    reader.read(PATH, encoder.encode(file({ feedback: '3.9', confidence: '0.5', done: 'false' })));
    expect(reader.read(PATH, encoder.encode(file({ feedback: '3.9', confidence: '1.5', done: 'false' })))).toMatchObject({ kind: 'invalid', line: 11 });
  });
});
