/**
 * A file written whole or not at all: into a temp file beside it, then renamed over it, so a reader
 * never sees half of it and an interrupted write leaves the last version. The text may come in
 * pieces (a long history's cache is tens of megabytes, never held as one string). A file that
 * exists keeps its permissions.
 */
import { link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHUNK = 1 << 20;
let tempsMade = 0;

export async function writeWhole(target: string | URL, text: string | Iterable<string>): Promise<void> {
  const file = typeof target === 'string' ? target : fileURLToPath(target);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = await writeTemp(file, text);
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * A new file, written whole, that never replaces one already there: the text goes into a temp file
 * beside it, which is then linked under its name, and linking fails when the name is taken. So
 * neither a file that appeared meanwhile nor an interrupted write can leave a half-written file.
 * `false`: the name was taken and nothing was written. Where the file system has no hard links,
 * the file is created exclusively instead (whole unless the write itself is interrupted).
 */
export async function writeNew(target: string, text: string): Promise<boolean> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = await writeTemp(target, text);
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    return createExclusively(target, text);
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

async function createExclusively(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.write(text);
  } catch (error) {
    await handle.close();
    await rm(file, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return true;
}

/** Of several files written together, the one that could not be (its index) and why; the `written` first ones are written, the others not. */
export class WriteError extends Error {
  readonly failed: number;
  readonly written: number;
  readonly reason: string;

  constructor(failed: number, written: number, reason: string) {
    super(`cannot write file ${failed + 1} of the set: ${reason}`);
    this.failed = failed;
    this.written = written;
    this.reason = reason;
  }
}

/**
 * Files written together: every one into its temp file first, then each renamed over its target. A
 * failure while writing (a full disk, a folder that cannot be made) leaves every target as it was and
 * removes the folders it made; only a failing rename, which is rare with each temp file beside its
 * target, leaves the first ones written. Either way the WriteError names what was and was not written.
 */
export async function writeAllWhole(files: readonly { file: string; text: string }[]): Promise<void> {
  const temps: string[] = [];
  const madeFolders: string[] = [];
  const cleanUp = () => Promise.all(temps.map((temp) => rm(temp, { force: true }).catch(() => undefined)));
  try {
    for (const { file, text } of files) {
      const made = await mkdir(path.dirname(file), { recursive: true });
      if (made !== undefined) madeFolders.push(made);
      temps.push(await writeTemp(file, text));
    }
  } catch (error) {
    await cleanUp();
    for (const folder of madeFolders.reverse()) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    throw new WriteError(temps.length, 0, reasonOf(error));
  }
  for (const [index, { file }] of files.entries()) {
    try {
      await rename(temps[index]!, file);
    } catch (error) {
      await cleanUp();
      throw new WriteError(index, index, reasonOf(error));
    }
  }
}

/** The text in a new temp file beside `file`, with the permissions of `file` when it exists. */
async function writeTemp(file: string, text: string | Iterable<string>): Promise<string> {
  // Unique within the process too: two writes of one file in the same millisecond never share a temp file.
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.${(++tempsMade).toString(36)}.tmp`;
  const mode = await stat(file).then(
    (stats) => stats.mode & 0o7777,
    () => undefined,
  );
  try {
    const handle = await open(temp, 'w');
    try {
      if (mode !== undefined) await handle.chmod(mode);
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
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  return temp;
}

/** `ENOSPC (no space left on device, open '…')`: why a write failed, for a command's output. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined ? message : `${code} (${message.replace(/^\w+: /, '')})`;
}
