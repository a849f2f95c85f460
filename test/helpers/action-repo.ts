/**
 * Temp git repositories for the action's tests, independent of the machine's
 * git config: fixed names, e-mails and dates, `main` as the first branch, no signing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ActionRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes files (null deletes), commits them on `date`, returns the commit id. */
  commit(files: Record<string, string | null>, message: string, date?: string): string;
  remove(): void;
}

const GIT_CONFIG = ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'core.autocrlf=false', '-c', 'core.hooksPath=/dev/null'];

export function gitEnvFor(date: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_') && !key.startsWith('INPUT_') && !key.startsWith('GITHUB_')) env[key] = value;
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Jane Doe',
    GIT_AUTHOR_EMAIL: 'jane@example.com',
    GIT_COMMITTER_NAME: 'Jane Doe',
    GIT_COMMITTER_EMAIL: 'jane@example.com',
    GIT_AUTHOR_DATE: `${date}T12:00:00Z`,
    GIT_COMMITTER_DATE: `${date}T12:00:00Z`,
    TZ: 'UTC',
  };
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
