/**
 * Reads the history of the OKR files: one streaming `git log --raw` along the
 * first-parent line, one `git cat-file --batch` for every blob, each distinct
 * blob parsed once. The turning of versions into series is in core/history.ts.
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { HistoryBuilder, type CommitStep, type FileChange } from '../core/history.ts';
import { addDays } from '../core/period.ts';
import type { History } from '../core/history-types.ts';
import { fileRole, readVersion, VersionReader, type FileRole, type FileVersion } from '../core/history-version.ts';
import { isOkrFile, isRetroFile } from '../core/workspace.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { BlobReader } from './cat-file.ts';
import { LOG_FORMAT, LogParser, type LogCommit, type RawChange } from './log-stream.ts';
import { gitEnv, GitError, runGit } from './run.ts';

export interface ReadHistoryOptions {
  /** The day the history is generated for, `YYYY-MM-DD`; dates the points of a folder outside git. */
  now: string;
  /** Folder of the OKRs inside the repository; default `okrs`. */
  root?: string;
  /** Called after each commit read from the log (newest first) with the number read so far; `share` (0–1) when it is known. */
  onProgress?: (done: number, share?: number) => void;
}

export class ShallowCloneError extends Error {
  constructor(repo: string) {
    super(
      `${repo} is a shallow clone, so its history is cut short and progress over time would be wrong.\n` +
        'Fetch the full history with `git fetch --unshallow`; in GitHub Actions give actions/checkout `fetch-depth: 0`.',
    );
  }
}

export async function readHistory(repo: string, options: ReadHistoryOptions): Promise<History> {
  const root = trimSlashes(options.root ?? 'okrs');
  const builder = new HistoryBuilder({ root, repo, generatedAt: options.now });
  const info = await stat(repo).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`No such folder: ${repo}`);

  const probe = await probeRepository(repo);
  if (probe.kind === 'not-git') {
    builder.warn({ message: `${probe.reason}: the history holds the current files only, one point per key result` });
    builder.apply(await workingTreeStep(repo, root, options.now));
    return builder.finish();
  }
  if (probe.kind === 'shallow') throw new ShallowCloneError(repo);
  if (probe.kind === 'no-commits') {
    builder.warn({ message: `${repo} has no commits yet: the history is empty` });
    return builder.finish();
  }
  await walkLog(repo, root, builder, options.onProgress, options.now);
  return builder.finish();
}

type Probe = { kind: 'not-git'; reason: string } | { kind: 'shallow' } | { kind: 'no-commits' } | { kind: 'ok' };

/** One git process: whether the folder is a repository, a shallow clone, and has a commit at HEAD. */
async function probeRepository(repo: string): Promise<Probe> {
  let answer: string;
  try {
    answer = (await runGit(repo, ['rev-parse', '--is-shallow-repository', '--verify', '--quiet', 'HEAD^{commit}'])).toString('utf8');
  } catch (error) {
    // `--verify --quiet` exits 1 without a word when HEAD has no commit yet; any other failure means no repository.
    if (error instanceof GitError && error.exitCode === 1) return { kind: 'no-commits' };
    if (error instanceof GitError) return { kind: 'not-git', reason: `${repo} is not a git repository` };
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'not-git', reason: 'git is not installed' };
    throw error;
  }
  return answer.startsWith('true') ? { kind: 'shallow' } : { kind: 'ok' };
}

/** A folder outside git: its files as one step, dated `now`. */
async function workingTreeStep(repo: string, root: string, now: string): Promise<CommitStep> {
  const files = await readOkrTree(root === '' ? '.' : root, repo);
  return {
    commit: '',
    date: now,
    author: '',
    message: '',
    changes: files.map((file) => ({
      status: 'A',
      path: file.path,
      version: readVersion(fileRole(root, file.path), file.path, file.bytes, file.size),
    })),
  };
}

/** A commit as kept between reading the log (newest first) and applying it (oldest first): no blob contents. */
interface LoggedCommit {
  commit: string;
  date: string;
  author: string;
  message: string;
  changes: LoggedChange[];
}

interface LoggedChange {
  status: FileChange['status'];
  path: string;
  from?: string;
  /** The version after the change, read and parsed while the log is still streaming. */
  blob?: BlobVersion;
}

/** One distinct blob, shared by every change that names it; its version is filled in when cat-file answers. */
interface BlobVersion {
  version?: FileVersion;
}

/**
 * `git log` without `--reverse` streams from the first commit it walks instead of after walking them all,
 * so git log, git cat-file and the parsing of versions run side by side. The log is read newest first into
 * compact records, every new blob is asked for at once, and the commits are applied oldest first at the end,
 * each record dropped once applied. Versions of a file are parsed newest first, which lets VersionReader
 * patch each from its neighbour just the same.
 */
async function walkLog(repo: string, root: string, builder: HistoryBuilder, onProgress: ReadHistoryOptions['onProgress'], now: string): Promise<void> {
  const args = [
    '-c',
    'log.showSignature=false',
    '-c',
    'log.follow=false',
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--raw',
    '-z',
    '--no-abbrev',
    '-M',
    '--relative',
    '--no-color',
    '--encoding=UTF-8',
    `--format=${LOG_FORMAT}`,
    'HEAD',
    '--',
    root === '' ? '.' : root,
  ];
  const child = spawn('git', args, { cwd: repo, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const reader = new BlobReader(repo, { buffered: true });
  const versionReader = new VersionReader(root);
  // By role, then blob id: a blob is read and parsed once for each role it plays.
  const blobs: Record<FileRole, Map<string, BlobVersion>> = { objective: new Map(), mission: new Map(), config: new Map() };
  const commits: LoggedCommit[] = [];
  // A retro is not an objective and has no history of values.
  const okrFile = memoized((path: string) => isOkrFile(root, path) && !isRetroFile(path));
  // The same few paths and authors come back in every commit: keep one copy of each.
  const intern = memoized((text: string) => text);
  const parser = new LogParser();
  // Answers come in the order asked, so the last read settles last; a failure is kept and thrown after it.
  let lastRead: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;

  const blobOf = (path: string, id: string): BlobVersion => {
    const known = blobs[fileRole(root, path)];
    const seen = known.get(id);
    if (seen !== undefined) return seen;
    const blob: BlobVersion = {};
    known.set(id, blob);
    lastRead = reader.read(id).then(
      (bytes) => {
        try {
          blob.version = versionReader.read(path, bytes ?? new Uint8Array(0));
        } catch (error) {
          failure ??= { error };
        }
      },
      (error: unknown) => {
        failure ??= { error };
      },
    );
    return blob;
  };
  const dayOf = commitDays(now, (warning) => builder.warn(warning));
  const keep = (logged: LogCommit[]) => {
    for (const commit of logged) {
      const changes = okrChanges(commit, okrFile, intern, blobOf);
      commits.push({ commit: commit.commit, date: dayOf(commit), author: intern(commit.author), message: commit.message, changes });
      onProgress?.(commits.length);
    }
  };

  try {
    for await (const chunk of child.stdout) keep(parser.push(chunk as Buffer));
    keep(parser.end());
    const code = await exited;
    if (code !== 0) throw new GitError(args, code, Buffer.concat(stderr).toString('utf8'));
    await reader.close();
    await lastRead;
    if (failure) throw failure.error;
  } finally {
    if (child.exitCode === null) child.kill();
    await reader.close();
  }
  for (const known of Object.values(blobs)) known.clear();
  for (let index = commits.length - 1; index >= 0; index--) {
    const { changes, ...commit } = commits[index] as LoggedCommit;
    // An applied record goes, and with the last record that names a blob, its version.
    commits.length = index;
    builder.apply({ ...commit, changes: changes.map(({ blob, ...change }) => (blob === undefined ? change : { ...change, version: blob.version })) });
  }
}

/**
 * The day each commit counts for, asked newest first. A commit is never dated more than a day after a later one: a clock that
 * was ahead (a committer date in the future) would otherwise move every later check-in to its day and hide
 * them from the site until then. Such a commit, and one whose date git cannot read (a negative timestamp),
 * counts on the day of the next commit (or `now` for the newest), with a warning.
 */
function commitDays(now: string, warn: (warning: { message: string; commit: string }) => void): (commit: LogCommit) => string {
  let earliestLater: string | undefined;
  return (commit) => {
    const day = /^\d{4}-\d{2}-\d{2}/.test(commit.committed) ? commit.committed.slice(0, 10) : undefined;
    // Two commits minutes apart in two time zones may be a calendar day out of order; more than that is a wrong clock.
    if (day !== undefined && (earliestLater === undefined || day <= addDays(earliestLater, 1))) {
      if (earliestLater === undefined || day < earliestLater) earliestLater = day;
      return day;
    }
    const counted = earliestLater ?? now;
    const short = commit.commit.slice(0, 7);
    warn({
      commit: commit.commit,
      message:
        day === undefined
          ? `Commit ${short} has a committer date git cannot read; its check-ins count on ${counted}`
          : `Commit ${short} is dated ${day}, after the commit that follows it (${counted}): its clock was probably wrong, so its check-ins count on ${counted}`,
    });
    return (earliestLater = counted);
  };
}

/** One commit's changes to OKR files, as the builder takes them: renames out of the folder are deletions, into it additions. */
function okrChanges(commit: LogCommit, okrFile: (path: string) => boolean, intern: (text: string) => string, blobOf: (path: string, id: string) => BlobVersion): LoggedChange[] {
  const changes: LoggedChange[] = [];
  for (const change of commit.changes) {
    const inside = okrFile(change.path);
    if (change.status !== 'D' && isReadable(change) && inside) {
      const blob = blobOf(change.path, change.newBlob);
      const fromInside = change.from !== undefined && okrFile(change.from);
      if (change.status === 'R' && fromInside) changes.push({ status: 'R', path: intern(change.path), from: intern(change.from as string), blob });
      else changes.push({ status: change.status === 'T' || change.status === 'M' ? 'M' : 'A', path: intern(change.path), blob });
    } else if (change.status === 'R' && change.from !== undefined && okrFile(change.from)) {
      changes.push({ status: 'D', path: intern(change.from) });
    } else if (inside && (change.status === 'D' || !isReadable(change))) {
      changes.push({ status: 'D', path: intern(change.path) });
    }
  }
  return changes;
}

/** The same answer for the same text without working it out again; a history names the same few paths over and over. */
function memoized<T>(compute: (path: string) => T): (path: string) => T {
  const known = new Map<string, T>();
  return (path) => {
    let value = known.get(path);
    if (value === undefined && !known.has(path)) known.set(path, (value = compute(path)));
    return value as T;
  };
}

/** Regular files only: a symlink or a submodule in the OKR folder is not an OKR file. */
function isReadable(change: RawChange): boolean {
  return change.newMode.startsWith('100');
}

function trimSlashes(path: string): string {
  const trimmed = path.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return trimmed === '.' ? '' : trimmed;
}
