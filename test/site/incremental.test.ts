/**
 * The incremental site build: after each change to a real repository, a build that keeps
 * the caches of the builds before it writes exactly the files a cold build writes, byte for
 * byte, and renders again only what the change touched.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildSite, defaultCacheDir } from '../../src/site/build-site.ts';
import { checkInOrgRepo, ORG_NOW, writeOrgRepo } from '../fixtures/org-repo.ts';
import { createRepo, MISSION, objectiveText, removeTempFolders, tempFolder, type TestRepo } from '../helpers/git-repo.ts';
import { rm } from 'node:fs/promises';

const NOW = '2026-11-20';
const SITE = 'https://jane.github.io';

const work = tempFolder('okr-incremental-');
const repos: TestRepo[] = [];

afterAll(async () => {
  for (const repo of repos) await rm(defaultCacheDir(repo.dir), { recursive: true, force: true });
  removeTempFolders();
});

async function files(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const found = new Map<string, Buffer>();
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    found.set(path.relative(dir, file), await readFile(file));
  }
  return found;
}

function objective(title: string, value: number, extra: Record<string, unknown> = {}): string {
  return objectiveText({
    title,
    owner: 'jane',
    ...extra,
    key_results: [
      { id: 'talks', baseline: 0, target: 10, current: value },
      { id: 'ship', done: value > 5 },
    ],
  });
}

let builds = 0;

/** A build with Astro's log of every page it rendered or kept, as text. */
async function buildLog(options: Omit<Parameters<typeof buildSite>[0], 'logLevel'>): Promise<string> {
  const written: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await buildSite({ ...options, logLevel: 'info' });
  } finally {
    write.mockRestore();
  }
  // Astro colours its log when CI is set, terminal or not: the page names are read without the colours.
  return stripVTControlCharacters(written.join(''));
}

/** Whether Astro's log of a build says it kept `page` from the build before instead of rendering it. */
function keptIn(log: string, page: string): boolean {
  return new RegExp(`─ ${page.replace(/[/.]/g, '\\$&')} \\((restored|cached)\\)`).test(log);
}

/** The same repository built with the kept caches and output, and cold into a folder of its own. */
async function buildBoth(repo: TestRepo, incremental: string, cache: string): Promise<{ kept: Map<string, Buffer>; cold: Map<string, Buffer> }> {
  await buildSite({ repo: repo.dir, out: incremental, now: NOW, site: SITE, base: '/okrs/', cacheDir: cache, logLevel: 'error' });
  const cold = path.join(work, `cold-${++builds}`);
  await buildSite({ repo: repo.dir, out: cold, now: NOW, site: SITE, base: '/okrs/', cacheDir: path.join(work, `cold-cache-${builds}`), logLevel: 'error' });
  return { kept: await files(incremental), cold: await files(cold) };
}

function expectSame(kept: Map<string, Buffer>, cold: Map<string, Buffer>, step: string): void {
  expect([...kept.keys()].sort(), step).toEqual([...cold.keys()].sort());
  for (const [file, bytes] of cold) expect(kept.get(file)?.equals(bytes), `${step}: ${file}`).toBe(true);
}

describe('the incremental site build', () => {
  it('writes what a cold build writes after check-ins, a rename, a deletion and an objective turned private', { timeout: 240_000 }, async () => {
    const repo = createRepo();
    repos.push(repo);
    repo.write('okrs/mission.md', MISSION);
    for (let n = 1; n <= 4; n++) repo.write(`okrs/2026-q4/objective-${n}.md`, objective(`Objective ${n}`, n));
    repo.commit('Set the quarter', '2026-10-01');
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    const first = await buildBoth(repo, out, cache);
    expectSame(first.kept, first.cold, 'first build');

    const steps: [string, () => void][] = [
      ['a check-in', () => repo.write('okrs/2026-q4/objective-2.md', objective('Objective 2', 7))],
      ['another check-in', () => repo.write('okrs/2026-q4/objective-3.md', objective('Objective 3', 4))],
      ['a rename', () => repo.write('okrs/2026-q4/objective-1.md', objective('Objective 1, renamed', 1))],
      ['a deletion', () => repo.remove('okrs/2026-q4/objective-4.md')],
      ['an objective turned private', () => repo.write('okrs/2026-q4/objective-3.md', objective('Objective 3', 4, { private: true }))],
    ];
    let day = 2;
    let previous = first.kept;
    for (const [step, change] of steps) {
      change();
      repo.commit(step, `2026-10-${String(day++).padStart(2, '0')}`);
      const { kept, cold } = await buildBoth(repo, out, cache);
      expectSame(kept, cold, step);
      // What the step changed is in the kept output, and what it did not change is unchanged.
      expect(kept.get('objectives/objective-1/index.html')?.equals(previous.get('objectives/objective-1/index.html') ?? Buffer.alloc(0)), step).toBe(step !== 'a rename');
      previous = kept;
    }
    // The private objective's page, feed and JSON are gone, and no page names it; the deleted one stays, archived.
    expect([...previous.keys()].filter((file) => file.includes('objective-3'))).toEqual([]);
    expect([...previous.values()].some((bytes) => bytes.includes('Objective 3'))).toBe(false);
    expect(previous.get('objectives/objective-4/index.html')?.toString()).toContain('archived');
  });

  it('renders again only the pages of the objective a check-in changed and the pages that list every objective', { timeout: 120_000 }, async () => {
    const repo = createRepo();
    repos.push(repo);
    repo.write('okrs/mission.md', MISSION);
    for (let n = 1; n <= 3; n++) repo.write(`okrs/2026-q4/objective-${n}.md`, objective(`Objective ${n}`, n));
    repo.write('okrs/2026-q3/last-quarter.md', objective('Last quarter', 9, { period: '2026-Q3' }));
    repo.commit('Set the quarter', '2026-10-01');
    const out = path.join(work, 'only-changed');
    const cache = path.join(work, 'only-changed-cache');
    await buildSite({ repo: repo.dir, out, now: NOW, site: SITE, base: '/', cacheDir: cache, logLevel: 'error' });
    repo.write('okrs/2026-q4/objective-2.md', objective('Objective 2', 8));
    repo.commit('Check in', '2026-10-05');
    const log = await buildLog({ repo: repo.dir, out, now: NOW, site: SITE, base: '/', cacheDir: cache });
    const kept = (page: string) => keptIn(log, page);
    // The page of another period is kept: a check-in changes its own period's page only.
    for (const page of ['/objectives/objective-1/index.html', '/objectives/objective-1/rss.xml', '/objectives/objective-3/okrs.json', '/periods/2026-Q3/index.html'])
      expect(kept(page), page).toBe(true);
    for (const page of [
      '/objectives/objective-2/index.html',
      '/objectives/objective-2/rss.xml',
      '/objectives/objective-2/okrs.json',
      '/index.html',
      '/checkins/index.html',
      '/periods/2026-Q4/index.html',
    ]) {
      expect(log, page).toContain(`─ ${page}`);
      expect(kept(page), page).toBe(false);
    }
  });

  it('renders again only the group pages whose roll-ups a check-in moved, and writes what a cold build writes', { timeout: 240_000 }, async () => {
    const dir = path.join(work, 'org-repo');
    writeOrgRepo(dir, { teams: 2, peoplePerTeam: 2, checkins: 12 });
    const out = path.join(work, 'org-site');
    const cache = path.join(work, 'org-cache');
    await buildSite({ repo: dir, out, now: ORG_NOW, site: SITE, base: '/', cacheDir: cache, logLevel: 'error' });
    // One check-in by a person of team 1.
    checkInOrgRepo(dir, 'okrs/team-1/person-1');
    const log = await buildLog({ repo: dir, out, now: ORG_NOW, site: SITE, base: '/', cacheDir: cache });
    const kept = (page: string) => keptIn(log, page);
    for (const page of ['/groups/team-2/index.html', '/groups/team-2/person-1/index.html', '/groups/team-1/person-2/index.html']) expect(kept(page), page).toBe(true);
    for (const page of ['/groups/team-1/index.html', '/groups/team-1/person-1/index.html']) {
      expect(log, page).toContain(`─ ${page}`);
      expect(kept(page), page).toBe(false);
    }
    const cold = path.join(work, 'org-cold');
    await buildSite({ repo: dir, out: cold, now: ORG_NOW, site: SITE, base: '/', cacheDir: path.join(work, 'org-cold-cache'), logLevel: 'error' });
    expectSame(await files(out), await files(cold), 'a check-in in an organisation');
  });

  it('keeps every numbered page of the timeline after a check-in, and writes what a cold build writes as the index moves 50 to a new page', { timeout: 240_000 }, async () => {
    const repo = createRepo();
    repos.push(repo);
    repo.write('okrs/mission.md', MISSION);
    const file = (title: string, value: number) =>
      objectiveText({ title, owner: 'jane', key_results: [{ id: 'tickets', title: 'Answer tickets within a day', baseline: 0, target: 400, current: value }] });
    repo.write('okrs/2026-q4/support.md', file('Answer support faster', 0));
    repo.write('okrs/2026-q4/docs.md', file('Write the docs', 0));
    repo.commit('Set the quarter', '2026-10-01');
    // 148 check-ins: page 1 (the first 50) and the index (the newest 98).
    for (let n = 1; n <= 148; n++) {
      repo.write(n % 2 === 0 ? 'okrs/2026-q4/support.md' : 'okrs/2026-q4/docs.md', file(n % 2 === 0 ? 'Answer support faster' : 'Write the docs', n));
      repo.commit(`Check-in ${n}`, `2026-10-${String(2 + Math.floor(n / 6)).padStart(2, '0')}`);
    }
    const out = path.join(work, 'timeline');
    const cache = path.join(work, 'timeline-cache');
    const first = await buildBoth(repo, out, cache);
    expectSame(first.kept, first.cold, 'first build');
    expect([...first.kept.keys()].filter((name) => name.startsWith('checkins/')).sort()).toEqual(['checkins/1/index.html', 'checkins/index.html']);
    const page1 = first.kept.get('checkins/1/index.html')!.toString();
    expect(page1).toContain('Check-ins 1–50, counted from the first');
    expect(page1).toContain('Check-in 1<');
    // Six check-ins a day: the 50 oldest are the 47 of the first eight days and three of the ninth.
    expect(page1.match(/<li class="checkin">/g)).toHaveLength(50);
    expect(page1).toContain('Check-in 47<');
    expect(page1).not.toContain('Check-in 54<');
    // Newest first on the page.
    expect(page1.indexOf('Check-in 47<')).toBeLessThan(page1.indexOf('Check-in 1<'));
    expect(first.kept.get('checkins/index.html')!.toString()).toContain('The newest 98 of 148');

    const logs: string[] = [];
    for (const [n, day] of [
      [149, '2026-11-02'],
      [150, '2026-11-03'],
    ] as const) {
      repo.write('okrs/2026-q4/support.md', file('Answer support faster', n));
      repo.commit(`Check-in ${n}`, day);
      logs.push(await buildLog({ repo: repo.dir, out, now: NOW, site: SITE, base: '/okrs/', cacheDir: cache }));
      const cold = path.join(work, `timeline-cold-${n}`);
      await buildSite({ repo: repo.dir, out: cold, now: NOW, site: SITE, base: '/okrs/', cacheDir: path.join(work, `timeline-cold-cache-${n}`), logLevel: 'error' });
      expectSame(await files(out), await files(cold), `check-in ${n}`);
    }
    // Check-in 149 left page 1 as it was; check-in 150 moved 50 of the index's 100 to page 2, whose neighbour page 1 now links to it.
    // Astro's log names pages without the base.
    const kept1 = (log: string) => /─ \/checkins\/1\/index\.html \((restored|cached)\)/.test(log);
    expect(logs.map(kept1)).toEqual([true, false]);
    const kept = await files(out);
    expect([...kept.keys()].filter((name) => name.startsWith('checkins/')).sort()).toEqual(['checkins/1/index.html', 'checkins/2/index.html', 'checkins/index.html']);
    expect(kept.get('checkins/2/index.html')!.toString()).toContain('Check-ins 51–100, counted from the first');
    expect(kept.get('checkins/1/index.html')!.toString()).toContain('href="/okrs/checkins/2/" rel="prev">Newer');
    expect(kept.get('checkins/index.html')!.toString()).toContain('The newest 50 of 150');
    expect(kept.get('checkins/index.html')!.toString()).toContain('href="/okrs/checkins/2/" rel="next">Older');
  });
});
