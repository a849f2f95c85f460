/**
 * A source of an organisation's site read through the GitHub API (Octokit, with retries and
 * rate-limit handling): the OKR files of the default branch and, for their history, the
 * commits that changed the OKR folder, each with the versions of the files it changed. The
 * versions go through the same HistoryBuilder as a local `git log`, so progress, check-ins
 * and privacy are decided exactly as for local files.
 *
 * What differs from `git log --first-parent`: GitHub lists every commit that changed the
 * folder, newest first; merge commits are skipped (their changes are in the commits they
 * merge), so a history of squash or rebase merges reads the same as locally. Only the newest
 * `max_commits` are read; the history then starts from the files as they were before them.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { HistoryBuilder, type CommitStep, type FileChange } from '../core/history.ts';
import { fileRole, readVersion } from '../core/history-version.ts';
import type { GitHubSource } from '../core/org.ts';
import { MAX_FILE_BYTES } from '../core/source.ts';
import { isOkrFile, isRetroFile, type SourceFile } from '../core/workspace.ts';
import { hintOf, quoted, SourceError } from './org-http.ts';
import type { SourceRead } from './org-read.ts';
import { mapLimited } from './map-limited.ts';

const Client = Octokit.plugin(retry, throttling);
type Client = InstanceType<typeof Client>;

/** Any one answer of the API: a page of 100 commits or a tree of a few thousand files is far below. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
const CONCURRENCY = 8;

export interface GitHubReadOptions {
  timeoutMs: number;
  now: string;
  token: string | undefined;
  baseUrl: string;
}

export async function readGitHubSource(source: GitHubSource, options: GitHubReadOptions): Promise<SourceRead> {
  const [owner, repo] = source.github.split('/') as [string, string];
  const root = source.root;
  const client = createClient(options);
  const notes: string[] = [];
  const where = `${options.baseUrl.replace(/\/+$/, '')}/repos/${source.github}`;
  const info = await call(where, () => client.rest.repos.get({ owner, repo }));
  const branch = info.data.default_branch;
  const files = await treeFiles(client, { owner, repo, where }, branch, root, notes);

  const builder = new HistoryBuilder({ root, repo: info.data.private ? '' : info.data.html_url, generatedAt: options.now });
  const listed: { sha: string; parents: number; date: string; author: string; message: string }[] = [];
  let more = false;
  for await (const page of client.paginate.iterator(client.rest.repos.listCommits, { owner, repo, sha: branch, path: root, per_page: 100 })) {
    for (const commit of page.data) {
      if (listed.length === source.max_commits) {
        more = true;
        break;
      }
      listed.push({
        sha: commit.sha,
        parents: commit.parents.length,
        date: (commit.commit.committer?.date ?? commit.commit.author?.date ?? options.now).slice(0, 10),
        author: commit.commit.author?.name ?? '',
        message: commit.commit.message,
      });
    }
    if (more) break;
  }
  const blobs = new Map<string, Promise<Uint8Array>>();
  const blob = (sha: string, size: number | undefined) => {
    if (size !== undefined && size > MAX_FILE_BYTES) return Promise.resolve(new Uint8Array(0));
    let read = blobs.get(sha);
    if (!read) blobs.set(sha, (read = blobBytes(client, { owner, repo, where }, sha)));
    return read;
  };
  const oldestFirst = listed.filter((commit) => commit.parents <= 1).reverse();
  if (more && oldestFirst.length > 0) {
    // The files as they were before the commits read: the history starts from them.
    const first = await call(where, () => client.rest.repos.getCommit({ owner, repo, ref: oldestFirst[0]!.sha }));
    const parent = first.data.parents[0]?.sha;
    if (parent) {
      const before = await treeFiles(client, { owner, repo, where }, parent, root, notes);
      builder.apply({
        commit: parent,
        date: oldestFirst[0]!.date,
        author: '',
        message: '',
        changes: before.map((file) => ({ status: 'A', path: file.path, version: readVersion(fileRole(root, file.path), file.path, file.bytes, file.size) })),
      });
    }
    notes.push(`only the newest ${source.max_commits} commits of ${root}/ were read (\`max_commits\` in org.yml); the history starts on ${oldestFirst[0]!.date}`);
  }
  const steps = await mapLimited(oldestFirst, CONCURRENCY, async (commit): Promise<CommitStep> => {
    const detail = await call(where, () => client.rest.repos.getCommit({ owner, repo, ref: commit.sha, per_page: 300 }));
    const changes = await mapLimited(
      (detail.data.files ?? []).filter((file) => inRoot(root, file.filename) && !isRetroFile(file.filename)),
      CONCURRENCY,
      async (file): Promise<FileChange> => {
        const status = STATUS[file.status] ?? 'M';
        if (status === 'D') return { status, path: file.filename };
        const bytes = file.sha ? await blob(file.sha, undefined) : new Uint8Array(0);
        return { status, path: file.filename, ...(file.previous_filename ? { from: file.previous_filename } : {}), version: readVersion(fileRole(root, file.filename), file.filename, bytes) };
      },
    );
    return { commit: commit.sha, date: commit.date, author: commit.author, message: commit.message, changes };
  });
  for (const step of steps) builder.apply(step);
  return { kind: 'repository', root, files, history: builder.finish(), notes };
}

/** An OKR file in the folder: `isOkrFile` takes a path that is in it already. */
function inRoot(root: string, path: string): boolean {
  return path.startsWith(`${root}/`) && isOkrFile(root, path);
}

const STATUS: Record<string, FileChange['status']> = { added: 'A', copied: 'A', modified: 'M', changed: 'M', removed: 'D', renamed: 'R' };

/** The OKR files of a tree, read as the local tree is (src/io/read-tree.ts): symbolic links never followed. */
async function treeFiles(client: Client, at: { owner: string; repo: string; where: string }, ref: string, root: string, notes: string[]): Promise<SourceFile[]> {
  const tree = await call(at.where, () => client.rest.git.getTree({ owner: at.owner, repo: at.repo, tree_sha: ref, recursive: 'true' }));
  if (tree.data.truncated) notes.push(`the tree of ${ref} is too large for one answer of the API; some files may be missing`);
  const entries = tree.data.tree.filter((entry) => entry.type === 'blob' && entry.path !== undefined && inRoot(root, entry.path));
  return mapLimited(entries, CONCURRENCY, async (entry): Promise<SourceFile> => {
    const path = entry.path!;
    if (entry.mode === '120000') return { path, bytes: new Uint8Array(0), symlink: true };
    if (entry.size !== undefined && entry.size > MAX_FILE_BYTES) return { path, bytes: new Uint8Array(0), size: entry.size };
    return { path, bytes: await blobBytes(client, at, entry.sha!) };
  });
}

async function blobBytes(client: Client, at: { owner: string; repo: string; where: string }, sha: string): Promise<Uint8Array> {
  const answer = await call(at.where, () => client.rest.git.getBlob({ owner: at.owner, repo: at.repo, file_sha: sha }));
  if (answer.data.encoding !== 'base64') throw new SourceError(at.where, `blob ${sha} came as ${quoted(String(answer.data.encoding))}, expected base64`, 'Check `github_api` in org.yml');
  return new Uint8Array(Buffer.from(answer.data.content, 'base64'));
}

/** A request whose failure becomes a SourceError with what came back. */
async function call<T>(where: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const failed = error as { status?: number; message?: string; request?: { url?: string }; response?: { data?: unknown } };
    const url = failed.request?.url ?? where;
    if (typeof failed.status === 'number' && failed.status >= 400 && failed.status < 500) {
      const data = failed.response?.data;
      throw new SourceError(url, `answered ${failed.status}: ${quoted(typeof data === 'string' ? data : JSON.stringify(data ?? failed.message ?? ''))}`, hintOf(failed.status));
    }
    throw new SourceError(url, `request failed: ${quoted(failed.message ?? String(error))}`, 'Check `github` in org.yml and the network; the build tried again before giving up');
  }
}

function createClient(options: GitHubReadOptions): Client {
  return new Client({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: 'gitops-okr',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    request: { fetch: boundedFetch(options.timeoutMs) },
    retry: { retries: 2 },
    throttle: {
      onRateLimit: (_retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < 2,
      onSecondaryRateLimit: (_retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < 1,
    },
  });
}

/** fetch with a timeout per request and a bound on the answer's size. */
function boundedFetch(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(input, { ...init, signal });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') throw new SourceError(String(input), `no answer within ${timeoutMs / 1000} s`, 'Check the API address, or raise `timeout_seconds` in org.yml');
      throw error;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        if (size > MAX_ANSWER_BYTES) {
          await response.body?.cancel().catch(() => {});
          throw new SourceError(String(input), `the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`, 'Check `github_api` in org.yml');
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') throw new SourceError(String(input), `the answer did not finish within ${timeoutMs / 1000} s`, 'Raise `timeout_seconds` in org.yml');
      throw error;
    }
    return new Response(response.status === 204 || response.status === 304 ? null : Buffer.concat(chunks), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
