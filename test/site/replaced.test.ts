/**
 * Swapping a built site in: the new one in place at once, the last one kept aside until a later
 * build deletes it, and the last one back in place when the swap fails.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteReplaced, swapIn } from '../../src/site/replaced.ts';
import { removeTempFolders, tempFolder } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

function site(dir: string, text: string): void {
  mkdirSync(path.join(dir, 'objectives', 'launch'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), text);
  writeFileSync(path.join(dir, 'objectives', 'launch', 'index.html'), `${text}: launch`);
}

/** The pid of a process that has ended. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('swapping a built site in', () => {
  it('puts the new site in place and keeps the last one aside until the replaced sites are deleted', async () => {
    const dir = tempFolder('okr-swap-');
    const [out, built, replaced] = ['site', 'site.building', 'replaced'].map((name) => path.join(dir, name)) as [string, string, string];
    site(out, 'last');
    site(built, 'new');
    await swapIn(built, out, replaced);
    expect(readFileSync(path.join(out, 'objectives', 'launch', 'index.html'), 'utf8')).toBe('new: launch');
    expect(existsSync(built)).toBe(false);
    // Nothing is left beside the site: the last one waits among the caches.
    expect(readdirSync(dir).sort()).toEqual(['replaced', 'site']);
    const [aside] = readdirSync(replaced);
    expect(aside).toMatch(new RegExp(`^${process.pid}-\\d+$`));
    expect(readFileSync(path.join(replaced, aside!, 'index.html'), 'utf8')).toBe('last');
    await deleteReplaced(replaced);
    expect(readdirSync(replaced)).toEqual([]);
  });

  it('puts a site in place where there was none', async () => {
    const dir = tempFolder('okr-swap-');
    site(path.join(dir, 'built'), 'first');
    await swapIn(path.join(dir, 'built'), path.join(dir, 'site'), path.join(dir, 'replaced'));
    expect(readFileSync(path.join(dir, 'site', 'index.html'), 'utf8')).toBe('first');
    expect(readdirSync(dir).sort()).toEqual(['site']);
  });

  it('leaves the last site in place when the new one cannot be moved in', async () => {
    const dir = tempFolder('okr-swap-');
    site(path.join(dir, 'site'), 'last');
    await expect(swapIn(path.join(dir, 'not-built'), path.join(dir, 'site'), path.join(dir, 'replaced'))).rejects.toThrow(/ENOENT/);
    expect(readFileSync(path.join(dir, 'site', 'objectives', 'launch', 'index.html'), 'utf8')).toBe('last: launch');
    expect(readdirSync(path.join(dir, 'replaced'))).toEqual([]);
  });

  it('deletes the replaced sites of this process and of ended ones, and keeps those of a build still running', async () => {
    const replaced = path.join(tempFolder('okr-swap-'), 'replaced');
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      const names = [`${process.pid}-1`, `${await endedPid()}-1`, `${running.pid}-3`];
      for (const name of names) site(path.join(replaced, name), name);
      await deleteReplaced(replaced);
      expect(readdirSync(replaced)).toEqual([`${running.pid}-3`]);
    } finally {
      running.kill();
    }
    // No folder of replaced sites yet is no error.
    await deleteReplaced(path.join(replaced, 'none'));
  });
});
