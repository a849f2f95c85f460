/** What a command says when a file of a set it writes together cannot be written. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportWriteError } from '../../src/cli/written.ts';
import { WriteError } from '../../src/io/write-whole.ts';

const PATHS = ['okrs/2026-q4/billing.md', 'okrs/2026-q4/retro.md', 'okrs/2027-q1/billing-2027-q1.md'];

function reported(error: WriteError, after?: string): string {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  reportWriteError(error, PATHS, after);
  return text;
}

afterEach(() => vi.restoreAllMocks());

describe('reportWriteError', () => {
  it('names the file that failed and says that none was written', () => {
    expect(reported(new WriteError(2, 0, 'ENOSPC (no space left on device)'), '; nothing was committed')).toBe(
      'okr: cannot write okrs/2027-q1/billing-2027-q1.md: ENOSPC (no space left on device)\nokr: none of the 3 file(s) was written; each is as it was; nothing was committed\n',
    );
  });

  it('lists each file written and not written when the set was written part-way', () => {
    expect(reported(new WriteError(1, 1, 'EISDIR (illegal operation on a directory)'))).toBe(
      [
        'okr: cannot write okrs/2026-q4/retro.md: EISDIR (illegal operation on a directory)',
        '  written: okrs/2026-q4/billing.md',
        '  not written: okrs/2026-q4/retro.md',
        '  not written: okrs/2027-q1/billing-2027-q1.md',
        'okr: 1 of the 3 file(s) written',
        '',
      ].join('\n'),
    );
  });
});
