/**
 * Reads the history of the OKR files: one streaming `git log --raw` along the
 * first-parent line, one `git cat-file --batch` for every blob, each distinct
 * blob parsed once. The turning of versions into series is in core/history.ts.
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { HistoryBuilder, type CommitStep, type FileChange } from '../core/history.ts';
import { addDays } from '../core/period.ts';
import type { History, HistoryWarning } from '../core/history-types.ts';
import { fileRole, readVersion, VersionReader, type FileRole, type FileVersion } from '../core/history-version.ts';
import type { ParsedFiles } from '../core/parsed-files.ts';
import { isOkrFile, isRetroFile } from '../core/workspace.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { BlobReader } from './cat-file.ts';
import { cacheLocation, readCache, writeCache, type DayBounds } from './history-cache.ts';
import { LOG_FORMAT, LogParser, type LogCommit, type RawChange } from './log-stream.ts';
import { gitEnv, GitError, runGit } from './run.ts';

export interface ReadHistoryOptions {
  /** The day the history is generated for, `YYYY-MM-DD`; dates the points of a folder outside git. */
  now: string;
  /** Folder of the OKRs inside the repository; default `okrs`. */
  root?: string;
  /** Called after each commit read from the log (newest first) with the number read so far; `share` (0–1) when it is known. */
  onProgress?: (done: number, share?: number) => void;
  /**
   * The history cache (docs/history.md#the-history-cache): on by default, in `<git dir>/gitops-okr/`.
   * `false` reads the whole log and leaves no file.
   */
  cache?: false | HistoryCacheOptions;
  /** The current files' parses (src/core/parsed-files.ts): the newest version of a file, when it is the same text, is not parsed again. */
  parsed?: ParsedFiles;
  /**
   * Resolves once `parsed` holds every current file. Given, git starts at once and the versions it names wait for
   * it, so the log streams while the caller parses the current files, and the newest versions are still not parsed twice.
   */
  parsedReady?: Promise<void>;
}

export interface HistoryCacheOptions {
  /** Folder of the cache files instead of `<git dir>/gitops-okr`. */
  dir?: string;
  /** Told why a cache was not used (damaged, foreign, a rewritten history) or could not be written. */
  onWarning?: (message: string) => void;
  /**
   * Given, the cache file is not written before the history is returned but handed over, to write once what
   * waits for the history has what it needs (the site's reading thread writes it after the pages' inputs).
   */
  writeLater?: (write: () => Promise<void>) => void;
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
  const builderOptions = { root, repo, generatedAt: options.now };
  const info = await stat(repo).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`No such folder: ${repo}`);

  const probe = await probeRepository(repo);
  if (probe.kind === 'not-git') {
    const builder = new HistoryBuilder(builderOptions);
    builder.warn({ message: `${probe.reason}: the history holds the current files only, one point per key result` });
    builder.apply(await workingTreeStep(repo, root, options.now));
    return builder.finish();
  }
  if (probe.kind === 'shallow') throw new ShallowCloneError(repo);
  if (probe.kind === 'no-commits') {
    const builder = new HistoryBuilder(builderOptions);
    builder.warn({ message: `${repo} has no commits yet: the history is empty` });
    return builder.finish();
  }

  const cacheOptions = options.cache === false ? undefined : (options.cache ?? {});
  const warn = cacheOptions?.onWarning ?? (() => undefined);
  const location = cacheOptions && cacheLocation(repo, root, probe.gitDir, cacheOptions.dir);
  const cached = location && (await readCache(location, warn));
  const since = cached && (await continuesFrom(repo, cached.head, probe.head, warn));
  let read = since === undefined ? undefined : await readLog(repo, root, probe.prefix, since === probe.head ? undefined : `${since}..${probe.head}`, options);
  let builder: HistoryBuilder;
  let days: DayBounds;
  let dateWarnings: HistoryWarning[];
  if (cached && read && read.days.keeps(cached.days)) {
    builder = HistoryBuilder.resume(builderOptions, cached.builder);
    days = read.days.after(cached.days);
    dateWarnings = [...read.days.warnings, ...cached.dateWarnings];
  } else {
    if (cached && read) warn(`A commit after ${cached.head.slice(0, 7)} is dated before the commits the history cache holds, which moves their days: reading the whole history`);
    read = await readLog(repo, root, probe.prefix, probe.head, options);
    builder = new HistoryBuilder(builderOptions);
    days = read.days.after({});
    dateWarnings = read.days.warnings;
  }
  applyLogged(builder, read.commits);
  // A state that used `now` (a newest commit whose date git cannot read) holds a day that is not the commit's: not kept.
  if (location && cached?.head !== probe.head && !read.days.usedNow) {
    // The state as it is now, whenever it is written.
    const state = { head: probe.head, days, dateWarnings, builder: builder.state() };
    const write = () => writeCache(location, state, warn);
    if (cacheOptions.writeLater) cacheOptions.writeLater(write);
    else await write();
  }
  const history = builder.finish();
  return dateWarnings.length === 0 ? history : { ...history, warnings: [...dateWarnings, ...history.warnings] };
}

/** `prefix`: the folder's path inside the repository, `` at its top or `team/` below it. */
type Probe = { kind: 'not-git'; reason: string } | { kind: 'shallow' } | { kind: 'no-commits' } | { kind: 'ok'; gitDir: string; prefix: string; head: string };

/** One git process: whether the folder is a repository, a shallow clone, and has a commit at HEAD; its git folder, its place in the repository and HEAD. */
async function probeRepository(repo: string): Promise<Probe> {
  let answer: string;
  try {
    answer = (await runGit(repo, ['rev-parse', '--is-shallow-repository', '--absolute-git-dir', '--show-prefix', '--verify', '--quiet', 'HEAD^{commit}'])).toString('utf8');
  } catch (error) {
    // `--verify --quiet` exits 1 without a word when HEAD has no commit yet; any other failure means no repository.
    if (error instanceof GitError && error.exitCode === 1) return { kind: 'no-commits' };
    if (error instanceof GitError) return { kind: 'not-git', reason: `${repo} is not a git repository` };
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'not-git', reason: 'git is not installed' };
    throw error;
  }
  const [shallow = '', gitDir = '', prefix = '', head = ''] = answer.split('\n');
  return shallow === 'true' ? { kind: 'shallow' } : { kind: 'ok', gitDir, prefix, head };
}

/**
 * The cached head when it is still on HEAD's first-parent line, so that only the commits after it are new;
 * undefined (with a note) when the history was rewritten (amend, rebase, reset) or the commit is unknown here.
 */
async function continuesFrom(repo: string, cached: string, head: string, warn: (message: string) => void): Promise<string | undefined> {
  if (cached === head) return head;
  const rewritten = () => {
    warn(`The history cache is after commit ${cached.slice(0, 7)}, which is no longer on the first-parent line of HEAD (a rewritten history): reading the whole history`);
    return undefined;
  };
  let listing: string;
  try {
    listing = (await runGit(repo, ['rev-list', '--first-parent', '--parents', `${cached}..${head}`])).toString('utf8');
  } catch (error) {
    if (error instanceof GitError) return rewritten();
    throw error;
  }
  // The walk from HEAD along first parents stops at the cached commit only when it lies on that line.
  const oldest = listing.trimEnd().split('\n').at(-1)?.split(' ');
  return oldest?.[1] === cached ? cached : rewritten();
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

/** The commits of a range, newest first, with their versions read, and the days they count for. */
interface LoggedRange {
  commits: LoggedCommit[];
  days: CommitDays;
}

/**
 * `git log` without `--reverse` streams from the first commit it walks instead of after walking them all,
 * so git log, git cat-file and the parsing of versions run side by side. The log is read newest first into
 * compact records and every new blob is asked for at once; `applyLogged` applies them oldest first. Versions
 * of a file are parsed newest first, which lets VersionReader patch each from its neighbour just the same.
 * `range` is `HEAD` (the whole history) or `<cached>..<head>` (the commits after a cached state).
 */
async function readLog(repo: string, root: string, prefix: string, range: string | undefined, options: ReadHistoryOptions): Promise<LoggedRange> {
  const days = new CommitDays(options.now);
  const commits: LoggedCommit[] = [];
  if (range === undefined) return { commits, days };
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
    // The folder's changes only, named from the folder (a rename from outside it is an addition, one out of it a
    // deletion), as a pathspec would give them. Without a pathspec git does not weigh every commit's tree against
    // the pathspec, which takes it twice as long along 100,000 commits; commits that change nothing in the folder
    // come with no changes and are passed over.
    root === '' ? '--relative' : `--relative=${prefix}${root}/`,
    '--no-color',
    '--encoding=UTF-8',
    `--format=${LOG_FORMAT}`,
    range,
  ];
  const child = spawn('git', args, { cwd: repo, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const reader = new BlobReader(repo, { buffered: true });
  const versionReader = new VersionReader(root, options.parsed);
  // By role, then blob id: a blob is read and parsed once for each role it plays.
  const blobs: Record<FileRole, Map<string, BlobVersion>> = { objective: new Map(), mission: new Map(), config: new Map() };
  // A retro is not an objective and has no history of values.
  const okrFile = memoized((path: string) => isOkrFile(root, path) && !isRetroFile(path));
  // The same few paths and authors come back in every commit: keep one copy of each.
  const intern = memoized((text: string) => text);
  // Paths as git names them from the folder, as the rest of the history names them: from the repository's folder.
  const fromRepo = root === '' ? intern : memoized((path: string) => `${root}/${path}`);
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
    const parse = (bytes: Uint8Array | undefined) => {
      try {
        blob.version = versionReader.read(path, bytes ?? new Uint8Array(0));
      } catch (error) {
        failure ??= { error };
      }
    };
    // Answers come in the order asked, and wait for the current files' parses in that order: each file's versions are read in turn.
    lastRead = reader.read(id).then(
      (bytes) => (options.parsedReady === undefined ? parse(bytes) : options.parsedReady.then(() => parse(bytes))),
      (error: unknown) => {
        failure ??= { error };
      },
    );
    return blob;
  };
  const keep = (logged: LogCommit[]) => {
    for (const commit of logged) {
      if (commit.changes.length === 0) continue;
      const changes = okrChanges(commit, okrFile, fromRepo, blobOf);
      commits.push({ commit: commit.commit, date: days.dayOf(commit), author: intern(commit.author), message: commit.message, changes });
      options.onProgress?.(commits.length);
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
  return { commits, days };
}

/** Applies logged commits (newest first) oldest first; an applied record goes, and with the last record that names a blob, its version. */
function applyLogged(builder: HistoryBuilder, commits: LoggedCommit[]): void {
  for (let index = commits.length - 1; index >= 0; index--) {
    const { changes, ...commit } = commits[index] as LoggedCommit;
    commits.length = index;
    builder.apply({ ...commit, changes: changes.map(({ blob, ...change }) => (blob === undefined ? change : { ...change, version: blob.version })) });
  }
}

/**
 * The day each commit counts for, asked newest first. A commit is never dated more than a day after a later one: a clock that
 * was ahead (a committer date in the future) would otherwise move every later check-in to its day and hide
 * them from the site until then. Such a commit, and one whose date git cannot read (a negative timestamp),
 * counts on the day of the next commit (or `now` for the newest), with a warning.
 *
 * So newer commits can move the days of older ones. A cached state keeps its days only when the new commits
 * move none of them (`keeps`), which the latest day a cached commit kept and the latest day one was moved to tell.
 */
class CommitDays {
  readonly warnings: HistoryWarning[] = [];
  /** Whether a day came from `now` rather than from a commit. */
  usedNow = false;
  private earliestLater: string | undefined;
  private latestOwn: string | undefined;
  private latestMovedTo: string | undefined;
  private readonly now: string;

  constructor(now: string) {
    this.now = now;
  }

  dayOf(commit: LogCommit): string {
    const day = /^\d{4}-\d{2}-\d{2}/.test(commit.committed) ? commit.committed.slice(0, 10) : undefined;
    const { earliestLater } = this;
    // Two commits minutes apart in two time zones may be a calendar day out of order; more than that is a wrong clock.
    if (day !== undefined && (earliestLater === undefined || day <= addDays(earliestLater, 1))) {
      if (earliestLater === undefined || day < earliestLater) this.earliestLater = day;
      if (this.latestOwn === undefined || day > this.latestOwn) this.latestOwn = day;
      return day;
    }
    const counted = earliestLater ?? this.now;
    if (earliestLater === undefined) this.usedNow = true;
    else if (this.latestMovedTo === undefined || counted > this.latestMovedTo) this.latestMovedTo = counted;
    const short = commit.commit.slice(0, 7);
    this.warnings.push({
      message:
        day === undefined
          ? `Commit ${short} has a committer date git cannot read; its check-ins count on ${counted}`
          : `Commit ${short} is dated ${day}, after the commit that follows it (${counted}): its clock was probably wrong, so its check-ins count on ${counted}`,
      commit: commit.commit,
    });
    return (this.earliestLater = counted);
  }

  /** Whether the older commits of a cached state count on the same days below the commits read here. */
  keeps(older: DayBounds): boolean {
    const earliest = this.earliestLater;
    if (earliest === undefined) return true;
    return (older.latestOwn === undefined || older.latestOwn <= addDays(earliest, 1)) && (older.latestMovedTo === undefined || older.latestMovedTo <= earliest);
  }

  /** The bounds of the older commits and these together. */
  after(older: DayBounds): DayBounds {
    const latest = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || a > b ? a : b);
    const latestOwn = latest(older.latestOwn, this.latestOwn);
    const latestMovedTo = latest(older.latestMovedTo, this.latestMovedTo);
    return { ...(latestOwn === undefined ? {} : { latestOwn }), ...(latestMovedTo === undefined ? {} : { latestMovedTo }) };
  }
}

/**
 * One commit's changes to OKR files, as the builder takes them: renames out of the folder are deletions, into it additions.
 * `name` gives the path from the repository's folder of a path as git wrote it, one copy of each.
 */
function okrChanges(commit: LogCommit, okrFile: (path: string) => boolean, name: (path: string) => string, blobOf: (path: string, id: string) => BlobVersion): LoggedChange[] {
  const changes: LoggedChange[] = [];
  for (const change of commit.changes) {
    const path = name(change.path);
    const from = change.from === undefined ? undefined : name(change.from);
    const inside = okrFile(path);
    if (change.status !== 'D' && isReadable(change) && inside) {
      const blob = blobOf(path, change.newBlob);
      if (change.status === 'R' && from !== undefined && okrFile(from)) changes.push({ status: 'R', path, from, blob });
      else changes.push({ status: change.status === 'T' || change.status === 'M' ? 'M' : 'A', path, blob });
    } else if (change.status === 'R' && from !== undefined && okrFile(from)) {
      changes.push({ status: 'D', path: from });
    } else if (inside && (change.status === 'D' || !isReadable(change))) {
      changes.push({ status: 'D', path });
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
