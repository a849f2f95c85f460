/**
 * Organisation benchmark: a synthetic company (40 teams of 10 people at 1×: 1,325
 * objectives aligned up the tree, 60,000 check-ins) written with `git fast-import`, then
 * built into the site from its git history. Prints the largest HTML page (goal ≤ 200 KB),
 * `okrs.json` (goal ≤ 5 MB), the build's time against `git log -p --first-parent -- okrs`
 * on the same repository in the same run (goal ≤ 2×) and the build's peak memory (goal ≤ 1 GB).
 * Then one more check-in, and the build again with its caches kept, as CI runs it day to day: against
 * git log on the repository with that commit.
 *
 *   npm run bench -- org [--scale 1] [--from lib|src]
 *
 * The builds run the package as it is installed (lib/, built first, with the site compiled in
 * lib/site-bundle); `--from src` runs the TypeScript sources, whose first build compiles the site.
 *
 * `--scale 0.1` is a tenth of the people and check-ins; `--scale 10` the 4,000-person company.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { checkInOrgRepo, ORG_NOW, writeOrgRepo } from '../test/fixtures/org-repo.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WORK = path.join(HERE, '.work', 'org');
const MB = 1024 * 1024;

const { values } = parseArgs({ allowPositionals: true, strict: false, options: { scale: { type: 'string', default: '1' }, from: { type: 'string', default: 'lib' }, child: { type: 'string' } } });

if (values.child) await child(String(values.child));
else await run(Number(values.scale));

async function run(scale: number): Promise<void> {
  if (values.from === 'lib') spawnSync(process.execPath, [path.join(HERE, '../scripts/build-package.ts')], { stdio: ['ignore', 'ignore', 'inherit'] });
  await rm(WORK, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
  const repo = path.join(WORK, 'repo');
  const shape = { teams: Math.max(1, Math.round(40 * Math.min(scale, 1))), peoplePerTeam: Math.max(1, Math.round(10 * Math.max(scale, 1))), checkins: Math.round(60_000 * scale) };
  let started = performance.now();
  const made = writeOrgRepo(repo, shape);
  const generated = performance.now() - started;
  process.stdout.write(
    `Synthetic organisation (${scale}×): ${shape.teams} teams of ${shape.peoplePerTeam}, ${made.objectives} objectives, ${made.checkins} check-ins, written in ${seconds(generated)}\n`,
  );

  started = performance.now();
  const logBytes = await gitLogBytes(repo);
  const gitLog = performance.now() - started;

  const out = path.join(WORK, 'dist');
  const cold = await timedBuild(repo, out);
  const { took: build, measured } = cold;
  const peak = measured.maxRss * 1024;

  const files = await listFiles(out);
  const pages = await Promise.all(files.filter((file) => file.endsWith('.html')).map(async (file) => ({ file, size: (await stat(path.join(out, file))).size })));
  pages.sort((a, b) => b.size - a.size);
  const over = pages.filter((page) => page.size > 200 * 1024).length;
  const json = (await stat(path.join(out, 'okrs.json'))).size;
  const ratio = build / gitLog;
  const rows: [string, string, string][] = [
    ['git log -p --first-parent', seconds(gitLog), `${(logBytes / MB).toFixed(1)} MB of output`],
    ['site build', seconds(build), `${pages.length} HTML pages`],
    ['  reading the inputs', seconds(measured.read), `git history, files, bodies: on a thread of their own while the pages load`],
    ['  rendering the pages', seconds(measured.render), `${((measured.render / build) * 100).toFixed(0)} %, ${renderer(measured)}`],
    ['ratio build / git log', `${ratio.toFixed(2)}×`, `goal ≤ 2× ${ratio <= 2 ? 'met' : 'NOT met'}`],
    ['peak memory of the build', `${(peak / MB).toFixed(0)} MB`, `goal ≤ 1024 MB ${peak <= 1024 * MB ? 'met' : 'NOT met'}`],
    ['largest HTML page', kb(pages[0]?.size ?? 0), `${pages[0]?.file}; goal ≤ 200 KB ${over === 0 ? 'met' : `NOT met (${over} pages over)`}`],
    ['okrs.json', kb(json), `goal ≤ 5 MB ${json <= 5 * MB ? 'met' : 'NOT met'}`],
  ];
  for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(28)} ${value.padStart(10)}  ${note}\n`);
  for (const page of pages.slice(0, 5)) process.stdout.write(`  ${kb(page.size).padStart(10)}  ${page.file}\n`);

  // What CI runs day to day: one check-in later, the caches restored (the site action carries the
  // history cache and the site's build cache with actions/cache), the output folder a new one.
  checkInOrgRepo(repo);
  started = performance.now();
  await gitLogBytes(repo);
  const gitLogAfter = performance.now() - started;
  const warm = await timedBuild(repo, path.join(WORK, 'dist-after'));
  const warmRatio = warm.took / gitLogAfter;
  const warmRows: [string, string, string][] = [
    ['one check-in later: git log', seconds(gitLogAfter), 'the same repository and one more commit'],
    [
      '  site build, caches kept',
      seconds(warm.took),
      `peak ${(warm.measured.maxRss / 1024).toFixed(0)} MB; reading ${seconds(warm.measured.read)}, rendering ${seconds(warm.measured.render)}, ${renderer(warm.measured)}`,
    ],
    ['  ratio build / git log', `${warmRatio.toFixed(2)}×`, `goal ≤ 2× ${warmRatio <= 2 ? 'met' : 'NOT met'}`],
  ];
  for (const [name, value, note] of warmRows) process.stdout.write(`${name.padEnd(28)} ${value.padStart(10)}  ${note}\n`);
}

interface Measured {
  maxRss: number;
  read: number;
  render: number;
  waiting: number;
  renderer: 'bundle' | 'astro';
}

/** Which rendered the pages: the compiled site, or Astro's whole build (which waits for the inputs after bundling). */
function renderer(measured: Measured): string {
  return measured.renderer === 'bundle' ? 'from the compiled site' : `by Astro's build, ${seconds(measured.waiting)} of it waiting for the inputs`;
}

/** One build in a Node of its own, so that neither build profits from the other's warm state; the cache folder is the same for each. */
async function timedBuild(repo: string, out: string): Promise<{ took: number; measured: Measured }> {
  const started = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url), '--from', values.from as string, '--child', JSON.stringify({ repo, out })], {
    maxBuffer: 64 * MB,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { took: performance.now() - started, measured: JSON.parse(stdout.trim().split('\n').at(-1)!) as Measured };
}

/** `git log -p --first-parent -- okrs`, its output counted and dropped. */
function gitLogBytes(repo: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const git = spawn('git', ['log', '-p', '--first-parent', '--', 'okrs'], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    let bytes = 0;
    git.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    git.on('error', reject);
    git.on('close', (code) => (code === 0 ? resolve(bytes) : reject(new Error(`git log exited with ${code}`))));
  });
}

async function child(argument: string): Promise<void> {
  const { repo, out } = JSON.parse(argument) as { repo: string; out: string };
  // As `okr build` does: the inputs (the git history, the files, their bodies) are read on a
  // thread of their own while Astro starts; the build marks each step (src/site/read-inputs.ts).
  const { buildSite } = (await import(values.from === 'src' ? '../src/site/build-site.ts' : '../lib/site/build-site.js')) as typeof import('../src/site/build-site.ts');
  const { renderer } = await buildSite({ repo, out, now: ORG_NOW, site: 'https://bench.example', base: '/', cacheDir: path.join(WORK, 'cache'), logLevel: 'error' });
  const took = (name: string) => performance.getEntriesByName(name).reduce((sum, entry) => sum + entry.duration, 0);
  process.stdout.write(
    `\n${JSON.stringify({ maxRss: process.resourceUsage().maxRSS, read: took('gitops-okr:inputs'), render: took('gitops-okr:astro'), waiting: took('gitops-okr:waiting'), renderer })}\n`,
  );
}

async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
