/** 300 OKR files under an open-files limit of 64: lint, checkin and build read them a few at a time. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../src/site/build-site.ts';
import { BIN } from '../helpers/cli.ts';
import { createRepo, MISSION, objectiveText, removeTempFolders, type TestRepo } from '../helpers/git-repo.ts';

let repo: TestRepo;

beforeAll(() => {
  repo = createRepo();
  repo.write('okrs/mission.md', MISSION);
  for (let index = 1; index <= 300; index++) {
    repo.write(`okrs/2026-q4/o${index}.md`, objectiveText({ title: `Deliver engaging presentations ${index}`, key_results: [{ id: 'invites', baseline: 0, target: 3, current: 1 }] }));
  }
  repo.commit('Plan', '2026-10-01');
});
afterAll(() => {
  rmSync(defaultCacheDir(repo.dir), { recursive: true, force: true });
  removeTempFolders();
});

/** `okr …` in a shell whose open-files limit is 64. */
function okrWithFewFiles(...args: string[]) {
  const result = spawnSync('sh', ['-c', 'ulimit -n 64 && exec "$0" "$@"', process.execPath, BIN, ...args], { cwd: repo.dir, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('under an open-files limit of 64', () => {
  it('the limit is in force in the shell', () => {
    expect(spawnSync('sh', ['-c', 'ulimit -n 64 && ulimit -n'], { encoding: 'utf8' }).stdout.trim()).toBe('64');
  });

  it('okr lint checks all 301 files', () => {
    const run = okrWithFewFiles('lint', '--now', '2026-11-15');
    expect(run.output).not.toContain('EMFILE');
    expect(run.output).toMatch(/in 301 files|301 files checked/);
  });

  it('okr checkin finds and edits its file', () => {
    const run = okrWithFewFiles('checkin', 'o150/invites', '2');
    expect(run.output).not.toContain('EMFILE');
    expect(run.status).toBe(0);
  });

  it('okr build builds a page for each objective', () => {
    const run = okrWithFewFiles('build', '--now', '2026-11-15', '--out', path.join(repo.dir, 'dist'));
    expect(run.output).not.toContain('EMFILE');
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/Built 30\d pages/);
  }, 120_000);
});
