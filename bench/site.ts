/**
 * Site build benchmark: a synthetic repository of 200 objectives and 5,000
 * check-ins, built into the progress site, against a bare Astro site with the
 * same number of trivial pages. Prints both times and their ratio (goal ≤ 1.5×),
 * the largest HTML page (goal ≤ 60 KB) and the client JavaScript (goal 0 bytes).
 * Then one more check-in, and the site built again with every cache of the first
 * build kept: the rebuild against the cold build (goal ≤ 0.35×).
 *
 * The repository is a real one, written with `git fast-import`: the cold build reads its
 * whole history (no history cache yet), the rebuild reads the one new commit through the
 * history cache the cold build left, as `okr build` does for its users. Each build's time
 * is split into reading the history, the rest of reading the inputs (both on a thread of their
 * own while Astro starts), Astro's build (and how long of it the bundled pages waited for the
 * inputs) or the rendering from the compiled site (src/site/site-bundle.ts) that replaces it, and
 * the rest: loading the code, the output folders.
 * The builds run the package as it is installed (lib/, built first); `--from src` runs the
 * TypeScript sources instead.
 *
 *   npx node bench/site.ts [--objectives 200] [--checkins 5000] [--runs 1] [--from lib|src]
 *
 * Each build runs in its own Node process so neither profits from the other's warm caches.
 * With `--runs N` the builds take turns N times (site, bare) and the medians are
 * printed, which steadies the ratio on a busy machine.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import type { CheckinSpec, ObjectiveSpec } from '../test/fixtures/history-builder.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// Its own folder: the other benchmarks keep their work under bench/.work too.
const WORK = path.join(HERE, '.work', 'site');
const NOW = '2026-11-20';

const VERBS = ['Improve', 'Grow', 'Cut', 'Ship', 'Raise', 'Simplify', 'Speed up', 'Delight customers with', 'Make reliable', 'Halve the cost of'];
const THINGS = ['onboarding', 'the checkout flow', 'search quality', 'release cadence', 'support response times', 'data quality', 'the mobile app', 'billing', 'the public API'];
const QUALIFIERS = ['', '', ' for new customers', ' across every region we sell in, without adding headcount', ' (phase 2)', ' before the annual conference & partner summit'];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    objectives: { type: 'string', default: '200' },
    checkins: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '1' },
    from: { type: 'string', default: 'lib' },
    child: { type: 'string' },
  },
});

if (values.child) await child(values.child);
else await run(Number(values.objectives), Number(values.checkins), Math.max(1, Number(values.runs)));

async function run(objectiveCount: number, checkinCount: number, runs: number): Promise<void> {
  if (values.from === 'lib') spawnSync(process.execPath, [path.join(HERE, '../scripts/build-package.ts')], { stdio: ['ignore', 'ignore', 'inherit'] });
  await rm(WORK, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
  const repo = path.join(WORK, 'repo');
  const { commits, extra } = synthetic(objectiveCount, checkinCount);
  await writeRepo(repo, commits);
  const before = git(repo, ['rev-parse', 'HEAD']).trim();
  process.stdout.write(`Synthetic repository: ${objectiveCount} objectives, ${checkinCount} check-ins, ${commits.length} commits\n`);

  // Imported here, not at the top: a child build loads only what it runs.
  const { defaultCacheDir, replacedDir } = await import('../src/site/build-site.ts');
  const siteOut = path.join(WORK, 'site-dist');
  const bare = path.join(WORK, 'bare');
  const siteRuns: Measured[] = [];
  const bareTimes: number[] = [];
  const rebuildRuns: Measured[] = [];
  let pages: string[] = [];
  for (let n = 0; n < runs; n++) {
    // Every run starts as the first one does: no output folders (Astro would first delete the
    // last run's 40 MB) and none of a replaced site left to delete (src/site/replaced.ts), empty caches,
    // and the repository before the check-in. Node's compiled code is kept, as `okr` keeps it for
    // every command (bin/okr.js): the cold build is one of a machine that has run the tool before.
    for (const folder of ['site-cache', 'site-dist', 'bare/dist']) await rm(path.join(WORK, folder), { recursive: true, force: true });
    for (const folder of [defaultCacheDir(repo), replacedDir()]) await rm(folder, { recursive: true, force: true });
    await rm(path.join(repo, '.git', 'gitops-okr'), { recursive: true, force: true });
    git(repo, ['reset', '-q', '--hard', before]);
    siteRuns.push(await timed(['site', repo, siteOut]));
    await commit(repo, extra);
    rebuildRuns.push(await timed(['site', repo, siteOut]));
    if (n === 0) {
      pages = (await listFiles(siteOut)).filter((file) => file.endsWith('.html'));
      await writeBareSite(bare, pages.length);
    }
    bareTimes.push((await timed(['bare', bare])).wall);
  }
  const site = medianOf(siteRuns);
  const rebuildRun = medianOf(rebuildRuns);
  const [bareTime, rebuild] = [median(bareTimes), rebuildRun.wall];
  const barePages = (await listFiles(path.join(bare, 'dist'))).filter((file) => file.endsWith('.html')).length;

  const sizes = await Promise.all(pages.map(async (file) => ({ file, size: (await stat(path.join(siteOut, file))).size })));
  const largest = sizes.sort((a, b) => b.size - a.size)[0]!;
  const clientJs = await clientJavaScript(siteOut);

  const ratio = site.wall / bareTime;
  if (runs > 1) process.stdout.write(`Medians of ${runs} runs\n`);
  const rows: [string, string, string][] = [
    ['progress site build', seconds(site.wall), `${pages.length} pages; ${split(site)}`],
    ['bare Astro site build', seconds(bareTime), `${barePages} pages`],
    ['ratio site / bare', `${ratio.toFixed(2)}×`, `goal ≤ 1.5× ${ratio <= 1.5 ? 'met' : 'NOT met'}`],
    ['rebuild after one check-in', seconds(rebuild), `every cache of the cold build kept; ${split(rebuildRun)}`],
    ['ratio rebuild / cold', `${(rebuild / site.wall).toFixed(2)}×`, `goal ≤ 0.35× ${rebuild / site.wall <= 0.35 ? 'met' : 'NOT met'}`],
    ['peak memory', `${Math.max(...siteRuns.map((each) => each.maxRssMb))} MB`, `cold build; rebuild ${Math.max(...rebuildRuns.map((each) => each.maxRssMb))} MB`],
    ['largest HTML page', kb(largest.size), `${largest.file}; goal ≤ 60 KB ${largest.size <= 60 * 1024 ? 'met' : 'NOT met'}`],
    ['client JavaScript', `${clientJs} B`, `goal 0 B ${clientJs === 0 ? 'met' : 'NOT met'}`],
  ];
  for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(30)} ${value.padStart(9)}  ${note}\n`);
  if (runs > 1) {
    const each = (list: Measured[]) => list.map((run) => seconds(run.wall)).join(', ');
    process.stdout.write(`each run: site ${each(siteRuns)}; bare ${bareTimes.map(seconds).join(', ')}; rebuild ${each(rebuildRuns)}\n`);
  }
}

interface Measured {
  wall: number;
  /** Reading the git history, the rest of reading the inputs, Astro's build, the pages waiting for the inputs (ms); 0 for the bare site. */
  history: number;
  inputs: number;
  astro: number;
  waiting: number;
  maxRssMb: number;
  /** Whether the site was rendered from its compiled pages (src/site/site-bundle.ts) or by Astro's whole build. */
  renderer?: 'bundle' | 'astro';
}

function split({ wall, history, inputs, astro, waiting, renderer }: Measured): string {
  const rendering = renderer === 'bundle' ? `rendering from the compiled site ${seconds(astro)}` : `Astro ${seconds(astro)} (${seconds(waiting)} of it waiting for the inputs)`;
  return `beside it: history ${seconds(history)}, other inputs ${seconds(inputs)}; ${rendering}, loading and the rest ${seconds(wall - astro)}`;
}

/** The run of median wall time, so its split adds up. */
function medianOf(list: Measured[]): Measured {
  return [...list].sort((a, b) => a.wall - b.wall)[Math.floor((list.length - 1) / 2)]!;
}

/** Runs one build in a fresh Node process: its wall time, and the split the child measured. */
async function timed(args: string[]): Promise<Measured> {
  const started = performance.now();
  const [kind, ...rest] = args;
  const { stdout } = await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url), '--from', values.from!, '--child', kind!, ...rest], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const wall = performance.now() - started;
  const measured = JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<Measured, 'wall'>;
  return { wall, ...measured };
}

async function child(kind: string): Promise<void> {
  const args = positionals;
  let renderer: 'bundle' | 'astro' | undefined;
  if (kind === 'site') {
    const [repo, out] = args as [string, string];
    const { buildSite } = (await import(values.from === 'src' ? '../src/site/build-site.ts' : '../lib/site/build-site.js')) as typeof import('../src/site/build-site.ts');
    renderer = (await buildSite({ repo, out, now: NOW, site: 'https://bench.example', base: '/', cacheDir: path.join(WORK, 'site-cache'), logLevel: 'error' })).renderer;
  } else {
    const [root] = args as [string];
    const { build } = await import('astro');
    await build({ root, logLevel: 'error' });
  }
  // The build marks its steps with performance.measure (src/site/inputs.ts, read-inputs.ts, integration.ts, build-site.ts).
  const took = (name: string) => performance.getEntriesByName(name).reduce((sum, entry) => sum + entry.duration, 0);
  const history = took('gitops-okr:history');
  const measured = {
    history,
    inputs: took('gitops-okr:inputs') - history,
    astro: took('gitops-okr:astro'),
    waiting: took('gitops-okr:waiting'),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(renderer ? { renderer } : {}),
  };
  process.stdout.write(`\n${JSON.stringify(measured)}\n`);
}

/**
 * A bare Astro project with `count` trivial pages, built with the same `build` options as
 * the progress site (output format, pages built at a time), so the ratio measures what the
 * site's pages cost and not a setting either build could use.
 */
async function writeBareSite(root: string, count: number): Promise<void> {
  const { SITE_BUILD_OPTIONS } = await import('../src/site/build-site.ts');
  const config = { output: 'static', devToolbar: { enabled: false }, build: SITE_BUILD_OPTIONS.build };
  await mkdir(path.join(root, 'src/pages/p'), { recursive: true });
  await writeFile(path.join(root, 'astro.config.mjs'), `export default ${JSON.stringify(config)};\n`);
  await writeFile(
    path.join(root, 'src/pages/p/[n].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${count} }, (_, n) => ({ params: { n: String(n) } }));\n}\nconst { n } = Astro.params;\n---\n<html lang="en"><head><title>Page {n}</title></head><body><h1>Page {n}</h1></body></html>\n`,
  );
}

/** A small deterministic generator, so every run builds the same repository. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Commit {
  /** Seconds since 1970. */
  time: number;
  author: string;
  message: string;
  files: [path: string, text: string][];
}

/**
 * Objectives over eight quarters with varied titles, one to five key results of every kind
 * (increase, decrease, milestone) and bodies from none to several paragraphs, each added on
 * its period's first day; check-ins spread evenly, a commit each that edits the objective's
 * file, in the order of their days. `extra` is the one more check-in of the incremental case:
 * on the last objective, the day before `NOW`, after every other commit.
 */
function synthetic(objectiveCount: number, checkinCount: number): { commits: Commit[]; extra: Commit } {
  const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((label) => {
    const year = Number(label.slice(0, 4));
    const quarter = Number(label.slice(6));
    const start = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
    const endMonth = quarter * 3;
    const end = new Date(Date.UTC(year, endMonth, 0)).toISOString().slice(0, 10);
    return { label, start, end };
  });
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const objectives: (ObjectiveSpec & { path: string })[] = [];
  const bodies = new Map<string, string>();
  const current = new Map<string, { value: number; confidence?: number }>();
  for (let i = 0; i < objectiveCount; i++) {
    // The last objective is in the build day's quarter, so its extra check-in is on the dashboard.
    const period = i === objectiveCount - 1 ? quarters.at(-1)! : quarters[i % quarters.length]!;
    const id = `objective-${String(i).padStart(3, '0')}`;
    const title = `${pick(VERBS)} ${pick(THINGS)}${pick(QUALIFIERS)}`;
    const keyResults: ObjectiveSpec['keyResults'] = Array.from({ length: 1 + Math.floor(next() * 5) }, (_, n) => {
      const kind = n === 0 ? 'increase' : pick(['increase', 'decrease', 'milestone'] as const);
      if (kind === 'milestone') return { id: `kr-${n + 1}`, title: `Launch ${pick(THINGS)}`, kind };
      const baseline = kind === 'increase' ? Math.round(next() * 50) : 300 + Math.round(next() * 900);
      const target = kind === 'increase' ? baseline + 10 + Math.round(next() * 200) : Math.round(baseline / (2 + next() * 3));
      const unit = pick(['points', 'ms', '%', 'customers', '€']);
      return {
        id: `kr-${n + 1}`,
        title: `${kind === 'increase' ? 'Raise' : 'Cut'} ${pick(THINGS)} from ${baseline} to ${target} ${unit}`,
        kind,
        baseline,
        target,
        unit,
        confidence: 0.3 + Math.round(next() * 6) / 10,
      };
    });
    const path = `okrs/${period.label.toLowerCase()}/${id}.md`;
    objectives.push({ id, path, title, period, owner: `owner-${i % 5}`, type: i % 7 === 0 ? 'committed' : 'aspirational', created: period.start, keyResults });
    const paragraphs = Array.from({ length: Math.floor(next() * 5) }, (_, n) =>
      n % 3 === 2
        ? `- [x] ${pick(VERBS)} ${pick(THINGS)}\n- [ ] ${pick(VERBS)} ${pick(THINGS)}`
        : `Why ${pick(THINGS)} matters${pick(QUALIFIERS)}: **${pick(VERBS).toLowerCase()}** it, see [[objective-${String((i + 1) % objectiveCount).padStart(3, '0')}]].`,
    );
    bodies.set(id, paragraphs.join('\n\n'));
  }
  // The file as a check-in leaves it: `current` (or `done`), and a confidence where one was given.
  const fileText = ({ id, title, period, owner, type, keyResults }: ObjectiveSpec): string => {
    const krs = keyResults
      .map((kr) => {
        const now = current.get(`${id}/${kr.id}`);
        const state =
          kr.kind === 'milestone'
            ? `    done: ${now?.value === 1}\n`
            : `    baseline: ${kr.baseline}\n    target: ${kr.target}\n    unit: ${JSON.stringify(kr.unit)}\n${now === undefined ? '' : `    current: ${now.value}\n`}`;
        const confidence = now?.confidence ?? kr.confidence;
        return `  - id: ${kr.id}\n    title: ${JSON.stringify(kr.title)}\n${state}${confidence === undefined ? '' : `    confidence: ${confidence}\n`}`;
      })
      .join('');
    return `---\nid: ${id}\ntitle: ${JSON.stringify(title)}\nperiod: ${period.label}\nowner: ${owner}\ntype: ${type}\nkey_results:\n${krs}---\n${bodies.get(id)}\n`;
  };
  const dayTime = (day: string, second: number) => Date.parse(`${day}T09:00:00Z`) / 1000 + second;
  const events: (Commit & { order: number })[] = [];
  const mission = ['okrs/mission.md', '---\nmission: Benchmark mission\n---\n'] as [string, string];
  for (const [index, objective] of objectives.entries()) {
    events.push({ time: dayTime(objective.created!, index), order: events.length, author: 'Author 0', message: `Add ${objective.title}`, files: [[objective.path, fileText(objective)]] });
  }
  const lastDay = new Date(Date.parse(`${NOW}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
  const perObjective = Math.ceil(checkinCount / objectiveCount);
  const checkin = (n: number, objective: ObjectiveSpec & { path: string }, step: number, date: string): Commit => {
    const share = Math.min(1, (step + 1) / perObjective);
    const kr = objective.keyResults[step % objective.keyResults.length]!;
    const value = kr.kind === 'milestone' ? (share >= 1 ? 1 : 0) : Math.round(kr.baseline! + (kr.target! - kr.baseline!) * share * (0.6 + next() * 0.5));
    current.set(`${objective.id}/${kr.id}`, { value, ...(kr.kind !== 'milestone' && next() < 0.2 ? { confidence: 0.3 + Math.round(next() * 6) / 10 } : {}) });
    return {
      time: dayTime(date, 3600 + n),
      author: `Author ${n % 9}`,
      message: `${pick(VERBS)} ${pick(THINGS)}: ${kr.id} now ${value}${next() < 0.3 ? `\n\nNumbers from the weekly report${pick(QUALIFIERS)}.` : ''}`,
      files: [[objective.path, fileText(objective)]],
    };
  };
  // Check-ins are generated in the order of their days, so each file's text follows the one before.
  const planned = Array.from({ length: checkinCount }, (_, n) => {
    const objective = objectives[n % objectiveCount]!;
    const step = Math.floor(n / objectiveCount);
    const date = new Date(Date.parse(`${objective.period.start}T00:00:00Z`) + Math.min(89, Math.floor((step * 88) / perObjective)) * 86_400_000).toISOString().slice(0, 10);
    return { n, objective, step, date: date < lastDay ? date : lastDay };
  }).sort((a, b) => a.date.localeCompare(b.date) || a.n - b.n);
  for (const { n, objective, step, date } of planned) events.push({ ...checkin(n, objective, step, date), order: events.length });
  events.sort((a, b) => a.time - b.time || a.order - b.order);
  const commits = events.map(({ order: _, ...commit }) => commit);
  commits[0]!.files.unshift(mission);
  const lastObjective = objectives.at(-1)!;
  const extra = checkin(checkinCount, lastObjective, perObjective, new Date(Date.parse(`${NOW}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
  return { commits, extra };
}

/** The repository of `commits` on `main`, written with `git fast-import`, its files checked out. */
async function writeRepo(dir: string, commits: readonly Commit[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  git(dir, ['init', '-q']);
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'ignore', 'inherit'] });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  for (const each of commits) {
    if (!child.stdin.write(`${commitChunk(each)}\n`)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end('done\n');
  if ((await closed) !== 0) throw new Error('git fast-import failed');
  git(dir, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  git(dir, ['reset', '-q', '--hard', 'main']);
}

/** One more commit on `main`, as a check-in makes it. */
async function commit(dir: string, each: Commit): Promise<void> {
  for (const [file, text] of each.files) await writeFile(path.join(dir, file), text);
  const date = `${each.time} +0000`;
  git(dir, ['-c', `user.name=${each.author}`, '-c', 'user.email=okr@example.com', 'commit', '-q', '-a', '-m', each.message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
}

function commitChunk({ time, author, message, files }: Commit): string {
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let chunk = `commit refs/heads/main\nauthor ${author} <okr@example.com> ${time} +0000\ncommitter ${author} <okr@example.com> ${time} +0000\n${data(message)}`;
  for (const [file, text] of files) chunk += `M 100644 inline ${file}\n${data(text)}`;
  return chunk;
}

function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed`);
  return result.stdout;
}

async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Bytes of JavaScript a visitor's browser would load: script files plus inline scripts. */
async function clientJavaScript(dir: string): Promise<number> {
  let bytes = 0;
  for (const file of await listFiles(dir)) {
    if (/\.m?js$/.test(file)) bytes += (await stat(path.join(dir, file))).size;
    if (file.endsWith('.html')) {
      for (const match of (await readFile(path.join(dir, file), 'utf8')).matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) bytes += Buffer.byteLength(match[0]);
    }
  }
  return bytes;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
