/**
 * The site rendered from its compiled pages (src/site/site-bundle.ts, render-bundle.ts): what it
 * writes is what Astro's whole build writes, byte for byte, under any base; after a check-in it
 * renders again the pages that changed and keeps the others; and a bundle that is stale or broken
 * is never used: the build is then Astro's, which compiles a good one.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildSite, cacheRoot, defaultCacheDir, type BuildSiteOptions } from '../../src/site/build-site.ts';
import { bundleDigest, findBundle } from '../../src/site/site-bundle.ts';
import { createRepo, MISSION, objectiveText, removeTempFolders, tempFolder, type TestRepo } from '../helpers/git-repo.ts';

const NOW = '2026-11-20';
const SITE = 'https://jane.github.io';
const work = tempFolder('okr-site-bundle-');
// Bundles of these tests' own, so that breaking one leaves the other tests' builds alone; beside
// Astro, as the chunks import Astro's dependencies.
const bundles = path.join(cacheRoot(), `bundles-test-${process.pid}`);
const repos: TestRepo[] = [];
let builds = 0;

afterAll(async () => {
  for (const repo of repos) await rm(defaultCacheDir(repo.dir), { recursive: true, force: true });
  await rm(bundles, { recursive: true, force: true });
  removeTempFolders();
});

function objective(title: string, value: number): string {
  return objectiveText({ title, owner: 'jane', key_results: [{ id: 'talks', baseline: 0, target: 10, current: value }] });
}

function repoWithObjectives(): TestRepo {
  const repo = createRepo();
  repos.push(repo);
  repo.write('okrs/mission.md', MISSION);
  for (let n = 1; n <= 3; n++) repo.write(`okrs/2026-q4/objective-${n}.md`, objective(`Objective ${n}`, n));
  repo.commit('Set the quarter', '2026-10-01');
  return repo;
}

async function files(dir: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((candidate) => candidate.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    found.set(path.relative(dir, file), await readFile(file));
  }
  return found;
}

function expectSame(built: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...built.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [file, bytes] of expected) expect(built.get(file)?.equals(bytes), file).toBe(true);
}

type Options = Pick<BuildSiteOptions, 'repo' | 'base'> & Partial<BuildSiteOptions>;

/** Astro's whole build, into a folder and caches of its own; it compiles the site into a folder that no build reads. */
async function astroBuild(options: Options): Promise<Map<string, Buffer>> {
  const out = path.join(work, `astro-${++builds}`);
  const built = await buildSite({ now: NOW, site: SITE, out, cacheDir: path.join(work, `astro-cache-${builds}`), logLevel: 'error', bundleInto: path.join(work, `unused-${builds}`), ...options });
  expect(built.renderer).toBe('astro');
  return files(out);
}

/** A build that may use the compiled site, with the log of every page it rendered or kept. */
async function build(options: Options & { out: string; cacheDir: string }): Promise<{ renderer: string; log: string }> {
  const written: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    const { renderer } = await buildSite({ now: NOW, site: SITE, bundles, logLevel: 'info', ...options });
    return { renderer, log: stripVTControlCharacters(written.join('')) };
  } finally {
    write.mockRestore();
  }
}

const kept = (log: string, page: string) => new RegExp(`─ ${page.replace(/[/.]/g, '\\$&')} \\((restored|cached)\\)`).test(log);

describe('the site rendered from its compiled pages', () => {
  it('writes what Astro’s build writes, under the base and site it was compiled with and others', { timeout: 180_000 }, async () => {
    const repo = repoWithObjectives();
    // The first build compiles the site (with base /okrs/); the next ones render from it.
    await build({ repo: repo.dir, base: '/okrs/', out: path.join(work, 'compile'), cacheDir: path.join(work, 'compile-cache') });
    // `okr build` gives the site's address as a URL's href, with its slash.
    for (const [base, site] of [
      ['/okrs/', SITE],
      ['/', `${SITE}/`],
      ['sub', SITE],
    ] as const) {
      const out = path.join(work, `bundle-${++builds}`);
      const { renderer } = await build({ repo: repo.dir, base, site, out, cacheDir: path.join(work, `bundle-cache-${builds}`) });
      expect(renderer, base).toBe('bundle');
      expectSame(await files(out), await astroBuild({ repo: repo.dir, base, site }));
    }
  });

  it('renders again after a check-in the pages it changed, keeps the others, and writes what Astro’s build writes', { timeout: 180_000 }, async () => {
    const repo = repoWithObjectives();
    const out = path.join(work, 'site');
    const cacheDir = path.join(work, 'site-cache');
    await build({ repo: repo.dir, base: '/', out, cacheDir });
    expect((await build({ repo: repo.dir, base: '/', out, cacheDir })).renderer).toBe('bundle');
    repo.write('okrs/2026-q4/objective-2.md', objective('Objective 2', 8));
    repo.commit('Check in', '2026-10-05');
    const { renderer, log } = await build({ repo: repo.dir, base: '/', out, cacheDir });
    expect(renderer).toBe('bundle');
    for (const page of ['/objectives/objective-1/index.html', '/objectives/objective-3/rss.xml', '/objectives/objective-3/okrs.json']) expect(kept(log, page), page).toBe(true);
    for (const page of ['/objectives/objective-2/index.html', '/objectives/objective-2/okrs.json', '/index.html']) {
      expect(log, page).toContain(`─ ${page}`);
      expect(kept(log, page), page).toBe(false);
    }
    expectSame(await files(out), await astroBuild({ repo: repo.dir, base: '/' }));
    // A kept page comes from the caches, not from the last output: without the output, it is kept all the same.
    await rm(out, { recursive: true, force: true });
    const again = await build({ repo: repo.dir, base: '/', out, cacheDir });
    expect(kept(again.log, '/objectives/objective-1/index.html')).toBe(true);
    expectSame(await files(out), await astroBuild({ repo: repo.dir, base: '/' }));
  });

  it('falls back to Astro’s build when the compiled site is broken, and compiles it again', { timeout: 180_000 }, async () => {
    const repo = repoWithObjectives();
    const out = path.join(work, 'broken');
    const cacheDir = path.join(work, 'broken-cache');
    await build({ repo: repo.dir, base: '/', out, cacheDir });
    const compiled = await findBundle(bundles, await bundleDigest());
    expect(compiled?.dir.startsWith(bundles)).toBe(true);
    await writeFile(path.join(compiled!.dir, 'server', compiled!.meta.entry), 'throw new Error("broken");\n');
    const broken = await buildSite({ repo: repo.dir, out, cacheDir, now: NOW, site: SITE, base: '/', bundles, logLevel: 'silent' });
    expect(broken.renderer).toBe('astro');
    const expected = await astroBuild({ repo: repo.dir, base: '/' });
    expectSame(await files(out), expected);
    // The Astro build compiled the site again.
    const next = await build({ repo: repo.dir, base: '/', out, cacheDir });
    expect(next.renderer).toBe('bundle');
    expectSame(await files(out), expected);
  });

  it('never uses a bundle compiled from other code', async () => {
    const digest = await bundleDigest();
    const stale = path.join(work, 'stale');
    await mkdir(path.join(stale, digest, 'server'), { recursive: true });
    await writeFile(path.join(stale, digest, 'server', 'prerender-entry.x.mjs'), '');
    await writeFile(path.join(stale, digest, 'bundle.json'), JSON.stringify({ version: 1, digest: 'other code', entry: 'prerender-entry.x.mjs', pages: [], scripts: [] }));
    expect(await findBundle(stale, digest)).toBeUndefined();
  });
});
