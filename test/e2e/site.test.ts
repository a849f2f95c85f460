/// <reference lib="dom" />
/**
 * The built site in a real browser: the demo site (sample OKRs with seven
 * weeks of check-ins, under a GitHub Pages base path) and a hostile one
 * (script payloads everywhere, a private objective). One build of each is
 * shared by all the tests here.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoRepo } from '../../scripts/demo.ts';
import { OkrsSummarySchema } from '../../src/core/okrs-json.ts';
import { screenshotSite } from '../../scripts/screenshots.ts';
import { publicHistory } from '../../src/core/publish.ts';
import { readHistory } from '../../src/git/history.ts';
import { buildSite, defaultCacheDir, PACKAGE_ROOT } from '../../src/site/build-site.ts';
import { DEMO_NOW, demoHistory } from '../fixtures/demo-history.ts';
import { HOSTILE_FILES, HOSTILE_NOW, hostileHistory, PRIVATE_MARKER } from '../fixtures/hostile.ts';
import { folderWith, historyFile, removeAll, tempDir } from '../fixtures/repos.ts';
import { liveMarkup } from '../helpers/inert-html.ts';
import { launchChromium } from './browser.ts';
import { allFiles, htmlPages, linksIn, pagePath } from './site-files.ts';
import { findFile, serveStatic, type StaticServer } from './static-server.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');
const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar');

const SITE = 'https://jane.github.io';
const REAL_NOW = '2026-11-25';
const DEMO_BASE = '/my-okrs/';
const HOSTILE_BASE = '/';

interface Built {
  dir: string;
  base: string;
  server: StaticServer;
}

/** The site of the demo repository, built from its real git history. */
let real: Built & { repo: string };
let demo: Built;
let hostile: Built;
let browser: Browser;
const cleanup: string[] = [];

beforeAll(async () => {
  const work = await tempDir('okr-e2e-');
  cleanup.push(work);
  const demoHistoryFile = await historyFile(demoHistory());
  const hostileRepo = await folderWith(HOSTILE_FILES);
  const hostileHistoryFile = await historyFile(hostileHistory());
  cleanup.push(path.dirname(demoHistoryFile), hostileRepo, path.dirname(hostileHistoryFile));
  const realRepo = path.join(work, 'demo-repo');
  createDemoRepo(realRepo);
  cleanup.push(defaultCacheDir(realRepo), defaultCacheDir(hostileRepo));
  const realDir = path.join(work, 'real');
  await buildSite({ repo: realRepo, out: realDir, now: REAL_NOW, site: SITE, base: '/', cacheDir: path.join(work, 'cache-real') });
  real = { repo: realRepo, dir: realDir, base: '/', server: await serveStatic(realDir, '/') };
  const demoDir = path.join(work, 'demo');
  const hostileDir = path.join(work, 'hostile');
  await buildSite({ repo: PACKAGE_ROOT, out: demoDir, now: DEMO_NOW, site: SITE, base: DEMO_BASE, historyFile: demoHistoryFile, cacheDir: path.join(work, 'cache-demo') });
  // The hostile site lists its problems, so their text is checked for payloads and private files too.
  await buildSite({
    repo: hostileRepo,
    out: hostileDir,
    now: HOSTILE_NOW,
    site: SITE,
    base: HOSTILE_BASE,
    historyFile: hostileHistoryFile,
    cacheDir: path.join(work, 'cache-hostile'),
    showProblems: true,
  });
  demo = { dir: demoDir, base: DEMO_BASE, server: await serveStatic(demoDir, DEMO_BASE) };
  hostile = { dir: hostileDir, base: HOSTILE_BASE, server: await serveStatic(hostileDir, HOSTILE_BASE) };
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await real?.server.close();
  await demo?.server.close();
  await hostile?.server.close();
  await removeAll(...cleanup);
});

interface Visit {
  problems: string[];
  dialogs: string[];
}

/** Opens a page and records console errors, failed requests and dialogs. */
async function visit(page: Page, url: string): Promise<Visit> {
  const result: Visit = { problems: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') result.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => result.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => result.problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) result.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('dialog', async (dialog) => {
    result.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return result;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  });
  return violations;
}

describe('the site of the demo repository, from its git history', () => {
  it('loads every page with no console error, no failed request and no axe violation', async () => {
    const pages = await htmlPages(real.dir);
    expect(pages.length).toBeGreaterThanOrEqual(7);
    const context = await browser.newContext();
    try {
      for (const file of pages) {
        const page = await context.newPage();
        const { problems } = await visit(page, real.server.url + pagePath(file));
        expect(problems, file).toEqual([]);
        expect(await axeViolations(page), file).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it('publishes every check-in of the history, with the commit message as its note', async () => {
    const history = publicHistory(await readHistory(real.repo, { now: REAL_NOW }));
    expect(history.checkins.length).toBeGreaterThanOrEqual(10);
    const json = JSON.parse(await readFile(path.join(real.dir, 'okrs.json'), 'utf8'));
    expect(json.checkinCount).toBe(history.checkins.length);
    let published = 0;
    for (const objective of json.objectives) published += JSON.parse(await readFile(path.join(real.dir, objective.history), 'utf8')).checkins.length;
    expect(published).toBe(history.checkins.length);
    const items = ([] as unknown[]).concat(new XMLParser().parse(await readFile(path.join(real.dir, 'rss.xml'), 'utf8')).rss.channel.item);
    expect(items).toHaveLength(history.checkins.length);
    const page = await readFile(path.join(real.dir, 'objectives/presentations/index.html'), 'utf8');
    expect(page).toContain('All-hands talk: 3.9');
    expect(page).toContain('First talk of the quarter: 3.7 average');
  });
});

describe('the demo site in Chromium', () => {
  it('loads every page with no console error, no failed request and no axe violation', async () => {
    const pages = await htmlPages(demo.dir);
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const context = await browser.newContext();
    try {
      for (const file of pages) {
        const page = await context.newPage();
        const { problems } = await visit(page, demo.server.url + pagePath(file));
        expect(problems, file).toEqual([]);
        expect(await axeViolations(page), file).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it('passes axe in dark mode too, and fits a 360 px screen without sideways scrolling', async () => {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 360, height: 740 } });
    try {
      for (const route of ['', 'objectives/presentations/', 'periods/2026-Q3/', 'checkins/']) {
        const page = await context.newPage();
        await visit(page, demo.server.url + route);
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), route).toBe('rgb(20, 22, 25)');
        expect(await page.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(360);
        expect(await axeViolations(page), route).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it('runs no JavaScript of its own: no script elements and no .js files', async () => {
    expect((await allFiles(demo.dir)).filter((file) => /\.m?js$/.test(file))).toEqual([]);
    for (const file of await htmlPages(demo.dir)) expect(await readFile(path.join(demo.dir, file), 'utf8'), file).not.toMatch(/<script/i);
  });

  it('photographs the dashboard and an objective page as `npm run screenshots` does, into a folder of its own', async () => {
    const folder = path.join(await tempDir('okr-shots-'), 'shots');
    cleanup.push(path.dirname(folder));
    const files = await screenshotSite(browser, real.server.url, folder);
    expect(files.map((file) => path.basename(file))).toEqual(['dashboard.png', 'objective.png']);
    for (const file of files) expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('links under a base path', () => {
  it('resolves every internal link, asset, feed and sitemap entry to a file of the site', async () => {
    const origin = new URL(demo.server.url).origin;
    const files = (await allFiles(demo.dir)).filter((file) => /\.(html|xml)$/.test(file));
    const broken: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const link of await linksIn(demo.dir, file)) {
        const url = new URL(link.replace(SITE, origin), demo.server.url + pagePath(file));
        if (url.origin !== origin) continue;
        checked++;
        if (!url.pathname.startsWith(DEMO_BASE) || !(await findFile(demo.dir, decodeURIComponent(url.pathname.slice(DEMO_BASE.length))))) {
          broken.push(`${file}: ${link}`);
        }
      }
    }
    expect(broken.join('\n')).toBe('');
    expect(checked).toBeGreaterThan(100);
  });

  it('puts the base path into canonical, Open Graph and feed URLs', async () => {
    const page = await readFile(path.join(demo.dir, 'objectives/presentations/index.html'), 'utf8');
    expect(page).toContain(`<link rel="canonical" href="${SITE}${DEMO_BASE}objectives/presentations/">`);
    expect(page).toContain(`<meta property="og:url" content="${SITE}${DEMO_BASE}objectives/presentations/">`);
    expect(page).toContain(`<link rel="alternate" type="application/rss+xml" title="Check-ins: Deliver engaging presentations" href="${DEMO_BASE}objectives/presentations/rss.xml">`);
  });
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

  async function feed(file: string) {
    return parser.parse(await readFile(path.join(demo.dir, file), 'utf8')).rss.channel;
  }

  it('has one item per check-in with a unique guid, an RFC 822 date and absolute links under the base', async () => {
    const channel = await feed('rss.xml');
    const items = channel.item as Record<string, unknown>[];
    expect(items).toHaveLength(demoHistory().checkins.length);
    const guids = items.map((item) => (item.guid as Record<string, string>)['#text']);
    expect(new Set(guids).size).toBe(items.length);
    for (const item of items) {
      expect((item.guid as Record<string, string>)['@_isPermaLink']).toBe('false');
      expect(item.pubDate).toMatch(RFC_822);
      expect(Number.isNaN(Date.parse(item.pubDate as string))).toBe(false);
      expect(item.link).toMatch(new RegExp(`^${SITE}${DEMO_BASE}objectives/[a-z-]+/$`));
      expect(item['dc:creator']).toBeTruthy();
      expect(item.category).toContain('2026-Q4' in {} ? '' : (item.category as string[])[0]);
    }
    expect(items[0]!.title).toBe('Increase my work pace — review-time 2.3 → 2 of 1');
    expect(channel['atom:link']['@_href']).toBe(`${SITE}${DEMO_BASE}rss.xml`);
    expect(channel['atom:link']['@_rel']).toBe('self');
  });

  it('has a feed per objective with only its check-ins', async () => {
    const channel = await feed('objectives/presentations/rss.xml');
    const items = ([] as Record<string, unknown>[]).concat(channel.item);
    expect(items).toHaveLength(3);
    for (const item of items) expect(item.title).toMatch(/^Deliver engaging presentations — /);
    expect(channel['atom:link']['@_href']).toBe(`${SITE}${DEMO_BASE}objectives/presentations/rss.xml`);
  });

  it("lists every owner on an owner's page, beside a link back to all", async () => {
    const jane = await readFile(path.join(demo.dir, 'owners/jane/index.html'), 'utf8');
    expect(jane).toContain('<nav class="owner-filter" aria-label="Owners">');
    expect(jane).toContain(`href="${DEMO_BASE}owners/sam/"`);
    expect(jane).toMatch(new RegExp(`href="${DEMO_BASE}owners/jane/" aria-current="page"`));
  });

  it("publishes okrs.json as a summary of the documented schema, each objective's series beside it, and a shields.io badge", async () => {
    const json = OkrsSummarySchema.parse(JSON.parse(await readFile(path.join(demo.dir, 'okrs.json'), 'utf8')));
    expect(json.schemaVersion).toBe(2);
    expect(json.objectives.map((objective) => objective.id).sort()).toEqual(['new-skills', 'presentations', 'team-onboarding', 'work-pace']);
    expect(json.checkinCount).toBe(demoHistory().checkins.length);
    const presentations = JSON.parse(await readFile(path.join(demo.dir, 'objectives/presentations/okrs.json'), 'utf8'));
    expect(presentations.objective.keyResults[0].series.length).toBeGreaterThan(1);
    expect(presentations.checkins).toHaveLength(3);
    const badge = JSON.parse(await readFile(path.join(demo.dir, 'badge.json'), 'utf8'));
    expect(badge).toMatchObject({ schemaVersion: 1, label: 'OKRs 2026-Q4', message: expect.stringMatching(/^\d+%$/) });
  });
});

describe('the hostile site', () => {
  it('runs no script from titles, owners, bodies or commit messages: no dialog, no script element, no handler, no javascript: URL', async () => {
    const context = await browser.newContext();
    try {
      for (const file of await htmlPages(hostile.dir)) {
        const page = await context.newPage();
        const { problems, dialogs } = await visit(page, hostile.server.url + pagePath(file));
        expect(dialogs, file).toEqual([]);
        expect(problems, file).toEqual([]);
        const dangerous = await page.evaluate(() =>
          [...document.querySelectorAll('*')].flatMap((element) => [
            ...(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FOREIGNOBJECT'].includes(element.tagName.toUpperCase()) ? [element.tagName] : []),
            ...[...element.attributes]
              .filter((attribute) => /^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value) || attribute.name === 'srcdoc')
              .map((attribute) => `${element.tagName}[${attribute.name}]`),
          ]),
        );
        expect(dangerous, file).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it('has no live HTML in any text field of any feed after one XML decode', async () => {
    const feeds = (await allFiles(hostile.dir)).filter((file) => file.endsWith('.xml') && file.includes('rss'));
    expect(feeds.length).toBeGreaterThan(1);
    let items = 0;
    for (const file of feeds) {
      const channel = new XMLParser({ ignoreAttributes: false }).parse(await readFile(path.join(hostile.dir, file), 'utf8')).rss.channel;
      for (const [field, text] of [
        ['title', channel.title],
        ['description', channel.description],
      ])
        expect(liveMarkup(String(text)), `${file} ${field}`).toEqual([]);
      for (const item of [channel.item ?? []].flat()) {
        items++;
        for (const text of [item.title, item.description, item['dc:creator'], ...[item.category ?? []].flat()]) expect(liveMarkup(String(text)), `${file}: ${text}`).toEqual([]);
        expect(liveMarkup(String(item['content:encoded']), ['p', 'br']), file).toEqual([]);
      }
    }
    expect(items).toBeGreaterThan(10);
  });

  it('has no dangerous markup in any file of dist/', async () => {
    for (const file of await allFiles(hostile.dir)) {
      const text = await readFile(path.join(hostile.dir, file), 'utf8');
      expect(text, file).not.toMatch(/(href|src)\s*=\s*["']?\s*javascript:/i);
      // Inside a quoted attribute value `<` is only text (a title in `og:title`); look at the markup around them.
      const markup = text.replace(/="[^"]*"/g, '=""');
      expect(markup, file).not.toMatch(/<script|<iframe|<img[^>]*onerror|<svg[^>]*onload/i);
      expect(markup, file).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    }
  });

  it('shows the payloads as text', async () => {
    const page = await readFile(path.join(hostile.dir, 'objectives/hostile/index.html'), 'utf8');
    expect(page).toContain('Ship it &lt;script&gt;alert(&quot;xss-script&quot;)&lt;/script&gt;');
  });

  it('publishes nothing of a private objective: no page, card, feed item, JSON entry, sitemap entry or count', async () => {
    const leaks: string[] = [];
    for (const file of await allFiles(hostile.dir)) {
      if ((await readFile(path.join(hostile.dir, file), 'utf8')).toLowerCase().includes(PRIVATE_MARKER)) leaks.push(file);
    }
    expect(leaks).toEqual([]);
    const json = JSON.parse(await readFile(path.join(hostile.dir, 'okrs.json'), 'utf8'));
    expect(json.objectives.map((objective: { id: string }) => objective.id).sort()).toEqual(['helper', 'hostile']);
    const dashboard = await readFile(path.join(hostile.dir, 'index.html'), 'utf8');
    expect(dashboard).toContain('2 objectives');
    expect(dashboard).toContain('Needs attention');
    expect(dashboard).toContain('okrs/2026-q4/broken.md');
    expect(dashboard).not.toContain('secret-broken');
  });
});

describe('HTML validity', () => {
  it('has no Nu HTML Checker errors on any page of either site', async () => {
    const files = [...(await htmlPages(demo.dir)).map((file) => path.join(demo.dir, file)), ...(await htmlPages(hostile.dir)).map((file) => path.join(hostile.dir, file))];
    const { stderr } = await promisify(execFile)('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--exit-zero-always', ...files], { maxBuffer: 64 * 1024 * 1024 });
    const messages = (JSON.parse(stderr) as { messages: { type: string; message: string; url: string; lastLine?: number }[] }).messages;
    expect(messages.map((message) => `${message.url}:${message.lastLine} ${message.message}`)).toEqual([]);
    expect(files.length).toBeGreaterThan(15);
  }, 120_000);
});
