/**
 * `okr build --org org.yml` end to end into dist/: the company's repository, a published site
 * and a private repository read through the (fake) GitHub API on 127.0.0.1, beside sources
 * that fail each way. One build, shared by the tests here.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OkrsSummarySchema } from '../../src/core/okrs-json.ts';
import { ORG_SOURCES_NOW, orgYml, publishPlatform, SEARCH_TOKEN, writeCompanyRepo, writePlatformRepo } from '../fixtures/org-sources.ts';
import { objectiveText, TestRepo } from '../helpers/git-repo.ts';
import { removeAll, tempDir } from '../fixtures/repos.ts';
import { okrIn, type Run } from '../helpers/cli.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';

let work: string;
let fake: FakeGitHub;
let dist: string;
let run: Run;

beforeAll(async () => {
  work = await tempDir('okr-org-build-');
  fake = await startFakeGitHub({ pageSize: 2 });
  writeCompanyRepo(path.join(work, 'company'));
  writePlatformRepo(path.join(work, 'platform'));
  const platformUrl = await publishPlatform(fake, path.join(work, 'platform'), path.join(work, 'platform-dist'), path.join(work, 'cache'));
  await writeFile(path.join(work, 'org.yml'), orgYml(fake, { platformUrl, apiUrl: fake.url, failures: true }));
  dist = path.join(work, 'dist');
  run = await okrIn(
    ['build', '--org', path.join(work, 'org.yml'), '--repo', path.join(work, 'company'), '--out', dist, '--now', ORG_SOURCES_NOW, '--site', 'https://acme.example', '--base', '/org/'],
    {
      env: { GITHUB_TOKEN: SEARCH_TOKEN, GITHUB_API_URL: undefined },
    },
  );
}, 180_000);

afterAll(async () => {
  await fake?.close();
  await removeAll(work);
});

const read = (file: string) => readFile(path.join(dist, file), 'utf8');

async function everyFile(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe('okr build --org', () => {
  it('builds one site with pages from the repository, a published site and a repository read through the API', async () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Built \d+ pages for 2026-11-20/);
    for (const page of [
      'objectives/company-1/',
      'objectives/team-platform:latency/',
      'objectives/team-platform:uptime/',
      'objectives/team-search:relevance/',
      'groups/team-platform/',
      'groups/team-search/',
    ]) {
      expect(await read(`${page}index.html`), page).toMatch(/^<!DOCTYPE html>/);
    }
    const dashboard = await read('index.html');
    expect(dashboard).toContain('Make every customer successful');
    expect(dashboard).toContain('href="/org/groups/team-platform/"');
    expect(dashboard).toContain('href="/org/groups/team-search/"');
  });

  it('keeps each source’s ids under its name and resolves aligned_to across repositories', async () => {
    const relevance = await read('objectives/team-search:relevance/index.html');
    expect(relevance).toContain('href="/org/objectives/team-platform%3Alatency/"');
    const latency = await read('objectives/team-platform:latency/index.html');
    // `aligned_to: acme:company-1` names the company repository's own objective (org.yml `name: acme`).
    expect(latency).toContain('href="/org/objectives/company-1/"');
    expect(latency).toContain('href="/org/objectives/team-platform%3Auptime/"');
    expect(latency).toContain('href="/org/objectives/team-search%3Arelevance/"');
    const summary = OkrsSummarySchema.parse(JSON.parse(await read('okrs.json')));
    expect(Object.fromEntries(summary.objectives.map((objective) => [objective.id, objective.alignedTo]))).toEqual({
      'company-1': null,
      'company-2': null,
      'team-platform:latency': 'company-1',
      'team-platform:uptime': 'team-platform:latency',
      'team-search:relevance': 'team-platform:latency',
    });
    expect(summary.groups.map((group) => group.id)).toEqual(['', 'team-platform', 'team-search']);
  });

  it('resolves a list of parents across repositories parent by parent', async () => {
    const summary = OkrsSummarySchema.parse(JSON.parse(await read('okrs.json')));
    const uptime = summary.objectives.find((objective) => objective.id === 'team-platform:uptime');
    // `[latency, acme:company-2, team-search:relevnce]` from the platform's published site: its own id prefixed, the company's resolved, the misspelt one dropped.
    expect(uptime?.parents).toEqual(['team-platform:latency', 'company-2']);
    expect(run.stderr).toContain('`aligned_to: team-search:relevnce` names no objective of the organisation; `team-platform:uptime` is shown without it. Did you mean `team-search:relevance`?');
    expect(await read('objectives/company-2/index.html')).toContain('href="/org/objectives/team-platform%3Auptime/"');
  });

  it('warns about an aligned_to that names no objective of the organisation, with a suggestion', () => {
    expect(run.stderr).toContain('okrs/2026-q4/company-2.md  `aligned_to: team-platform:latnecy` names no objective of the organisation');
    expect(run.stderr).toContain('Did you mean `team-platform:latency`?');
  });

  it('reports each failing source with its name, address, what came back and a hint, and builds the rest', () => {
    const lines = run.stderr.split('\n');
    const failure = (name: string) => lines.findIndex((line) => line.startsWith(`source failed ${name} (`));
    const expectations: [string, RegExp, RegExp][] = [
      ['team-gone', /\/sites\/gone\/okrs\.json\): answered 404 Not Found/, /check it in org\.yml/],
      ['team-locked', /repos\/acme\/locked-okrs\): answered 401: ".*Bad credentials/, /token that can read the repository/],
      ['team-slow', /\/sites\/slow\/okrs\.json\): no answer within 1 s/, /timeout_seconds/],
      ['team-broken', /\/sites\/broken\/okrs\.json\): the answer is not JSON .*"<!doctype html>/, /okrs\.json/],
      ['team-old', /`schemaVersion` is missing, expected 2/, /okr build/],
      ['team-wrong', /does not match the okrs\.json schema: at `/, /rebuild it/],
    ];
    for (const [name, answer, hint] of expectations) {
      const index = failure(name);
      expect(index, `${name} in\n${run.stderr}`).toBeGreaterThan(-1);
      expect(lines[index]).toMatch(answer);
      expect(lines[index + 1]).toMatch(hint);
    }
    expect(run.stderr).toContain('okr build: 2 of 8 source(s) read');
  });

  it('reads the private repository through the API with the token, page by page', () => {
    const commitPages = fake.requests.filter((request) => request.path.startsWith('/repos/acme/search-okrs/commits?'));
    expect(commitPages.length).toBeGreaterThanOrEqual(3);
    expect(commitPages.some((request) => request.path.includes('page=3'))).toBe(true);
  });

  it('takes the history of a repository read through the API from its commits', async () => {
    const summary = OkrsSummarySchema.parse(JSON.parse(await read('okrs.json')));
    const relevance = summary.objectives.find((objective) => objective.id === 'team-search:relevance')!;
    expect(relevance.standing.checkinCount).toBe(2);
    expect(relevance.keyResults[0]!.standing.value).toBe(0.62);
    const own = JSON.parse(await read(decodeURIComponent(relevance.history)));
    expect(own.objective.keyResults[0].series.map((point: { value: number }) => point.value)).toEqual([0.45, 0.55, 0.62]);
    const timeline = await read('checkins/index.html');
    expect(timeline).toContain('Check-in: ndcg 0.62 after the ranking change');
    expect(timeline).toContain('Check-in: 18 deals');
  });

  it('publishes nothing of a private objective of a source', async () => {
    for (const file of await everyFile(dist)) {
      const text = await read(file);
      expect(text, file).not.toContain('Globex');
      expect(text, file).not.toContain('globex');
      expect(text, file).not.toContain(work);
    }
  });

  it('escapes what a source sent wherever it lands: pages and feeds', async () => {
    const group = await read('groups/team-platform/index.html');
    expect(group).toContain('A platform &lt;b&gt;nobody&lt;/b&gt; waits for');
    const timeline = await read('checkins/index.html');
    expect(timeline).not.toContain('<script>alert(1)</script>');
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const feed of ['rss.xml', 'groups/team-platform/rss.xml', 'owners/grace-platform/rss.xml']) {
      const xml = parser.parse(await read(feed));
      const items = [xml.rss.channel.item].flat();
      const titles = items.map((item: { title: string }) => item.title);
      expect(
        titles.some((title: string) => title.includes('Cut the checkout latency')),
        feed,
      ).toBe(true);
      for (const item of items) expect(item.title, feed).not.toContain('<');
    }
  });

  it('shows a key result on the page of its owner when a published site names the owner', async () => {
    const summary = OkrsSummarySchema.parse(JSON.parse(await read('okrs.json')));
    const latency = summary.objectives.find((objective) => objective.id === 'team-platform:latency')!;
    expect(latency.keyResults.map((kr) => [kr.id, kr.owner])).toEqual([['p95', 'Linus Ops']]);
    const owner = await read('owners/linus-ops/index.html');
    expect(owner).toContain("Key results of Linus Ops in others' objectives");
    expect(owner).toMatch(/<td>Key result p95<\/td>\s*<td><a href="\/org\/objectives\/team-platform%3Alatency\/">Cut the checkout latency<\/a><\/td>\s*<td>Grace Platform<\/td>/);
  });

  it('takes the progress of a published from-aligned objective from what is aligned to it across the organisation', async () => {
    const summary = OkrsSummarySchema.parse(JSON.parse(await read('okrs.json')));
    const latency = summary.objectives.find((objective) => objective.id === 'team-platform:latency')!;
    const aligned = summary.objectives.filter((objective) => objective.parents.includes('team-platform:latency'));
    // Its own site's uptime, and team-search's relevance, which only the organisation sees.
    expect(aligned.map((objective) => objective.id).sort()).toEqual(['team-platform:uptime', 'team-search:relevance']);
    expect(latency.standing.progressFrom).toBe('aligned');
    expect(latency.standing.progress).toBeCloseTo(aligned.reduce((sum, objective) => sum + objective.standing.progress, 0) / aligned.length, 2);
    expect(latency.standing.progress).not.toBeCloseTo(latency.keyResults[0]!.standing.progress, 2);
  });

  it('gives each owner and each group a feed of check-ins, linked from their pages', async () => {
    const group = await read('groups/team-search/index.html');
    expect(group).toContain('<link rel="alternate" type="application/rss+xml" title="Check-ins: team-search" href="/org/groups/team-search/rss.xml">');
    expect(group).toContain('<a href="/org/groups/team-search/rss.xml">');
    const owner = await read('owners/alan-search/index.html');
    expect(owner).toContain('href="/org/owners/alan-search/rss.xml"');
    const parser = new XMLParser();
    const searchFeed = parser.parse(await read('groups/team-search/rss.xml'));
    expect([searchFeed.rss.channel.item].flat().map((item: { title: string }) => item.title)).toEqual([
      'Make search results relevant — ndcg 0.55 → 0.62 of 0.8',
      'Make search results relevant — ndcg 0.45 → 0.55 of 0.8',
    ]);
    const ownerFeed = parser.parse(await read('owners/alan-search/rss.xml'));
    expect([ownerFeed.rss.channel.item].flat()[0].title).toBe('Make search results relevant — ndcg 0.55 → 0.62 of 0.8');
    const top = parser.parse(await read('groups/okrs/rss.xml'));
    expect([top.rss.channel.item].flat().length).toBeGreaterThanOrEqual(4);
  });
});

describe('org.yml', () => {
  it('is checked before anything is built: each mistake with its file and line and an example', async () => {
    const dir = await tempDir('okr-org-yml-');
    try {
      const file = path.join(dir, 'org.yml');
      await writeFile(file, 'sources:\n  - name: team-platform\n    url: ftp://example.com/okrs.json\n  - name: Team Search\n    github: acme/search\n    token: abc\n');
      const result = await okrIn(['build', '--org', file, '--repo', dir, '--out', path.join(dir, 'dist')]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`${file}:3:10`);
      expect(result.stderr).toMatch(/:4:\d+ +error +`sources\.1\.name`: A source name is lower-case letters/);
      expect(result.stderr).toMatch(/:6:5 +error +`sources\.1`: Unknown key `token`/);
      expect(result.stderr).toContain('org.yml lists the sources of the site, e.g.');
      expect(result.stderr).toContain('nothing was built');
      await expect(readdir(path.join(dir, 'dist'))).rejects.toThrow();
    } finally {
      await removeAll(dir);
    }
  });
});

describe('okr build --org --strict', () => {
  it('fails on a file of the repository’s own okrs/ that cannot be used, with its file, line and a hint, as a plain strict build does', async () => {
    const dir = await tempDir('okr-org-strict-');
    const server = await startFakeGitHub();
    try {
      const empty = { schemaVersion: 2, generatedAt: '2026-11-20', now: '2026-11-20', repo: '', missions: [], groups: [], objectives: [], checkinCount: 0, warnings: [] };
      server.sites.set('/sites/empty/okrs.json', { body: JSON.stringify(empty) });
      await mkdir(path.join(dir, 'company'));
      const repo = new TestRepo(path.join(dir, 'company'));
      repo.git(['init', '-q']);
      repo.write('okrs/mission.md', '---\nmission: Make every customer successful\n---\n');
      repo.write('okrs/2026-q4/company-1.md', objectiveText({ title: 'Win the mid-market', key_results: [{ id: 'deals', baseline: 0, target: 40, current: 10 }] }));
      repo.write('okrs/2026-q4/broken.md', '---\ntitle: Broken\nperiod: Q5\n---\n');
      repo.commit('Company objectives', '2026-10-01');
      const org = path.join(dir, 'org.yml');
      const sources = [{ name: 'team-empty', url: `${server.url}/sites/empty/okrs.json` }];
      await writeFile(org, JSON.stringify({ name: 'acme', timeout_seconds: 5, sources: [...sources, { name: 'team-gone', url: `${server.url}/sites/gone/okrs.json` }] }));
      const dist = path.join(dir, 'dist');
      const cache = path.join(dir, 'cache');
      const build = (...flags: string[]) => okrIn(['build', '--org', org, '--repo', repo.dir, '--out', dist, '--now', ORG_SOURCES_NOW, '--strict', ...flags]);

      const failed = await build();
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(/needs attention okrs\/2026-q4\/broken\.md:3 {2}\S/);
      expect(failed.stderr).toContain('source failed team-gone (');
      expect(failed.stderr).toContain('okr build: --strict is set and there are 1 problem(s) in okrs/, 1 failed source(s); nothing was built\n  hint: Fix what is listed above');
      await expect(readdir(dist)).rejects.toThrow();

      // The same repository with the file fixed and every source read: a strict build builds.
      repo.write('okrs/2026-q4/broken.md', objectiveText({ title: 'Fixed', key_results: [{ id: 'calls', baseline: 0, target: 10, current: 2 }] }));
      await writeFile(org, JSON.stringify({ name: 'acme', timeout_seconds: 5, sources }));
      const built = await build('--cache-dir', cache);
      expect(built.status, built.stderr).toBe(0);
      expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toContain('Make every customer successful');
      // The repository's own history is cached where --cache-dir says, as in a plain build.
      expect((await readdir(cache)).some((file) => file.startsWith('history-'))).toBe(true);
    } finally {
      await server.close();
      await removeAll(dir);
    }
  }, 120_000);
});
