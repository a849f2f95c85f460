import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalText } from '../../src/core/terminal-text.ts';
import { RAW_CONTROL, TERMINAL } from '../fixtures/hostile.ts';

describe('terminalText', () => {
  it('shows escape sequences visibly instead of sending them to the terminal', () => {
    expect(terminalText(`Grow ${TERMINAL.clipboard} revenue`)).toBe('Grow \\x1b]52;c;ZXZpbA==\\x07 revenue');
    expect(terminalText(TERMINAL.c1)).toBe('\\x9b31m');
    expect(terminalText(`a${TERMINAL.bidi}b`)).toBe('a\\u202eb');
  });

  it('keeps tabs, and newlines only where lines are meant', () => {
    expect(terminalText('a\tb\nc')).toBe('a\tb\\nc');
    expect(terminalText('a\tb\nc\rd', { newlines: true })).toBe('a\tb\nc\\rd');
  });

  it('leaves no raw control character in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(terminalText(text)).not.toMatch(RAW_CONTROL);
        expect(terminalText(text, { newlines: true })).not.toMatch(RAW_CONTROL);
      }),
      { numRuns: 2000 },
    );
  });
});
