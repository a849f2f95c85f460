/// <reference lib="dom" />
/**
 * The site of a small organisation in a real browser: a company, ten teams and a
 * person in each, objectives aligned up the tree, built from a real git history under
 * a base path. One build, shared by the tests here.
 */
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OkrsSummarySchema } from '../../src/core/okrs-json.ts';
import { buildSite } from '../../src/site/build-site.ts';
import { ORG_NOW, orgObjectives, writeOrgRepo } from '../fixtures/org-repo.ts';
import { ORG_SOURCES_NOW, orgYml, publishPlatform, SEARCH_TOKEN, writeCompanyRepo, writePlatformRepo } from '../fixtures/org-sources.ts';
import { okrIn } from '../helpers/cli.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { removeAll, tempDir } from '../fixtures/repos.ts';
import { launchChromium } from './browser.ts';
import { allFiles, htmlPages, linksIn, pagePath } from './site-files.ts';
import { findFile, serveStatic, type StaticServer } from './static-server.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');
const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar');
const SITE = 'https://acme.github.io';
const BASE = '/org/';
const SHAPE = { teams: 10, peoplePerTeam: 1, checkins: 400 };

let work: string;
let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  work = await tempDir('okr-org-');
  writeOrgRepo(path.join(work, 'repo'), SHAPE);
  dir = path.join(work, 'dist');
  await buildSite({ repo: path.join(work, 'repo'), out: dir, now: ORG_NOW, site: SITE, base: BASE, cacheDir: path.join(work, 'cache'), logLevel: 'error' });
  server = await serveStatic(dir, BASE);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeAll(work);
});

const read = (file: string) => readFile(path.join(dir, file), 'utf8');

/** Every route in light mode, and the narrow ones in dark mode at 360 px: no error, no axe violation, no sideways scrolling. */
async function checkPages(at: StaticServer, routes: readonly string[], narrow: readonly string[]): Promise<void> {
  for (const [options, list] of [
    [{}, routes],
    [{ colorScheme: 'dark' as const, viewport: { width: 360, height: 740 } }, narrow],
  ] as const) {
    const context = await browser.newContext(options);
    try {
      for (const route of list) {
        const page = await context.newPage();
        expect(await open(page, route, at), route).toEqual([]);
        expect(await axeViolations(page), route).toEqual([]);
        if ('viewport' in options) expect(await page.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(360);
        await page.close();
      }
    } finally {
      await context.close();
    }
  }
}

async function open(page: Page, route: string, at: StaticServer = server): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(at.url + route, { waitUntil: 'load' });
  return problems;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  });
}

/** Every kind of page once, and the pages an organisation adds. */
const ROUTES = [
  '',
  'groups/okrs/',
  'groups/team-2/',
  'groups/team-2/person-1/',
  'alignment/',
  'objectives/company-1/',
  'objectives/team-2-1/',
  'objectives/p-2-1-1/',
  'periods/2026-Q4/',
  'owners/team-2/',
  'owners/person-2-1/',
  'checkins/',
];

describe('feeds of owners and groups', () => {
  it('links each owner and group page to its own feed, which holds only their check-ins', async () => {
    const team = await read('groups/team-2/index.html');
    expect(team).toContain('<link rel="alternate" type="application/rss+xml" title="Check-ins: team-2" href="/org/groups/team-2/rss.xml">');
    const owner = await read('owners/person-2-1/index.html');
    expect(owner).toContain('<link rel="alternate" type="application/rss+xml" title="Check-ins: Person 2.1" href="/org/owners/person-2-1/rss.xml">');
    // An organisation's people are found through their groups: an owner's page does not list every other owner.
    expect(owner).not.toContain('class="owner-filter"');
    expect(owner).not.toContain('href="/org/owners/person-2-2/"');
    expect(owner).toContain('<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol><li><a href="/org/">Dashboard</a></li></ol></nav>');
    const links = [...(await read('groups/team-2/rss.xml')).matchAll(/<link>https:\/\/acme\.github\.io\/org\/objectives\/([^/]+)\/<\/link>/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(0);
    const { objectives } = orgObjectives(SHAPE);
    const inTeam = new Set(objectives.filter((objective) => objective.path.startsWith('okrs/team-2/')).map((objective) => objective.id));
    expect(links.filter((id) => !inTeam.has(id))).toEqual([]);
  });
});

describe('the site of an organisation', () => {
  it('loads the pages of groups, alignment and objectives with no error and no axe violation, at 360 px in dark mode too', async () => {
    const narrow = ['', 'groups/team-2/', 'alignment/', 'objectives/company-1/'];
    await checkPages(server, ROUTES, narrow);
  }, 120_000);

  it('shows the top group and the table of the groups below it on the dashboard, not every objective', async () => {
    const dashboard = await read('index.html');
    expect(dashboard).toContain('Make every customer successful');
    const groups = [...dashboard.matchAll(/href="\/org\/groups\/([^"]+)\/"/g)].map((match) => match[1]);
    expect(groups).toEqual(['team-1', 'team-2', 'team-3', 'team-4', 'team-5', 'team-6', 'team-7', 'team-8', 'team-9', 'team-10']);
    expect(dashboard).toContain('href="/org/objectives/company-1/"');
    expect(dashboard).not.toMatch(/href="\/org\/objectives\/(team|p)-/);
  });

  it('rolls a team up with its people on its page, and lists its sub-groups', async () => {
    const team = await read('groups/team-2/index.html');
    const { objectives } = orgObjectives(SHAPE);
    const below = objectives.filter((objective) => objective.path.startsWith('okrs/team-2/'));
    expect(team).toContain(`${below.length} objectives with the groups below`);
    expect(team).toContain('href="/org/groups/team-2/person-1/"');
    expect(team).toContain('href="/org/objectives/team-2-1/"');
  });

  it('lists what an objective serves and what is aligned to it, with a roll-up line', async () => {
    const person = await read('objectives/p-2-1-1/index.html');
    const { objectives } = orgObjectives(SHAPE);
    const own = objectives.find((objective) => objective.id === 'p-2-1-1')!;
    const team = objectives.find((objective) => objective.id === own.alignedTo)!;
    expect(person).toContain(`href="/org/objectives/${team.id}/"`);
    expect(person).toContain(`href="/org/objectives/${team.alignedTo}/"`);
    const company = await read(`objectives/${team.alignedTo}/index.html`);
    const aligned = objectives.filter((objective) => [objective.alignedTo].flat().includes(team.alignedTo as string)).length;
    expect(company).toMatch(new RegExp(`${aligned} objectives? aligned, \\d+% on average`));
  });

  it('lists every parent of an objective that serves several, and counts it under each', async () => {
    const { objectives } = orgObjectives(SHAPE);
    const own = objectives.find((objective) => objective.id === 'team-2-2')!;
    const parents = own.alignedTo as string[];
    expect(parents).toHaveLength(2);
    const page = await read('objectives/team-2-2/index.html');
    const supports = /<li>Supports (.*?)<\/li>/.exec(page)![1]!;
    expect([...supports.matchAll(/href="\/org\/objectives\/([^"]+)\/"/g)].map((match) => match[1])).toEqual(parents);
    for (const parent of parents) {
      const html = await read(`objectives/${parent}/index.html`);
      const section = html.slice(html.indexOf('Aligned to it'));
      expect(section).toContain('href="/org/objectives/team-2-2/"');
    }
    const map = await read('alignment/index.html');
    expect(map.match(/href="\/org\/objectives\/team-2-2\/"/g)).toHaveLength(1);
    const summary = OkrsSummarySchema.parse(JSON.parse(await read('okrs.json')));
    expect(summary.objectives.find((objective) => objective.id === 'team-2-2')).toMatchObject({ alignedTo: parents[0], parents });
  });

  it('shows the owner of a key result on the objective page and on their owner page', async () => {
    const team = await read('objectives/team-2-1/index.html');
    expect(team).toContain('Owner: <a href="/org/owners/person-2-1/">Person 2.1</a>');
    const person = await read('owners/person-2-1/index.html');
    expect(person).toContain('Key results of Person 2.1 in others');
    expect(person).toContain('href="/org/objectives/team-2-1/"');
    expect(person).toContain('href="/org/objectives/p-2-1-1/"');
  });

  it("takes a from-aligned objective's progress from what is aligned to it", async () => {
    expect(await read('objectives/company-1/index.html')).toContain('not from its key results');
    expect(await read('objectives/company-2/index.html')).not.toContain('not from its key results');
  });

  it('has every objective on the alignment map once, in nested lists, without JavaScript', async () => {
    const map = await read('alignment/index.html');
    const { objectives } = orgObjectives(SHAPE);
    const linked = [...map.matchAll(/href="\/org\/objectives\/([^"]+)\/"/g)].map((match) => match[1]).sort();
    expect(linked).toEqual(objectives.map((objective) => objective.id).sort());
    expect(map).toMatch(/<li[^>]*><a href="\/org\/objectives\/company-\d\/">[^<]+<\/a>[^<]*<span[^>]*>[^<]+<\/span><ul>/);
    expect(map).not.toMatch(/<script/i);
  });

  it("publishes okrs.json as a versioned summary with the groups and no series, and each objective's series in its own file", async () => {
    const text = await read('okrs.json');
    const summary = OkrsSummarySchema.parse(JSON.parse(text));
    expect(summary.schemaVersion).toBe(2);
    expect(summary.groups).toHaveLength(1 + SHAPE.teams * (1 + SHAPE.peoplePerTeam));
    expect(summary.groups[0]).toMatchObject({ id: '', parent: null, rollup: { period: '2026-Q4', objectives: summary.objectives.length } });
    expect(summary.objectives.find((objective) => objective.id === 'company-1')!.standing.progressFrom).toBe('aligned');
    expect(summary.objectives.find((objective) => objective.id === 'p-2-1-1')!.group).toBe('team-2/person-1');
    expect(text).not.toContain('"series"');
    expect(summary.checkinCount).toBe(SHAPE.checkins);
    const own = JSON.parse(await read(summary.objectives[0]!.history));
    expect(own.objective.id).toBe(summary.objectives[0]!.id);
    expect(own.objective.keyResults[0].series.length).toBeGreaterThan(0);
  });

  it('resolves every internal link under the base, and publishes no path of the build machine', async () => {
    const origin = new URL(server.url).origin;
    const broken: string[] = [];
    for (const file of (await allFiles(dir)).filter((name) => /\.(html|xml)$/.test(name))) {
      for (const link of await linksIn(dir, file)) {
        const url = new URL(link.replace(SITE, origin), server.url + pagePath(file));
        if (url.origin !== origin) continue;
        if (!url.pathname.startsWith(BASE) || !(await findFile(dir, decodeURIComponent(url.pathname.slice(BASE.length))))) broken.push(`${file}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
    for (const file of await allFiles(dir)) expect(await read(file), file).not.toContain(work);
  });

  it('has no Nu HTML Checker errors on any page', async () => {
    const files = (await htmlPages(dir)).map((file) => path.join(dir, file));
    const { stderr } = await promisify(execFile)('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--exit-zero-always', ...files], { maxBuffer: 64 * 1024 * 1024 });
    const messages = (JSON.parse(stderr) as { messages: { message: string; url: string; lastLine?: number }[] }).messages;
    expect(messages.map((message) => `${message.url}:${message.lastLine} ${message.message}`)).toEqual([]);
    expect(files.length).toBeGreaterThan(60);
  }, 120_000);
});

describe('the site of an organisation of several repositories', () => {
  let multiWork: string;
  let multiDir: string;
  let multiServer: StaticServer;
  let fake: FakeGitHub;
  const PEOPLE = 130;

  beforeAll(async () => {
    multiWork = await tempDir('okr-org-multi-');
    fake = await startFakeGitHub();
    writeCompanyRepo(path.join(multiWork, 'company'), { people: PEOPLE });
    writePlatformRepo(path.join(multiWork, 'platform'));
    const platformUrl = await publishPlatform(fake, path.join(multiWork, 'platform'), path.join(multiWork, 'platform-dist'), path.join(multiWork, 'cache'));
    await writeFile(path.join(multiWork, 'org.yml'), orgYml(fake, { platformUrl, apiUrl: fake.url }));
    multiDir = path.join(multiWork, 'dist');
    const built = await okrIn(
      ['build', '--org', path.join(multiWork, 'org.yml'), '--repo', path.join(multiWork, 'company'), '--out', multiDir, '--now', ORG_SOURCES_NOW, '--site', SITE, '--base', BASE],
      {
        env: { GITHUB_TOKEN: SEARCH_TOKEN },
      },
    );
    expect(built.status, built.stderr).toBe(0);
    multiServer = await serveStatic(multiDir, BASE);
  }, 180_000);

  afterAll(async () => {
    await multiServer?.close();
    await fake?.close();
    await removeAll(multiWork);
  });

  const MULTI_ROUTES = [
    '',
    'groups/team-platform/',
    'groups/team-search/',
    'groups/people/',
    'groups/people/page/2/',
    'objectives/team-platform%3Alatency/',
    'objectives/team-search%3Arelevance/',
    'owners/alan-search/',
    'alignment/',
  ];

  it('loads the pages of every source, the owner and group pages with their feeds and a paged group, with no error and no axe violation, at 360 px too', async () => {
    await checkPages(multiServer, MULTI_ROUTES, ['groups/people/page/2/', 'objectives/team-platform%3Alatency/', 'groups/team-search/']);
  }, 120_000);

  it('pages the table of a flat group of many sub-groups, each page with its own part', async () => {
    const first = await readFile(path.join(multiDir, 'groups/people/index.html'), 'utf8');
    const second = await readFile(path.join(multiDir, 'groups/people/page/2/index.html'), 'utf8');
    const people = (html: string) => [...html.matchAll(/href="\/org\/groups\/people\/(person-\d+)\/"/g)].map((match) => match[1]);
    expect(people(first)).toHaveLength(100);
    expect(people(second)).toHaveLength(PEOPLE - 100);
    expect(new Set([...people(first), ...people(second)]).size).toBe(PEOPLE);
    expect(people(first).slice(0, 3)).toEqual(['person-1', 'person-2', 'person-3']);
    expect(first).toContain('href="/org/groups/people/page/2/" rel="next"');
    expect(second).toContain('href="/org/groups/people/" rel="prev"');
    expect(second).toContain('<link rel="canonical" href="https://acme.github.io/org/groups/people/page/2/">');
  });

  it('resolves every internal link under the base and keeps every page under 200 KB', async () => {
    const origin = new URL(multiServer.url).origin;
    const broken: string[] = [];
    for (const file of (await allFiles(multiDir)).filter((name) => /\.(html|xml)$/.test(name))) {
      if (file.endsWith('.html')) expect((await stat(path.join(multiDir, file))).size, file).toBeLessThanOrEqual(200 * 1024);
      for (const link of await linksIn(multiDir, file)) {
        const url = new URL(link.replace(SITE, origin), multiServer.url + pagePath(file));
        if (url.origin !== origin) continue;
        if (!url.pathname.startsWith(BASE) || !(await findFile(multiDir, decodeURIComponent(url.pathname.slice(BASE.length))))) broken.push(`${file}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
    for (const file of await allFiles(multiDir)) expect(await readFile(path.join(multiDir, file), 'utf8'), file).not.toContain(multiWork);
  });

  it('has no Nu HTML Checker errors on any page', async () => {
    const files = (await htmlPages(multiDir)).map((file) => path.join(multiDir, file));
    const { stderr } = await promisify(execFile)('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--exit-zero-always', ...files], { maxBuffer: 64 * 1024 * 1024 });
    const messages = (JSON.parse(stderr) as { messages: { message: string; url: string; lastLine?: number }[] }).messages;
    expect(messages.map((message) => `${message.url}:${message.lastLine} ${message.message}`)).toEqual([]);
    expect(files.length).toBeGreaterThan(PEOPLE);
  }, 120_000);
});
