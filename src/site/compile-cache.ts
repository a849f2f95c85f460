/**
 * Node's cache of compiled code for the site build. Astro, Vite and Rolldown are over a thousand
 * modules, and compiling them is a good part of what every build pays before it reads a file:
 * with the cache a rebuild loads them compiled. `okr` turns the cache on for every command
 * (bin/okr.js); a build started from code (a test, the benchmark, another tool) turns it on here,
 * in a folder beside the site's other caches.
 */
import module from 'node:module';
import { readdir, rm } from 'node:fs/promises';

/**
 * Entries past which the cache is emptied before it is used. Astro, Vite and Rolldown are about
 * 1,300; each build adds a few for the pages' chunks, which Astro writes to a new folder every
 * time, and a new Node version starts a folder of its own: without a bound the cache would grow
 * with every build.
 */
export const MOST_COMPILED = 4000;

/**
 * Turns Node's cache on in the folder `folder()` names, unless it is on already (bin/okr.js,
 * NODE_COMPILE_CACHE). `folder` may throw (Astro not installed): the build then goes on without.
 */
export async function useCompileCache(folder: () => string, most = MOST_COMPILED): Promise<void> {
  if (typeof module.enableCompileCache !== 'function' || module.getCompileCacheDir() !== undefined) return;
  let dir: string;
  try {
    dir = folder();
  } catch {
    return;
  }
  await emptyWhenFull(dir, most);
  module.enableCompileCache(dir);
}

/** Removes `dir` when it holds more than `most` files; a missing folder holds none. */
export async function emptyWhenFull(dir: string, most: number): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  if (entries.filter((entry) => entry.isFile()).length > most) await rm(dir, { recursive: true, force: true });
}
