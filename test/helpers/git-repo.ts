/**
 * Real git repositories in temp folders for tests, independent of the machine's
 * git config: fixed names, pinned dates, no signing, `main` as the first branch.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

export const GIT_CONFIG = ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false'];

/** Environment for git in tests: no global or system config, a fixed identity, the given date. */
export function testGitEnv(date = '2026-10-01T12:00:00+00:00', author = 'Jane Doe'): NodeJS.ProcessEnv {
  // Nothing of the caller's git, Actions or action-input settings leaks into a test repository.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(GIT_|INPUT_|GITHUB_)/.test(key)));
  return {
    ...inherited,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: 'jane@example.com',
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: 'jane@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    LC_ALL: 'C',
  };
}

/** A day such as `2026-10-05` becomes noon UTC that day; a full ISO date is kept. */
export function gitDate(day: string): string {
  return day.length === 10 ? `${day}T12:00:00+00:00` : day;
}

export class TestRepo {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  git(args: readonly string[], date?: string, author?: string): string {
    return execFileSync('git', [...GIT_CONFIG, ...args], {
      cwd: this.dir,
      env: testGitEnv(date === undefined ? undefined : gitDate(date), author),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  write(file: string, content: string | Uint8Array): this {
    const absolute = path.join(this.dir, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
    return this;
  }

  remove(file: string): this {
    unlinkSync(path.join(this.dir, file));
    return this;
  }

  /** Stages everything and commits on `day`; returns the commit id. */
  commit(message: string, day: string, author?: string): string {
    this.git(['add', '-A'], day);
    this.git(['commit', '-q', '--allow-empty', '-m', message], day, author);
    return this.head();
  }

  head(): string {
    return this.git(['rev-parse', 'HEAD']).trim();
  }
}

const created: string[] = [];

/** A new temp folder; `git: true` makes it a repository. Removed by `removeTempFolders`. */
export function tempFolder(prefix = 'okr-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function createRepo(): TestRepo {
  const repo = new TestRepo(tempFolder());
  repo.git(['init', '-q']);
  return repo;
}

export function removeTempFolders(): void {
  // A folder that a process just done with it is still closing (a build's threads, git) can be briefly
  // not empty: tried again a few times, as a busy machine needs.
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

export interface KeyResultFields {
  id: string;
  title?: string;
  [key: string]: unknown;
}

/** An objective file: frontmatter from plain data, then a body line. */
export function objectiveText(fields: { title?: string; period?: unknown; key_results: KeyResultFields[]; [key: string]: unknown }): string {
  const data = {
    title: fields.title ?? 'Deliver engaging presentations',
    period: fields.period ?? '2026-Q4',
    ...fields,
    key_results: fields.key_results.map((kr) => ({ title: `Key result ${kr.id}`, ...kr })),
  };
  return `---\n${stringify(data)}---\nWhy it matters.\n`;
}

export const MISSION = '---\nmission: Be an ideal candidate for promotion or hire.\nowner: jane\n---\nThe why.\n';
