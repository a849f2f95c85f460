/** What a command that writes several files together says when one of them cannot be written (src/io/write-whole.ts). */
import { terminalText } from '../core/terminal-text.ts';
import type { WriteError } from '../io/write-whole.ts';

/** `paths` are the files of the set as the command names them (from the top of the repository), in the order written. */
export function reportWriteError(error: WriteError, paths: readonly string[], after = ''): void {
  process.stderr.write(`okr: cannot write ${terminalText(paths[error.failed] ?? '')}: ${terminalText(error.reason)}\n`);
  if (error.written === 0) {
    process.stderr.write(`okr: none of the ${paths.length} file(s) was written; each is as it was${after}\n`);
    return;
  }
  // Only a rename that fails after others succeeded gets here: say exactly where the files stand.
  for (const file of paths.slice(0, error.written)) process.stderr.write(`  written: ${terminalText(file)}\n`);
  for (const file of paths.slice(error.written)) process.stderr.write(`  not written: ${terminalText(file)}\n`);
  process.stderr.write(`okr: ${error.written} of the ${paths.length} file(s) written${after}\n`);
}
