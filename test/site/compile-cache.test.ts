/**
 * Node's cache of compiled code for a build started from code: turned on in the folder given,
 * left as it is when the cache is on already, and emptied once it holds more than it keeps.
 * Each case runs in a Node of its own, as a build does: the cache is the process's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyWhenFull } from '../../src/site/compile-cache.ts';
import { removeTempFolders, tempFolder } from '../helpers/git-repo.ts';

const MODULE = fileURLToPath(new URL('../../src/site/compile-cache.ts', import.meta.url));

afterAll(removeTempFolders);

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

/** A Node that turns the cache on in `dir`, loads a module and prints the cache's folder. */
function runWithCache(dir: string, env: Record<string, string> = {}): string {
  const script = [
    `const { useCompileCache } = await import(${JSON.stringify(MODULE)});`,
    `await useCompileCache(() => ${JSON.stringify(dir)});`,
    "await import('yaml');",
    "process.stdout.write(String((await import('node:module')).getCompileCacheDir()));",
  ].join('\n');
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: '', ...env } });
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('the compile cache of a build started from code', () => {
  it('is turned on in the folder given and holds the modules loaded after it', () => {
    const dir = path.join(tempFolder('okr-compiled-'), 'compiled');
    // Node keeps a folder of its own version's entries inside.
    expect(path.dirname(runWithCache(dir))).toBe(dir);
    expect(filesIn(dir).length).toBeGreaterThan(0);
  });

  it('is left as it is when the cache is on already', () => {
    const ours = path.join(tempFolder('okr-compiled-'), 'compiled');
    const theirs = tempFolder('okr-compiled-theirs-');
    expect(path.dirname(runWithCache(ours, { NODE_COMPILE_CACHE: theirs }))).toBe(theirs);
    expect(filesIn(theirs).length).toBeGreaterThan(0);
    expect(() => readdirSync(ours)).toThrow(/ENOENT/);
  });

  it('goes without a cache when the folder cannot be named', () => {
    const script = [
      `const { useCompileCache } = await import(${JSON.stringify(MODULE)});`,
      "await useCompileCache(() => { throw new Error('no Astro'); });",
      "process.stdout.write(String((await import('node:module')).getCompileCacheDir()));",
    ].join('\n');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: '' } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('undefined');
  });

  it('is emptied once it holds more files than it keeps, and kept while it holds no more', async () => {
    const dir = path.join(tempFolder('okr-compiled-'), 'compiled');
    mkdirSync(path.join(dir, 'v24'), { recursive: true });
    for (let n = 0; n < 5; n++) writeFileSync(path.join(dir, 'v24', `entry-${n}`), 'compiled');
    await emptyWhenFull(dir, 5);
    expect(filesIn(dir)).toHaveLength(5);
    writeFileSync(path.join(dir, 'v24', 'entry-5'), 'compiled');
    await emptyWhenFull(dir, 5);
    expect(() => readdirSync(dir)).toThrow(/ENOENT/);
    // A folder not made yet is no error.
    await emptyWhenFull(dir, 5);
  });
});
