/** Turns the bytes of a file into text, or says why it can't be read as an OKR file. */
import type { Finding } from './finding.ts';
import { START_OF_FILE } from './finding.ts';

export const MAX_FILE_BYTES = 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; finding: Finding };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** `size` is the file's size on disk when only part of a large file was read. */
export function decodeSource(bytes: Uint8Array, size = bytes.byteLength): Decoded {
  if (size > MAX_FILE_BYTES) {
    return failure(`File is ${Math.ceil(size / 1024)} KB; OKR files are read up to ${MAX_FILE_BYTES / 1024} KB`, 'Keep one objective per file and move long notes or attachments out of `okrs/`');
  }
  if (bytes.includes(0)) {
    return failure('Binary file in the OKR folder', 'Move it out of `okrs/`, or list it in `.gitignore`');
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return failure('File is not valid UTF-8', 'Save the file as UTF-8 (most editors offer it under "Save with encoding")');
  }
}

function failure(message: string, hint: string): Decoded {
  return { ok: false, finding: { ruleId: 'schema', message, hint, ...START_OF_FILE } };
}
