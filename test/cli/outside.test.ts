/** Nothing outside the repository is read, and asking for it is a clear usage error, not a stack trace. */
import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { okr, tempDir, writeTree } from '../helpers/cli.ts';
import { MISSION, objective } from '../helpers/workspace.ts';

const GOOD = objective('title: Ship the outside objective\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Get 3 invitations to speak\n    baseline: 0\n    target: 3\n    current: 2\n');
const made: string[] = [];
const folder = () => {
  const dir = tempDir();
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('reading only inside the repository', () => {
  it('refuses an okrs/ that is a symbolic link to a folder outside the repository, and says so', () => {
    const outside = folder();
    writeTree(outside, { 'mission.md': MISSION, '2026-q4/leak.md': GOOD });
    const repo = folder();
    symlinkSync(outside, path.join(repo, 'okrs'));
    for (const args of [
      ['lint', '--now', '2026-11-15'],
      ['status', '--now', '2026-11-15'],
      ['build', '--now', '2026-11-15'],
    ]) {
      const run = okr(args, { cwd: repo });
      expect(run.status, args[0]).toBe(2);
      expect(run.stderr, args[0]).toContain('is a symbolic link to');
      expect(run.stderr, args[0]).toContain('outside the repository');
      expect(run.stdout + run.stderr, args[0]).not.toContain('Ship the outside objective');
      expect(run.stderr, args[0]).not.toMatch(/\n\s+at /);
    }
  });

  it('reports a linked OKR file as not read, instead of checking nothing', () => {
    const outside = folder();
    writeTree(outside, { 'leak.md': GOOD });
    const repo = folder();
    writeTree(repo, { 'okrs/mission.md': MISSION });
    symlinkSync(path.join(outside, 'leak.md'), path.join(repo, 'okrs', 'linked.md'));
    const run = okr(['lint', 'okrs/linked.md', '--now', '2026-11-15'], { cwd: repo });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('okrs/linked.md');
    expect(run.stdout).toContain('Symbolic link: not read');
    expect(run.stdout).not.toContain('0 files checked');
  });

  it('takes --root ../.. and --root /etc as usage errors, without a stack trace', () => {
    const repo = folder();
    writeTree(repo, { 'okrs/mission.md': MISSION });
    for (const root of ['../..', '/etc', 'okrs/../../x']) {
      for (const command of ['history', 'status']) {
        const run = okr([command, '--root', root, '--now', '2026-11-15'], { cwd: repo });
        expect(run.status, `${command} ${root}`).toBe(2);
        expect(run.stderr, `${command} ${root}`).toContain('--root takes a folder inside the repository');
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
    }
  });
});
