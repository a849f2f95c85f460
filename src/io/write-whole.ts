/**
 * A file written whole or not at all: into a temp file beside it, then renamed over it, so a reader
 * never sees half of it and an interrupted write leaves the last version. The text may come in
 * pieces (a long history's cache is tens of megabytes, never held as one string).
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHUNK = 1 << 20;

export async function writeWhole(target: string | URL, text: string | Iterable<string>): Promise<void> {
  const file = typeof target === 'string' ? target : fileURLToPath(target);
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(temp, 'w');
    try {
      let pending = '';
      for (const piece of typeof text === 'string' ? [text] : text) {
        pending += piece;
        if (pending.length < CHUNK) continue;
        await handle.write(pending);
        pending = '';
      }
      await handle.write(pending);
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
