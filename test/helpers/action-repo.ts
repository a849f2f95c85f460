/**
 * Temp git repositories for the action's tests, independent of the machine's
 * git config: fixed names, e-mails and dates, `main` as the first branch, no signing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testGitEnv } from './git-repo.ts';

export interface ActionRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes files (null deletes), commits them on `date`, returns the commit id. */
  commit(files: Record<string, string | null>, message: string, date?: string): string;
  remove(): void;
}

export const GIT_CONFIG = ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'core.autocrlf=false', '-c', 'core.hooksPath=/dev/null'];

export function gitEnvFor(date: string): NodeJS.ProcessEnv {
  return { ...testGitEnv(`${date}T12:00:00Z`), TZ: 'UTC' };
}

export function createActionRepo(prefix = 'okr-action-'): ActionRepo {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const git = (date: string, args: string[]) => execFileSync('git', [...GIT_CONFIG, ...args], { cwd: dir, env: gitEnvFor(date), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('2026-10-01', ['init', '--quiet']);
  return {
    dir,
    git: (...args) => git('2026-10-01', args),
    commit(files, message, date = '2026-10-01') {
      for (const [file, text] of Object.entries(files)) {
        const absolute = path.join(dir, file);
        if (text === null) rmSync(absolute, { recursive: true, force: true });
        else {
          mkdirSync(path.dirname(absolute), { recursive: true });
          writeFileSync(absolute, text);
        }
      }
      git(date, ['add', '--all']);
      git(date, ['commit', '--quiet', '--allow-empty', '-m', message]);
      return git(date, ['rev-parse', 'HEAD']).trim();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
