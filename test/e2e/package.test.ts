/**
 * The package as a user gets it: `npm pack`, installed offline into temp git
 * repositories, the `okr` command run from node_modules/.bin. One repository
 * installs only gitops-okr (linting needs no Astro), one installs Astro beside
 * it and builds the site.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_CONFIG, testGitEnv } from '../helpers/git-repo.ts';
import { installPackage, packPackage } from '../helpers/package.ts';
import { removeAll, tempDir } from '../fixtures/repos.ts';

const NOW = '2026-11-20';
const OBJECTIVE = 'okrs/2026-q4/deliver-engaging-presentations.md';
const KR = 'deliver-engaging-presentations/first-result';

let work: string;
let tarball: string;
/** Only gitops-okr installed. */
let lintRepo: string;
/** gitops-okr and astro installed. */
let siteRepo: string;

beforeAll(() => {
  return (async () => {
    work = await tempDir('okr-package-');
    tarball = packPackage(work);
    lintRepo = path.join(work, 'lint-only');
    siteRepo = path.join(work, 'with-site');
    installPackage(lintRepo, tarball);
    installPackage(siteRepo, tarball, ['astro']);
    for (const repo of [lintRepo, siteRepo]) git(repo, ['init', '-q']);
  })();
}, 300_000);

afterAll(() => removeAll(work));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `node_modules/.bin/okr …` in `repo`, on this Node (24). */
function okr(repo: string, args: readonly string[], nodeOptions: readonly string[] = []): Run {
  const result = spawnSync(process.execPath, [...nodeOptions, path.join(repo, 'node_modules', '.bin', 'okr'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...testGitEnv(`${NOW}T12:00:00+00:00`), NO_COLOR: '1' },
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function git(repo: string, args: readonly string[]): string {
  const result = spawnSync('git', [...GIT_CONFIG, ...args], { cwd: repo, encoding: 'utf8', env: testGitEnv('2026-10-01T12:00:00+00:00') });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Every file below `dir` with its size and modification time. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const info = statSync(file);
      return `${path.relative(dir, file)} ${info.size} ${info.mtimeMs}`;
    })
    .sort();
}

/** Sets up okrs/ with `okr init` and commits it. */
function initAndCommit(repo: string): void {
  const init = okr(repo, ['init', '--now', NOW]);
  expect(init.status, init.stderr).toBe(0);
  expect(init.stdout).toContain(`wrote ${OBJECTIVE}`);
  git(repo, ['add', 'okrs']);
  git(repo, ['commit', '-q', '-m', 'Set up the OKRs']);
}

describe('the tarball', () => {
  // The budget grows only with code the package runs: 302 KB before the reading thread, the cache's own checks
  // and the page markup were added, 313 KB after; 437 KB once the site came compiled (lib/site-bundle, about
  // 130 KB of it Astro's runtime and the pages' chunks), so that a user's build never bundles the pages.
  it('holds the compiled package and none of the development tree, in at most 450 KB', () => {
    expect(statSync(tarball).size).toBeLessThanOrEqual(450 * 1024);
    const listed = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    const files = listed.stdout
      .split('\n')
      .filter(Boolean)
      .map((file) => file.replace(/^package\//, ''));
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'bin/okr.js',
        'lib/cli/main.js',
        'lib/cli/lint.js',
        'lib/index.js',
        'lib/index.d.ts',
        'lib/site/integration.js',
        'lib/pages/index.astro',
        'lib/styles/site.css',
        'schema/objective.schema.json',
        'public/favicon.svg',
      ]),
    );
    const unwanted = files.filter(
      (file) => /^(src|test|bench|okrs|docs|scripts|action|\.github|\.ci)\//.test(file) || /\.test\.|\.png$|\.tgz$/.test(file) || (file.endsWith('.ts') && !file.endsWith('.d.ts')),
    );
    expect(unwanted).toEqual([]);
    // Relative imports of the shipped .astro files point at compiled .js files that are there.
    for (const page of files.filter((file) => file.endsWith('.astro'))) {
      const text = spawnSync('tar', ['-xzOf', tarball, `package/${page}`], { encoding: 'utf8' }).stdout;
      for (const [, target] of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        expect(files, `${page} imports ${target}`).toContain(path.posix.join(path.posix.dirname(page), target!));
      }
    }
  });
});

describe('installed without Astro', () => {
  it('lints, scaffolds, checks in, shows status and history without loading Astro', () => {
    expect(existsSync(path.join(lintRepo, 'node_modules', 'astro'))).toBe(false);
    initAndCommit(lintRepo);
    const lint = okr(lintRepo, ['lint', '--now', NOW]);
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.stdout).toContain('0 errors');
    const created = okr(lintRepo, ['new', 'Grow a healthy team', '--period', '2026-Q4', '--now', NOW]);
    expect(created.status, created.stderr).toBe(0);
    const checkin = okr(lintRepo, ['checkin', KR, '4', '-m', 'Four so far', '--commit']);
    expect(checkin.status, checkin.stderr).toBe(0);
    expect(git(lintRepo, ['log', '-1', '--format=%s'])).toBe('Four so far\n');
    const status = okr(lintRepo, ['status', '--now', NOW]);
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toContain('first-result');
    const history = okr(lintRepo, ['history', '--now', NOW]);
    expect(history.status, history.stderr).toBe(0);
    expect(JSON.parse(history.stdout).checkins).toHaveLength(1);
  });

  it('says how to install Astro when asked to build the site', () => {
    const build = okr(lintRepo, ['build', '--now', NOW]);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('building the site needs Astro, which is not installed: run `npm i -D astro`');
    expect(existsSync(path.join(lintRepo, 'dist', 'index.html'))).toBe(false);
  });

  it('gives the programmatic API and the JSON Schemas without Astro', () => {
    const script = [
      "const { lintTree, readHistory } = await import('gitops-okr');",
      "const { default: schema } = await import('gitops-okr/schema/objective.schema.json', { with: { type: 'json' } });",
      "const results = await lintTree('.', { now: '2026-11-20' });",
      "const history = await readHistory('.', { now: '2026-11-20' });",
      'console.log(JSON.stringify({ files: results.map((r) => r.path), objectives: history.objectives.length, schema: Object.keys(schema.properties) }));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: lintRepo, encoding: 'utf8', env: testGitEnv() });
    expect(result.status, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as { files: string[]; objectives: number; schema: string[] };
    expect(printed.files).toContain(OBJECTIVE);
    expect(printed.schema).toEqual(expect.arrayContaining(['title', 'period', 'key_results']));
    expect(printed.objectives).toBeGreaterThanOrEqual(1);
  });

  it('refuses a Node older than its engines floor with a clear message', () => {
    const floor = (JSON.parse(readFileSync(path.join(lintRepo, 'node_modules', 'gitops-okr', 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(floor).toBe('>=22.12.0');
    const older = okr(lintRepo, ['lint'], ['--import', "data:text/javascript,Object.defineProperty(process.versions, 'node', { value: '22.11.0' })"]);
    expect(older.status).toBe(2);
    expect(older.stderr).toContain('okr needs Node 22.12 or later (Node 24 recommended); this is Node 22.11.0.');
  });
});

/**
 * Every module Node loads for `okr …` in `repo`, recorded by a module hook given with --import:
 * URLs as loaded, in order.
 */
function loadedModules(repo: string, args: readonly string[]): { run: Run; urls: string[] } {
  const record = path.join(work, 'loaded.txt');
  rmSync(record, { force: true });
  const hook = [
    "import { registerHooks } from 'node:module';",
    "import { appendFileSync } from 'node:fs';",
    `registerHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(record)}, url + '\\n'); return next(url, context); } });`,
  ].join('\n');
  const run = okr(repo, args, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`]);
  const urls = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  rmSync(record);
  return { run, urls };
}

/** The packages below node_modules that `urls` come from, gitops-okr's own files apart. */
function packagesOf(urls: readonly string[]): string[] {
  const names = urls.flatMap((url) => {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    return match && match[1] !== 'gitops-okr' ? [match[1]!] : [];
  });
  return [...new Set(names)].sort();
}

describe('the installed command line', () => {
  it('runs the bundle in lib/: the command and its chunks, with no dependency loaded from node_modules', () => {
    const { run, urls } = loadedModules(lintRepo, ['lint', '--now', NOW]);
    expect(run.status, run.stderr).toBe(0);
    const own = urls.filter((url) => url.includes('/node_modules/gitops-okr/')).map((url) => url.slice(url.indexOf('/node_modules/gitops-okr/') + '/node_modules/gitops-okr/'.length));
    expect(own.slice(0, 2)).toEqual(['bin/okr.js', 'lib/cli/main.js']);
    expect(own).toContain('lib/cli/lint.js');
    // Every other file is a shared chunk: no module of the sources, compiled one by one, is loaded on its own.
    expect(own.filter((file) => !/^lib\/chunks\/chunk-\w+\.js$/.test(file))).toEqual(['bin/okr.js', 'lib/cli/main.js', 'lib/cli/lint.js']);
    // zod, yaml, commander and gray-matter are inside the chunks; js-yaml and esprima, gray-matter's own engine, are not there at all.
    expect(packagesOf(urls)).toEqual([]);
  });

  it('lints without loading the site, Astro, the history, the sources or the importers', () => {
    const { run, urls } = loadedModules(lintRepo, ['lint', '--now', NOW]);
    expect(run.status, run.stderr).toBe(0);
    const installed = path.join(lintRepo, 'node_modules', 'gitops-okr');
    const texts = urls.filter((url) => url.startsWith('file:') && url.includes('/node_modules/gitops-okr/lib/')).map((url) => readFileSync(new URL(url), 'utf8'));
    // The bundle keeps function names: each of these lives in the chunk of the module that defines it.
    for (const name of ['buildSite', 'siteIntegration', 'readHistory', 'readSourceValue', 'parseViva', 'parseGeneric']) {
      expect(
        readdirSync(path.join(installed, 'lib', 'chunks')).some((chunk) => readFileSync(path.join(installed, 'lib', 'chunks', chunk), 'utf8').includes(`"${name}"`)),
        name,
      ).toBe(true);
      expect(texts.filter((text) => text.includes(`"${name}"`)).length, `okr lint loaded the module of ${name}`).toBe(0);
    }
    // `okr history` does load its own: the check above can see it.
    const history = loadedModules(lintRepo, ['history', '--now', NOW]);
    expect(history.run.status, history.run.stderr).toBe(0);
    expect(history.urls.filter((url) => url.includes('/node_modules/gitops-okr/lib/')).some((url) => readFileSync(new URL(url), 'utf8').includes('"readHistory"'))).toBe(true);
  });

  it('starts `okr --version` with the command line alone: no parser, no schema, no dependency', () => {
    const { run, urls } = loadedModules(lintRepo, ['--version']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packagesOf(urls)).toEqual([]);
    const texts = urls.filter((url) => url.includes('/node_modules/gitops-okr/lib/')).map((url) => readFileSync(new URL(url), 'utf8'));
    for (const name of ['splitFrontmatter', 'lintWorkspace', 'buildWorkspace'])
      expect(
        texts.some((text) => text.includes(`"${name}"`)),
        name,
      ).toBe(false);
  });
});

describe('installed with Astro', () => {
  it('builds the site from node_modules/.bin and writes nothing inside node_modules/gitops-okr', () => {
    initAndCommit(siteRepo);
    expect(okr(siteRepo, ['lint', '--now', NOW]).status).toBe(0);
    const checkin = okr(siteRepo, ['checkin', KR, '6', '-m', 'Six talks rated', '--commit']);
    expect(checkin.status, checkin.stderr).toBe(0);
    const status = okr(siteRepo, ['status', '--now', NOW]);
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/first-result.*6 \/ 10/);

    const installed = path.join(siteRepo, 'node_modules', 'gitops-okr');
    const before = listing(installed);
    const build = okr(siteRepo, ['build', '--now', NOW, '--site', 'https://jane.github.io', '--base', '/okrs/']);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^Built \d+ pages for 2026-11-20 into dist\n$/);
    expect(listing(installed)).toEqual(before);

    const dashboard = readFileSync(path.join(siteRepo, 'dist', 'index.html'), 'utf8');
    expect(dashboard).toContain('Deliver engaging presentations');
    expect(dashboard).toContain('href="/okrs/objectives/deliver-engaging-presentations/"');
    const page = readFileSync(path.join(siteRepo, 'dist', 'objectives', 'deliver-engaging-presentations', 'index.html'), 'utf8');
    expect(page).toContain('Six talks rated');
    expect(existsSync(path.join(siteRepo, 'dist', 'sitemap-index.xml'))).toBe(true);
    // Astro's own folders went to the repository's cache, and nothing else was left behind.
    const caches = readdirSync(path.join(siteRepo, 'node_modules', '.cache', 'gitops-okr'));
    expect(caches.every((name) => name.startsWith('site-'))).toBe(true);
    // The pages were rendered from the site the package ships compiled (lib/site-bundle): Astro's build, which
    // writes its folder for integrations (.astro/), never ran.
    expect(caches.some((name) => existsSync(path.join(siteRepo, 'node_modules', '.cache', 'gitops-okr', name, '.astro')))).toBe(false);
    expect(git(siteRepo, ['status', '--porcelain', '--untracked-files=all', '--', '.', ':!node_modules', ':!dist', ':!package.json', ':!package-lock.json', ':!*.tgz'])).toBe('');
  });

  it('builds another repository that has no node_modules of its own, as the site action does', () => {
    const other = path.join(work, 'team-okrs');
    mkdirSync(other);
    git(other, ['init', '-q']);
    cpSync(path.join(siteRepo, 'okrs'), path.join(other, 'okrs'), { recursive: true });
    git(other, ['add', 'okrs']);
    git(other, ['commit', '-q', '-m', 'The team OKRs']);
    const build = okr(siteRepo, ['build', '--repo', other, '--out', path.join(other, 'site'), '--now', NOW, '--site', 'https://team.example']);
    expect(build.status, build.stderr).toBe(0);
    expect(readFileSync(path.join(other, 'site', 'index.html'), 'utf8')).toContain('Deliver engaging presentations');
    expect(readdirSync(other).sort()).toEqual(['.git', 'okrs', 'site']);
  });
});
