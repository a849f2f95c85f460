/**
 * Swapping a new site in for the last one. The site is built in a folder of its own and renamed
 * into place once whole, so an interrupted build leaves the last site as it was. The last site is
 * then moved into a folder of the caches and deleted while the next build reads its inputs:
 * deleting some hundred pages and their folders costs a rebuild a tenth of a second or more,
 * which it need not wait for, and the deletion then runs beside work that keeps Node's one
 * thread busy. Where the caches are on another disk than the site, the last site is deleted at
 * once, as before.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let swaps = 0;

/** `built` becomes `out`; what was at `out` goes into `replaced` (or is deleted, on another disk). */
export async function swapIn(built: string, out: string, replaced: string): Promise<void> {
  // The first build makes no folder among the caches.
  if (!existsSync(out)) return rename(built, out);
  await mkdir(replaced, { recursive: true });
  let aside = path.join(replaced, `${process.pid}-${++swaps}`);
  const moved = await moveAside(out, aside).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV') throw error;
    aside = `${out}.old-${process.pid}`;
    await rm(aside, { recursive: true, force: true });
    return moveAside(out, aside);
  });
  try {
    await rename(built, out);
  } catch (error) {
    // The last site goes back: a failed swap leaves it as it was.
    if (moved) await rename(aside, out);
    throw error;
  }
  if (moved && path.dirname(aside) !== replaced) await rm(aside, { recursive: true, force: true });
}

/** `false` when there is nothing at `from`. */
async function moveAside(from: string, to: string): Promise<boolean> {
  return rename(from, to).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

/**
 * Deletes the sites that earlier builds replaced: this process's, and those of processes that
 * have ended. A build still running elsewhere may need its own to put back, and another build may
 * be deleting the same ones, so a site that is already gone is no error.
 */
export async function deleteReplaced(replaced: string): Promise<void> {
  const names = await readdir(replaced).catch(() => []);
  const done = names.filter((name) => {
    const pid = Number(/^(\d+)-\d+$/.exec(name)?.[1]);
    return pid === process.pid || !isRunning(pid);
  });
  await Promise.all(done.map((name) => rm(path.join(replaced, name), { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined)));
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
