/**
 * Reads the history of the OKR files: one streaming `git log --raw` along the
 * first-parent line, one `git cat-file --batch` for every blob, each distinct
 * blob parsed once. The turning of versions into series is in core/history.ts.
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { HistoryBuilder, type CommitStep, type FileChange } from '../core/history.ts';
import type { History } from '../core/history-types.ts';
import { fileRole, readVersion, VersionReader, type FileVersion } from '../core/history-version.ts';
import { isOkrFile } from '../core/workspace.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { BlobReader } from './cat-file.ts';
import { LOG_FORMAT, LogParser, type LogCommit, type RawChange } from './log-stream.ts';
import { gitEnv, GitError, runGit } from './run.ts';

export interface ReadHistoryOptions {
  /** The day the history is generated for, `YYYY-MM-DD`; dates the points of a folder outside git. */
  now: string;
  /** Folder of the OKRs inside the repository; default `okrs`. */
  root?: string;
  /** Called after each commit: commits read so far, and the share of the time span covered (0–1) when known. */
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

/** Commits read ahead of the one being applied, so git, cat-file and parsing overlap. */
const LOOKAHEAD = 64;

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
  await walkLog(repo, root, builder, probe.headTime, options.onProgress);
  return builder.finish();
}

type Probe = { kind: 'not-git'; reason: string } | { kind: 'shallow' } | { kind: 'no-commits' } | { kind: 'ok'; headTime: number | undefined };

async function probeRepository(repo: string): Promise<Probe> {
  let shallow: string;
  try {
    shallow = (await runGit(repo, ['rev-parse', '--is-shallow-repository'])).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError) return { kind: 'not-git', reason: `${repo} is not a git repository` };
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'not-git', reason: 'git is not installed' };
    throw error;
  }
  if (shallow === 'true') return { kind: 'shallow' };
  const head = await runGit(repo, ['log', '-1', '--format=%ct', 'HEAD', '--']).catch(() => undefined);
  if (head === undefined) return { kind: 'no-commits' };
  const headTime = Number(head.toString('utf8').trim());
  return { kind: 'ok', headTime: Number.isFinite(headTime) ? headTime : undefined };
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

async function walkLog(
  repo: string,
  root: string,
  builder: HistoryBuilder,
  headTime: number | undefined,
  onProgress: ReadHistoryOptions['onProgress'],
): Promise<void> {
  const args = [
    '-c', 'log.showSignature=false',
    '-c', 'log.follow=false',
    'log', '--first-parent', '--diff-merges=first-parent', '--reverse',
    '--raw', '-z', '--no-abbrev', '-M', '--relative', '--no-color', '--encoding=UTF-8',
    `--format=${LOG_FORMAT}`, 'HEAD', '--', root === '' ? '.' : root,
  ];
  const child = spawn('git', args, { cwd: repo, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const reader = new BlobReader(repo);
  const versionReader = new VersionReader(root);
  const versions = new Map<string, Promise<FileVersion>>();
  const queue: { commit: LogCommit; ready: Promise<FileVersion[]> }[] = [];
  const parser = new LogParser();
  let done = 0;
  let firstTime: number | undefined;

  const versionOf = (change: RawChange): Promise<FileVersion> => {
    const role = fileRole(root, change.path);
    const key = `${change.newBlob} ${role}`;
    let version = versions.get(key);
    if (version === undefined) {
      version = reader.read(change.newBlob).then((bytes) => versionReader.read(change.path, bytes ?? new Uint8Array(0)));
      versions.set(key, version);
    }
    return version;
  };
  const enqueue = (commits: LogCommit[]) => {
    for (const commit of commits) {
      const wanted = commit.changes.filter((change) => change.status !== 'D' && isReadable(change) && isOkrFile(root, change.path));
      queue.push({ commit, ready: Promise.all(wanted.map(versionOf)) });
    }
  };
  const applyNext = async () => {
    const next = queue.shift();
    if (next === undefined) return;
    const read = await next.ready;
    builder.apply(commitStep(next.commit, root, read));
    done++;
    if (onProgress) {
      const time = Date.parse(next.commit.committed) / 1000;
      firstTime ??= time;
      const span = headTime === undefined ? 0 : headTime - firstTime;
      onProgress(done, span > 0 ? Math.min(1, Math.max(0, (time - firstTime) / span)) : undefined);
    }
  };

  try {
    for await (const chunk of child.stdout) {
      enqueue(parser.push(chunk as Buffer));
      while (queue.length > LOOKAHEAD) await applyNext();
    }
    enqueue(parser.end());
    const code = await exited;
    if (code !== 0) throw new GitError(args, code, Buffer.concat(stderr).toString('utf8'));
    while (queue.length > 0) await applyNext();
  } finally {
    if (child.exitCode === null) child.kill();
    await reader.close();
  }
}

/** One commit's OKR changes, with the versions read for them (in the same order as `enqueue` asked). */
function commitStep(commit: LogCommit, root: string, read: FileVersion[]): CommitStep {
  const changes: FileChange[] = [];
  let index = 0;
  for (const change of commit.changes) {
    const inside = isOkrFile(root, change.path);
    if (change.status !== 'D' && isReadable(change) && inside) {
      const version = read[index++];
      const fromInside = change.from !== undefined && isOkrFile(root, change.from);
      if (change.status === 'R' && fromInside) changes.push({ status: 'R', path: change.path, from: change.from, version });
      else changes.push({ status: change.status === 'T' || change.status === 'M' ? 'M' : 'A', path: change.path, version });
    } else if (change.status === 'R' && change.from !== undefined && isOkrFile(root, change.from)) {
      changes.push({ status: 'D', path: change.from });
    } else if (inside && (change.status === 'D' || !isReadable(change))) {
      changes.push({ status: 'D', path: change.path });
    }
  }
  return {
    commit: commit.commit,
    date: commit.committed.slice(0, 10),
    author: commit.author,
    message: commit.message,
    changes,
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
