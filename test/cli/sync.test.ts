import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepo, removeTempFolders, tempFolder, testGitEnv } from '../helpers/git-repo.ts';
import { okrIn, okrWithFullDisk } from '../helpers/cli.ts';

const FILE = 'okrs/2026-q4/growth.md';

/** Answers each path with what the test put in `routes`; records every request with its headers. */
const routes = new Map<string, { status: number; body: string }>();
const requests: { url: string; authorization?: string }[] = [];
let base = '';
const server = createServer((request: IncomingMessage, response) => {
  requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
  const url = new URL(request.url ?? '/', base);
  const route = routes.get(url.pathname === '/search/issues' ? `/search/issues?${url.searchParams.get('q')}` : url.pathname) ?? { status: 404, body: '{"message":"Not Found"}' };
  response.writeHead(route.status, { 'content-type': 'application/json' });
  response.end(route.body);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  removeTempFolders();
});

function text(sources: { active: string; bugs: string; revenue: string }): string {
  return `---
title: Grow the community around the project
period: 2026-Q4
key_results:
  - id: active
    title: Grow weekly active users from 100 to 400
    baseline: 100
    target: 400
    current: 120   # from the dashboard
    source: {json: {url: "${sources.active}", pointer: /data/active}}
  - id: bugs
    title: Cut open bugs from 40 to 10
    baseline: 40
    target: 10
    current: 35
    source:
      github: {search: "${sources.bugs}", count: true}
  - id: revenue
    title: Grow monthly revenue from 1000 to 3000
    baseline: 1000
    target: 3000
    source: {csv: {path: ${sources.revenue}, column: revenue, row: last}}
---
Why it matters.
`;
}

function repoWith(sources: { active: string; bugs: string; revenue: string }, config = '') {
  const repo = createRepo();
  repo.write(FILE, text(sources));
  repo.write('data/revenue.csv', 'month,revenue\n2026-10,1200\n2026-11,"1,500"\n2026-11,1500\n');
  if (config) repo.write('okrs/config.yml', config);
  repo.commit('Plan', '2026-10-01');
  return repo;
}

const sync = (dir: string, ...args: string[]) => okrIn(['sync', '--repo', dir, ...args], { env: { ...testGitEnv('2026-11-02T08:00:00+00:00'), GITHUB_API_URL: base, GITHUB_TOKEN: 'sync-token' } });

describe('okr sync', () => {
  it('reads a JSON pointer, a GitHub search count and a CSV cell, and commits one check-in per changed value naming its source', async () => {
    routes.set('/metric.json', { status: 200, body: JSON.stringify({ data: { active: 180, other: 1 } }) });
    routes.set('/search/issues?repo:jane/app is:issue is:open label:bug', { status: 200, body: JSON.stringify({ total_count: 28, incomplete_results: false, items: [{}] }) });
    const repo = repoWith({ active: `${base}/metric.json`, bugs: 'repo:jane/app is:issue is:open label:bug', revenue: 'data/revenue.csv' });
    requests.length = 0;
    const result = await sync(repo.dir, '--commit');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('growth/active  120 → 180  synced from ' + `${base}/metric.json#/data/active`);
    expect(result.stdout).toContain('3 sources: 3 committed, 0 unchanged, 0 problems');
    const after = readFileSync(path.join(repo.dir, FILE), 'utf8');
    expect(after).toContain('current: 180   # from the dashboard');
    expect(after).toContain('current: 28\n');
    expect(after).toMatch(/baseline: 1000\n    target: 3000\n    current: 1500\n    source: \{csv/);
    const log = repo
      .git(['log', '--format=%B%x00'])
      .split('\0')
      .map((message) => message.trim())
      .filter(Boolean);
    expect(log).toHaveLength(4);
    expect(log[2]).toBe(`synced from ${base}/metric.json#/data/active\n\ngrowth/active: 120 → 180\n\nOkr-Sync: ${base}/metric.json#/data/active`);
    expect(log[1]).toContain('Okr-Sync: github search "repo:jane/app is:issue is:open label:bug"');
    expect(log[0]).toContain('Okr-Sync: data/revenue.csv#revenue@last');
    // The token goes to the GitHub API only, never to a JSON source.
    expect(requests.find((request) => request.url === '/metric.json')?.authorization).toBeUndefined();
    expect(requests.find((request) => request.url.startsWith('/search/issues'))?.authorization).toBe('Bearer sync-token');
    expect(repo.git(['status', '--porcelain'])).toBe('');
  });

  it('leaves the file as it was when it cannot be written, and counts it as a problem (spawned, on a full disk)', () => {
    const repo = createRepo();
    // Only the CSV key result: the spawned command could not reach this process's server while it waits.
    const objective = text({ active: 'https://127.0.0.1:9/unused.json', bugs: 'repo:jane/app', revenue: 'data/revenue.csv' }).replace(/  - id: active[\s\S]*?(?=  - id: revenue)/, '');
    repo.write(FILE, objective);
    repo.write('data/revenue.csv', 'month,revenue\n2026-11,1500\n');
    repo.commit('Plan', '2026-10-01');
    const run = okrWithFullDisk(['sync', '--repo', repo.dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^okr: okrs\/2026-q4\/growth\.md: growth\/revenue: cannot write the file: EFBIG .*; it is left as it is\n$/);
    expect(run.stdout).toContain('1 source: 0 written, 0 unchanged, 1 problem');
    expect(readFileSync(path.join(repo.dir, FILE), 'utf8')).toBe(objective);
  });

  it('makes no commit when every value is unchanged', async () => {
    routes.set('/same.json', { status: 200, body: '{"data":{"active":120}}' });
    routes.set('/search/issues?same', { status: 200, body: '{"total_count":35}' });
    const repo = repoWith({ active: `${base}/same.json`, bugs: 'same', revenue: 'data/revenue.csv' });
    writeFileSync(path.join(repo.dir, FILE), readFileSync(path.join(repo.dir, FILE), 'utf8').replace('row: last', 'row: 1').replace('target: 3000\n', 'target: 3000\n    current: 1200\n'));
    repo.commit('Revenue as it is', '2026-10-02');
    const before = repo.git(['rev-parse', 'HEAD']);
    const result = await sync(repo.dir, '--commit');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('3 sources: 0 committed, 3 unchanged, 0 problems');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(before);
  });

  it('reports a failing or non-numeric source for its key result only, with the address and what came back, and leaves the file alone', async () => {
    routes.set('/broken.json', { status: 500, body: 'upstream timed out' });
    routes.set('/search/issues?words', { status: 200, body: '{"total_count":"many"}' });
    const repo = repoWith({ active: `${base}/broken.json`, bugs: 'words', revenue: 'data/revenue.csv' });
    const result = await sync(repo.dir, '--commit');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `okr: ${FILE}: growth/active: ${base}/broken.json#/data/active: GET ${base}/broken.json answered 500 Internal Server Error: \`upstream timed out\`; the file is left as it is`,
    );
    expect(result.stderr).toContain('growth/bugs: github search "words": GET ');
    expect(result.stderr).toContain('the answer has no `total_count`: `{"total_count":"many"}`');
    expect(result.stdout).toContain('3 sources: 1 committed, 0 unchanged, 2 problems');
    const after = readFileSync(path.join(repo.dir, FILE), 'utf8');
    expect(after).toContain('current: 120   # from the dashboard');
    expect(after).toContain('current: 35\n');
    expect(after).toContain('current: 1500');
  });

  it('names the place in the JSON that holds no number', async () => {
    routes.set('/text.json', { status: 200, body: '{"data":{"active":"180 users"}}' });
    routes.set('/missing.json', { status: 200, body: '{"data":{}}' });
    const repo = repoWith({ active: `${base}/text.json`, bugs: 'same', revenue: 'data/revenue.csv' });
    const first = await sync(repo.dir);
    expect(first.stderr).toContain('`/data/active` is `"180 users"`, not a number');
    writeFileSync(path.join(repo.dir, FILE), readFileSync(path.join(repo.dir, FILE), 'utf8').replace('/text.json', '/missing.json'));
    const second = await sync(repo.dir);
    expect(second.stderr).toContain('the JSON has nothing at `/data/active` (pointer `/data/active`): `{"data":{}}`');
  });

  it('reports a jump beyond sync.max-jump and writes nothing for it', async () => {
    routes.set('/jump.json', { status: 200, body: '{"data":{"active":12000}}' });
    routes.set('/search/issues?same', { status: 200, body: '{"total_count":35}' });
    const repo = repoWith({ active: `${base}/jump.json`, bugs: 'same', revenue: 'data/revenue.csv' }, 'sync:\n  max-jump: 5\n');
    const result = await sync(repo.dir, '--commit');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('growth/active: ' + `${base}/jump.json#/data/active says 12000, a jump from 120 by more than the factor 5 (sync.max-jump in okrs/config.yml); not written`);
    expect(readFileSync(path.join(repo.dir, FILE), 'utf8')).toContain('current: 120   # from the dashboard');
  });

  it('never reads a CSV outside the repository, by path or through a link', async () => {
    routes.set('/same.json', { status: 200, body: '{"data":{"active":120}}' });
    routes.set('/search/issues?same', { status: 200, body: '{"total_count":35}' });
    const outside = tempFolder();
    writeFileSync(path.join(outside, 'secret.csv'), 'revenue\n999\n');
    const repo = repoWith({ active: `${base}/same.json`, bugs: 'same', revenue: '../secret.csv' });
    const up = await sync(repo.dir);
    expect(up.stderr).toContain('`../secret.csv` is outside the repository');
    mkdirSync(path.join(repo.dir, 'linked'));
    symlinkSync(path.join(outside, 'secret.csv'), path.join(repo.dir, 'linked', 'secret.csv'));
    symlinkSync(outside, path.join(repo.dir, 'away'));
    writeFileSync(path.join(repo.dir, FILE), readFileSync(path.join(repo.dir, FILE), 'utf8').replace('../secret.csv', 'away/secret.csv'));
    const folder = await sync(repo.dir);
    expect(folder.stderr).toContain('`away/secret.csv` leads outside the repository through a symbolic link');
    expect(readFileSync(path.join(repo.dir, FILE), 'utf8')).not.toContain('999');
  });
});
