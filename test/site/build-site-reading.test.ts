/**
 * The site's inputs are read on a thread of their own while Astro starts (src/site/read-inputs.ts):
 * what that thread finds still reaches the caller, and a failure there still fails the build with
 * its own message and leaves the last site as it was.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHistory } from '../../src/git/history.ts';
import { buildSite, defaultCacheDir } from '../../src/site/build-site.ts';
import { createRepo, MISSION, objectiveText, removeTempFolders, tempFolder, type TestRepo } from '../helpers/git-repo.ts';

const NOW = '2026-11-20';
const SITE = 'https://jane.github.io';
const work = tempFolder('okr-reading-');
const repos: TestRepo[] = [];

afterAll(async () => {
  for (const repo of repos) await rm(defaultCacheDir(repo.dir), { recursive: true, force: true });
  removeTempFolders();
});

function repoWithOneObjective(): TestRepo {
  const repo = createRepo();
  repos.push(repo);
  repo.write('okrs/mission.md', MISSION);
  repo.write('okrs/2026-q4/talks.md', objectiveText({ title: 'Give talks', owner: 'jane', key_results: [{ id: 'talks', baseline: 0, target: 10, current: 3 }] }));
  repo.commit('Set the quarter', '2026-10-01');
  return repo;
}

describe('reading the inputs beside Astro', () => {
  it('fails with the reading’s own error and keeps the last site and nothing else beside it', { timeout: 120_000 }, async () => {
    const repo = repoWithOneObjective();
    const out = path.join(work, 'site');
    const cacheDir = path.join(work, 'cache');
    await buildSite({ repo: repo.dir, out, now: NOW, site: SITE, base: '/', cacheDir, logLevel: 'error' });
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    const historyFile = path.join(work, 'history.json');
    await writeFile(historyFile, '{ "objectives": ');

    const failed = buildSite({ repo: repo.dir, out, now: NOW, site: SITE, base: '/', cacheDir, logLevel: 'error', historyFile });

    await expect(failed).rejects.toThrow(/history\.json/);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(index);
    expect((await readdir(work)).filter((name) => name.startsWith('site'))).toEqual(['site']);
  });

  it('passes on the history cache’s warnings and the report of files it could not use', { timeout: 120_000 }, async () => {
    const repo = repoWithOneObjective();
    repo.write('okrs/2026-q4/broken.md', '---\ntitle: [unclosed\n---\n');
    repo.commit('Add a broken file', '2026-10-02');
    const out = path.join(work, 'warned');
    const cacheDir = path.join(work, 'warned-cache');
    await buildSite({ repo: repo.dir, out, now: NOW, site: SITE, base: '/', cacheDir, logLevel: 'error' });
    const cacheFolder = path.join(repo.dir, '.git', 'gitops-okr');
    for (const name of await readdir(cacheFolder)) await writeFile(path.join(cacheFolder, name), 'not a cache');
    const warnings: string[] = [];

    const { report } = await buildSite({ repo: repo.dir, out, now: NOW, site: SITE, base: '/', cacheDir, logLevel: 'error', historyCache: { onWarning: (message) => warnings.push(message) } });

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/cache/i);
    expect(report.map((problem) => problem.path)).toContain('okrs/2026-q4/broken.md');
  });

  it('writes the history cache once the inputs are read, whole, for the next read to go on from', { timeout: 120_000 }, async () => {
    const repo = repoWithOneObjective();
    repo.write('okrs/2026-q4/talks.md', objectiveText({ title: 'Give talks', owner: 'jane', key_results: [{ id: 'talks', baseline: 0, target: 10, current: 5 }] }));
    repo.commit('Check in', '2026-10-08');
    const cacheFolder = path.join(repo.dir, '.git', 'gitops-okr');

    await buildSite({ repo: repo.dir, out: path.join(work, 'cached'), now: NOW, site: SITE, base: '/', cacheDir: path.join(work, 'cached-cache'), logLevel: 'error' });

    const written = await readdir(cacheFolder);
    expect(written).toHaveLength(1);
    const before = await readFile(path.join(cacheFolder, written[0] as string), 'utf8');
    const warnings: string[] = [];
    const fromCache = await readHistory(repo.dir, { now: NOW, cache: { onWarning: (message) => warnings.push(message) } });
    expect(warnings).toEqual([]);
    expect(JSON.stringify(fromCache)).toBe(JSON.stringify(await readHistory(repo.dir, { now: NOW, cache: false })));
    // Read from the cache, not written again: the build's file was whole and current.
    expect(await readFile(path.join(cacheFolder, written[0] as string), 'utf8')).toBe(before);
  });

  it('keeps the `.git` of an output folder that is a checkout, and nothing else of the last site', { timeout: 120_000 }, async () => {
    const repo = repoWithOneObjective();
    const out = path.join(work, 'pages-checkout');
    await mkdir(path.join(out, '.git'), { recursive: true });
    await writeFile(path.join(out, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    await writeFile(path.join(out, 'stale.html'), '<p>from the last site</p>');

    await buildSite({ repo: repo.dir, out, now: NOW, site: SITE, base: '/', cacheDir: path.join(work, 'pages-checkout-cache'), logLevel: 'error' });

    expect(await readFile(path.join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('Give talks');
    expect((await readdir(out)).includes('stale.html')).toBe(false);
    expect((await readdir(work)).filter((name) => name.startsWith('pages-checkout') && !name.endsWith('-cache'))).toEqual(['pages-checkout']);
  });
});
