/**
 * A small stand-in for the GitHub REST API on 127.0.0.1: the paths the action
 * uses (issue comments with pagination, issues, a pull request, the token's user,
 * a collaborator's permission, files through the contents API), the paths an
 * organisation's build reads a repository through (the repository, its trees, blobs
 * and commits, private ones only with a token), and published sites' files under
 * `/sites/`, recording every request.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface Item {
  id: number;
  number?: number;
  body: string;
  title?: string;
  state?: string;
  user: { login: string };
}

export interface FakeGitHubOptions {
  /** Answer writes with 403, as GitHub does for a fork's read-only token. */
  forbidWrites?: boolean;
  /** Page size the server uses whatever the client asks, to force pagination. */
  pageSize?: number;
  /** Head commit of each pull request. */
  pullHeads?: Record<number, string>;
  /** `permission` of each collaborator (`admin`, `write`, `read`, …); anyone else is a 404. */
  permissions?: Record<string, string>;
  /** Runs before a PUT of a file is answered: a test's concurrent push. */
  beforePut?: (file: string) => void;
}

/** A commit of a repository the API serves: the files it sets (text) or deletes (null). */
export interface RepoCommit {
  sha: string;
  date: string;
  author: string;
  message: string;
  /** More than one for a merge commit. */
  parents?: number;
  files: Record<string, string | null>;
}

export interface FakeRepo {
  private: boolean;
  /** The token that may read it: any other is refused with 401 (no token at all: 404 for a private repository). */
  token?: string;
  /** Answer this many of the next requests with 502, as GitHub does at times. */
  failures?: number;
  branch: string;
  /** Oldest first. */
  commits: RepoCommit[];
}

/** A file of a published site: its answer, and how long the server waits before it. */
export interface PublishedFile {
  status?: number;
  body: string;
  delayMs?: number;
  contentType?: string;
}

export interface FileCommit {
  path: string;
  branch: string;
  message: string;
  author: { name: string; email: string };
  text: string;
  sha: string;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  comments: Item[];
  issues: Item[];
  /** Files of the default branch by path, as the contents API serves them. */
  files: Map<string, { text: string; sha: string }>;
  /** Commits made through the contents API, oldest first. */
  commits: FileCommit[];
  options: FakeGitHubOptions;
  /** Repositories by `owner/name`. */
  repos: Map<string, FakeRepo>;
  /** Files of published sites by path, e.g. `/sites/platform/okrs.json`. */
  sites: Map<string, PublishedFile>;
  /** Forgets every request, comment, issue, file and commit, and restores the options it started with: a clean slate between tests. */
  reset(): void;
  close(): Promise<void>;
}

export const BOT = 'github-actions[bot]';

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const initial = { ...options };
  const state: FakeGitHub = {
    url: '',
    requests: [],
    comments: [],
    issues: [],
    files: new Map(),
    commits: [],
    options,
    repos: new Map(),
    sites: new Map(),
    reset: () => {
      state.repos.clear();
      state.sites.clear();
      state.requests.length = 0;
      state.comments.length = 0;
      state.issues.length = 0;
      state.commits.length = 0;
      state.files.clear();
      state.options = { ...initial };
    },
    close: async () => {},
  };
  let nextId = 1000;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', state.url);
    const body = await readBody(request);
    state.requests.push({ method: request.method ?? '', path: url.pathname + url.search, body });
    const route = `${request.method} ${url.pathname}`;
    const write = request.method === 'POST' || request.method === 'PATCH' || request.method === 'PUT';
    if (write && state.options.forbidWrites) return send(response, 403, { message: 'Resource not accessible by integration' });
    let match: RegExpExecArray | null;
    if (request.method === 'GET' && state.sites.has(url.pathname)) {
      const file = state.sites.get(url.pathname)!;
      if (file.delayMs) await new Promise((resolve) => setTimeout(resolve, file.delayMs));
      if (response.destroyed) return;
      response.writeHead(file.status ?? 200, { 'content-type': file.contentType ?? 'application/json; charset=utf-8' });
      return void response.end(file.body);
    }
    const repoMatch = /^\/repos\/([^/]+\/[^/]+)(\/.*)?$/.exec(url.pathname);
    const fakeRepo = repoMatch && request.method === 'GET' ? state.repos.get(decodeURIComponent(repoMatch[1]!)) : undefined;
    if (fakeRepo && repoMatch) {
      const auth = request.headers.authorization;
      const given = auth?.replace(/^(token|bearer) /i, '');
      if (given !== undefined && fakeRepo.token !== undefined && given !== fakeRepo.token) return send(response, 401, { message: 'Bad credentials' });
      if (fakeRepo.private && given === undefined) return send(response, 404, { message: 'Not Found' });
      if (fakeRepo.failures) {
        fakeRepo.failures -= 1;
        return send(response, 502, { message: 'Server Error' });
      }
      return repoRoute(response, url, decodeURIComponent(repoMatch[1]!), fakeRepo, repoMatch[2] ?? '');
    }
    if (route === 'GET /user') return send(response, 403, { message: 'Resource not accessible by integration' });
    if ((match = /^GET \/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(route))) return page(response, url, state.comments);
    if ((match = /^POST \/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(route))) {
      const comment = { id: nextId++, body: String((body as { body?: unknown }).body), user: { login: BOT } };
      state.comments.push(comment);
      return send(response, 201, comment);
    }
    if ((match = /^PATCH \/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(route))) {
      const comment = state.comments.find((candidate) => candidate.id === Number(match?.[1]));
      if (!comment) return send(response, 404, { message: 'Not Found' });
      comment.body = String((body as { body?: unknown }).body);
      return send(response, 200, comment);
    }
    if (route.match(/^GET \/repos\/[^/]+\/[^/]+\/issues$/))
      return page(
        response,
        url,
        state.issues.filter((issue) => issue.state === 'open'),
      );
    if (route.match(/^POST \/repos\/[^/]+\/[^/]+\/issues$/)) {
      const { title, body: text } = body as { title: string; body: string };
      const issue = { id: nextId++, number: nextId++, title, body: text, state: 'open', user: { login: BOT } };
      state.issues.push(issue);
      return send(response, 201, issue);
    }
    if ((match = /^PATCH \/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(route))) {
      const issue = state.issues.find((candidate) => candidate.number === Number(match?.[1]));
      if (!issue) return send(response, 404, { message: 'Not Found' });
      Object.assign(issue, body);
      return send(response, 200, issue);
    }
    if ((match = /^GET \/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/.exec(route))) {
      const login = decodeURIComponent(match[1] ?? '');
      const permission = state.options.permissions?.[login];
      if (permission === undefined) return send(response, 404, { message: `${login} is not a user` });
      return send(response, 200, { permission, role_name: permission, user: { login } });
    }
    if ((match = /^GET \/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(route))) {
      const file = state.files.get(decodeURIComponent(match[1] ?? ''));
      if (!file) return send(response, 404, { message: 'Not Found' });
      return send(response, 200, { type: 'file', encoding: 'base64', path: match[1], sha: file.sha, content: Buffer.from(file.text).toString('base64') });
    }
    if ((match = /^PUT \/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(route))) {
      const file = decodeURIComponent(match[1] ?? '');
      const { sha, message, content, branch, author } = body as { sha?: string; message: string; content: string; branch: string; author: { name: string; email: string } };
      state.options.beforePut?.(file);
      const existing = state.files.get(file);
      if (existing && existing.sha !== sha) return send(response, 409, { message: `${file} does not match ${sha}` });
      const text = Buffer.from(content, 'base64').toString('utf8');
      const commit = `${(nextId++).toString(16).padStart(8, '0')}${'0'.repeat(32)}`;
      const blob = `${(nextId++).toString(16).padStart(8, '0')}${'b'.repeat(32)}`;
      state.files.set(file, { text, sha: blob });
      state.commits.push({ path: file, branch, message, author, text, sha: commit });
      return send(response, 200, { content: { path: file, sha: blob }, commit: { sha: commit } });
    }
    if ((match = /^GET \/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(route))) {
      const sha = state.options.pullHeads?.[Number(match[1])];
      return sha ? send(response, 200, { number: Number(match[1]), head: { sha } }) : send(response, 404, { message: 'Not Found' });
    }
    return send(response, 404, { message: `No route for ${route}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));

  function repoRoute(response: ServerResponse, url: URL, name: string, repo: FakeRepo, rest: string): void {
    let match: RegExpExecArray | null;
    if (rest === '') return send(response, 200, { full_name: name, private: repo.private, default_branch: repo.branch, html_url: `https://github.com/${name}` });
    if ((match = /^\/git\/trees\/([^/]+)$/.exec(rest))) {
      const files = filesAt(repo, decodeURIComponent(match[1]!));
      if (!files) return send(response, 404, { message: 'Not Found' });
      const tree = [...files].map(([path, text]) => ({ path, mode: '100644', type: 'blob', sha: blobSha(text), size: Buffer.byteLength(text) }));
      return send(response, 200, { sha: match[1], tree, truncated: false });
    }
    if ((match = /^\/git\/blobs\/([0-9a-f]+)$/.exec(rest))) {
      for (const commit of repo.commits)
        for (const text of Object.values(commit.files))
          if (text !== null && blobSha(text) === match[1]) return send(response, 200, { sha: match[1], encoding: 'base64', content: Buffer.from(text).toString('base64') });
      return send(response, 404, { message: 'Not Found' });
    }
    if (rest === '/commits') {
      const folder = url.searchParams.get('path') ?? '';
      const listed = repo.commits
        .filter((commit) => Object.keys(commit.files).some((file) => folder === '' || file.startsWith(`${folder}/`)))
        .reverse()
        .map((commit, index, all) => ({
          sha: commit.sha,
          parents: Array.from({ length: commit.parents ?? (index === all.length - 1 ? 0 : 1) }, (_, n) => ({ sha: `${n}`.repeat(40) })),
          commit: { message: commit.message, author: { name: commit.author, date: commit.date }, committer: { name: commit.author, date: commit.date } },
        }));
      return page(response, url, listed);
    }
    if ((match = /^\/commits\/([^/]+)$/.exec(rest))) {
      const index = repo.commits.findIndex((commit) => commit.sha === match![1]);
      if (index === -1) return send(response, 404, { message: 'No commit found for SHA' });
      const commit = repo.commits[index]!;
      const before = filesAt(repo, repo.commits[index - 1]?.sha ?? '') ?? new Map<string, string>();
      const files = Object.entries(commit.files).map(([filename, text]) =>
        text === null ? { filename, status: 'removed', sha: null } : { filename, status: before.has(filename) ? 'modified' : 'added', sha: blobSha(text) },
      );
      return send(response, 200, { sha: commit.sha, parents: index === 0 ? [] : [{ sha: repo.commits[index - 1]!.sha }], files });
    }
    send(response, 404, { message: `No route for GET ${url.pathname}` });
  }

  function page(response: ServerResponse, url: URL, items: readonly unknown[]): void {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), state.options.pageSize ?? 100);
    const number = Number(url.searchParams.get('page') ?? 1);
    const slice = items.slice((number - 1) * perPage, number * perPage);
    const headers: Record<string, string> = {};
    if (number * perPage < items.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(number + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    send(response, 200, slice, headers);
  }
  return state;
}

/** The files of a repository at a commit (or at its branch). */
function filesAt(repo: FakeRepo, ref: string): Map<string, string> | undefined {
  const end = ref === repo.branch ? repo.commits.length - 1 : repo.commits.findIndex((commit) => commit.sha === ref);
  if (end === -1) return undefined;
  const files = new Map<string, string>();
  for (const commit of repo.commits.slice(0, end + 1))
    for (const [path, text] of Object.entries(commit.files)) {
      if (text === null) files.delete(path);
      else files.set(path, text);
    }
  return files;
}

/** As git names a blob. */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text);
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest('hex');
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}
