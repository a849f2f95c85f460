/**
 * `gitops-okr/astro` in someone's existing Astro site: the packed package and
 * Astro installed offline into a temp project with a page of its own, a base
 * path and `okrs({ route: '/okrs' })`, built with the project's `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_CONFIG, testGitEnv } from '../helpers/git-repo.ts';
import { installPackage, packPackage } from '../helpers/package.ts';
import { removeAll, tempDir } from '../fixtures/repos.ts';
import { allFiles, linksIn, pagePath } from './site-files.ts';
import { findFile } from './static-server.ts';

const SITE = 'https://jane.github.io';
const BASE = '/blog/';
const ROUTE = '/blog/okrs/';
const NOW = '2026-11-20';

let work: string;
let project: string;
let dist: string;
let build: { status: number | null; stdout: string; stderr: string };

const CONFIG = `import { defineConfig } from 'astro/config';
import okrs from 'gitops-okr/astro';

export default defineConfig({
  site: '${SITE}',
  base: '${BASE}',
  integrations: [okrs({ repo: '.', route: '/okrs', now: '${NOW}' })],
});
`;

const OWN_PAGE = `---
const title = 'Jane writes';
---
<html lang="en"><head><title>{title}</title></head><body><h1>{title}</h1><p>A blog post.</p></body></html>
`;

beforeAll(() => {
  return (async () => {
    work = await tempDir('okr-astro-');
    project = path.join(work, 'blog');
    installPackage(project, packPackage(work), ['astro']);
    mkdirSync(path.join(project, 'src', 'pages'), { recursive: true });
    writeFileSync(path.join(project, 'astro.config.mjs'), CONFIG);
    writeFileSync(path.join(project, 'src', 'pages', 'index.astro'), OWN_PAGE);
    // Without what the test runner sets for its own Vite (BASE_URL, MODE, …): Astro would take them.
    const inherited = Object.entries(testGitEnv(`${NOW}T12:00:00+00:00`)).filter(([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'].includes(key));
    const env = { ...Object.fromEntries(inherited), NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };
    const run = (command: string, args: readonly string[]) => {
      const result = spawnSync(command, args, { cwd: project, encoding: 'utf8', env, timeout: 240_000 });
      if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
    };
    run('git', [...GIT_CONFIG, 'init', '-q']);
    run(process.execPath, ['node_modules/.bin/okr', 'init', '--now', NOW]);
    run('git', [...GIT_CONFIG, 'add', 'okrs']);
    run('git', [...GIT_CONFIG, 'commit', '-q', '-m', 'Set up the OKRs']);
    run(process.execPath, ['node_modules/.bin/okr', 'checkin', 'deliver-engaging-presentations/first-result', '7', '-m', 'Seven talks rated', '--commit']);
    const result = spawnSync(process.execPath, ['node_modules/.bin/astro', 'build'], { cwd: project, encoding: 'utf8', env, timeout: 240_000 });
    build = { status: result.status, stdout: result.stdout, stderr: result.stderr };
    dist = path.join(project, 'dist');
  })();
}, 300_000);

afterAll(() => removeAll(work));

describe('the Astro integration in an existing site', () => {
  it("builds the site's own page and the OKR pages beside it", async () => {
    expect(build.status, build.stderr + build.stdout).toBe(0);
    const own = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(own).toContain('<h1>Jane writes</h1>');
    // The OKR pages' styles stay on the OKR pages.
    expect(own).not.toContain('stylesheet');
    const files = await allFiles(dist);
    expect(files).toEqual(
      expect.arrayContaining([
        'okrs/index.html',
        'okrs/objectives/deliver-engaging-presentations/index.html',
        'okrs/objectives/deliver-engaging-presentations/rss.xml',
        'okrs/checkins/index.html',
        'okrs/periods/2026-Q4/index.html',
        'okrs/rss.xml',
        'okrs/okrs.json',
        'okrs/badge.json',
      ]),
    );
    // The host site owns the 404 page, the favicon and the sitemap.
    expect(files.filter((file) => /404|favicon|sitemap/.test(file))).toEqual([]);
    const page = readFileSync(path.join(dist, 'okrs', 'objectives', 'deliver-engaging-presentations', 'index.html'), 'utf8');
    expect(page).toContain('Seven talks rated');
    // The inputs handed to the pages are gone once the build is done.
    expect(readdirSync(path.join(project, '.astro', 'integrations', 'gitops-okr'))).toEqual([]);
  });

  it('resolves every link of the OKR pages and feeds under the route and the base', async () => {
    const files = (await allFiles(dist)).filter((file) => file.startsWith('okrs/') && /\.(html|xml)$/.test(file));
    const outside: string[] = [];
    const broken: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const link of await linksIn(dist, file)) {
        const url = new URL(link, `${SITE}${BASE}${pagePath(file)}`);
        if (url.origin !== SITE || link.startsWith('#')) continue;
        checked++;
        if (!url.pathname.startsWith(ROUTE) && !url.pathname.startsWith(`${BASE}_astro/`)) outside.push(`${file}: ${link}`);
        if (!(await findFile(dist, decodeURIComponent(url.pathname.slice(BASE.length))))) broken.push(`${file}: ${link}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
    const feed = readFileSync(path.join(dist, 'okrs', 'rss.xml'), 'utf8');
    expect(feed).toContain(`<link>${SITE}${ROUTE}objectives/deliver-engaging-presentations/</link>`);
    const dashboard = readFileSync(path.join(dist, 'okrs', 'index.html'), 'utf8');
    expect(dashboard).toContain(`<link rel="canonical" href="${SITE}${ROUTE}">`);
  });
});
