/**
 * Site build benchmark: a synthetic repository of 200 objectives and 5,000
 * check-ins, built into the progress site, against a bare Astro site with the
 * same number of trivial pages. Prints both times and their ratio (goal ≤ 1.5×),
 * the largest HTML page (goal ≤ 60 KB) and the client JavaScript (goal 0 bytes).
 * Then one more check-in, and the site built again with every cache of the first
 * build kept: the rebuild against the cold build (goal ≤ 0.35×).
 *
 *   npx node bench/site.ts [--objectives 200] [--checkins 5000] [--runs 1]
 *
 * Each build runs in its own Node process so neither profits from the other's warm caches.
 * With `--runs N` the builds take turns N times (site, bare) and the medians are
 * printed, which steadies the ratio on a busy machine.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { defaultCacheDir } from '../src/site/build-site.ts';
import { historyFrom, type CheckinSpec, type ObjectiveSpec } from '../test/fixtures/history-builder.ts';

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
    child: { type: 'string' },
  },
});

if (values.child) await child(values.child);
else await run(Number(values.objectives), Number(values.checkins), Math.max(1, Number(values.runs)));

async function run(objectiveCount: number, checkinCount: number, runs: number): Promise<void> {
  await rm(WORK, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
  const repo = path.join(WORK, 'repo');
  const historyFile = path.join(WORK, 'history.json');
  const { objectives, files } = synthetic(objectiveCount, checkinCount);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
    await writeFile(path.join(repo, file), text);
  }
  await writeFile(historyFile, JSON.stringify(objectives));
  process.stdout.write(`Synthetic repository: ${objectiveCount} objectives, ${checkinCount} check-ins (history ${kb((await stat(historyFile)).size)})\n`);

  const siteOut = path.join(WORK, 'site-dist');
  const bare = path.join(WORK, 'bare');
  const siteTimes: number[] = [];
  const bareTimes: number[] = [];
  const rebuildTimes: number[] = [];
  const after = synthetic(objectiveCount, checkinCount, 1);
  const afterHistory = path.join(WORK, 'history-after.json');
  await writeFile(afterHistory, JSON.stringify(after.objectives));
  let pages: string[] = [];
  for (let n = 0; n < runs; n++) {
    // Every run starts as the first one does: no output folders (Astro would first delete the
    // last run's 40 MB) and empty caches.
    for (const folder of ['site-cache', 'site-dist', 'bare/dist']) await rm(path.join(WORK, folder), { recursive: true, force: true });
    await rm(defaultCacheDir(repo), { recursive: true, force: true });
    // The repository before the check-in, for the cold build.
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(repo, file), text);
    siteTimes.push(await timed(['site', repo, historyFile, siteOut]));
    for (const [file, text] of Object.entries(after.files)) if (files[file] !== text) await writeFile(path.join(repo, file), text);
    rebuildTimes.push(await timed(['site', repo, afterHistory, siteOut]));
    if (n === 0) {
      pages = (await listFiles(siteOut)).filter((file) => file.endsWith('.html'));
      await writeBareSite(bare, pages.length);
    }
    bareTimes.push(await timed(['bare', bare]));
  }
  const [site, bareTime, rebuild] = [median(siteTimes), median(bareTimes), median(rebuildTimes)];
  const barePages = (await listFiles(path.join(bare, 'dist'))).filter((file) => file.endsWith('.html')).length;

  const sizes = await Promise.all(pages.map(async (file) => ({ file, size: (await stat(path.join(siteOut, file))).size })));
  const largest = sizes.sort((a, b) => b.size - a.size)[0]!;
  const clientJs = await clientJavaScript(siteOut);

  const ratio = site / bareTime;
  if (runs > 1) process.stdout.write(`Medians of ${runs} runs\n`);
  const rows: [string, string, string][] = [
    ['progress site build', seconds(site), `${pages.length} pages`],
    ['bare Astro site build', seconds(bareTime), `${barePages} pages`],
    ['ratio site / bare', `${ratio.toFixed(2)}×`, `goal ≤ 1.5× ${ratio <= 1.5 ? 'met' : 'NOT met'}`],
    ['rebuild after one check-in', seconds(rebuild), 'every cache of the cold build kept'],
    ['ratio rebuild / cold', `${(rebuild / site).toFixed(2)}×`, `goal ≤ 0.35× ${rebuild / site <= 0.35 ? 'met' : 'NOT met'}`],
    ['largest HTML page', kb(largest.size), `${largest.file}; goal ≤ 60 KB ${largest.size <= 60 * 1024 ? 'met' : 'NOT met'}`],
    ['client JavaScript', `${clientJs} B`, `goal 0 B ${clientJs === 0 ? 'met' : 'NOT met'}`],
  ];
  for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(30)} ${value.padStart(9)}  ${note}\n`);
  if (runs > 1) process.stdout.write(`each run: site ${siteTimes.map(seconds).join(', ')}; bare ${bareTimes.map(seconds).join(', ')}; rebuild ${rebuildTimes.map(seconds).join(', ')}\n`);
}

/** Runs one build in a fresh Node process and returns its wall time in ms. */
async function timed(args: string[]): Promise<number> {
  const started = performance.now();
  const [kind, ...rest] = args;
  await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url), '--child', kind!, ...rest], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return performance.now() - started;
}

async function child(kind: string): Promise<void> {
  const args = positionals;
  if (kind === 'site') {
    const [repo, historyFile, out] = args as [string, string, string];
    const { buildSite } = await import('../src/site/build-site.ts');
    await buildSite({ repo, out, now: NOW, site: 'https://bench.example', base: '/', historyFile, cacheDir: path.join(WORK, 'site-cache'), logLevel: 'error' });
  } else {
    const [root] = args as [string];
    const { build } = await import('astro');
    await build({ root, logLevel: 'error' });
  }
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

/**
 * Objectives over eight quarters with varied titles, one to five key results of every kind
 * (increase, decrease, milestone) and bodies from none to several paragraphs; check-ins
 * spread evenly. `extra` adds that many check-ins on the last objective, the day before `NOW`:
 * the one more check-in of the incremental case (on the last objective because the history
 * builder numbers commits in objective order, where a real repository's hashes never shift).
 */
function synthetic(objectiveCount: number, checkinCount: number, extra = 0) {
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
  const objectives: ObjectiveSpec[] = [];
  const files: Record<string, string> = {};
  const bodies = new Map<string, string>();
  const current = new Map<string, number>();
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
  const checkins: CheckinSpec[] = [];
  const perObjective = Math.ceil(checkinCount / objectiveCount);
  for (let n = 0; n < checkinCount + extra; n++) {
    const isExtra = n >= checkinCount;
    const objective = isExtra ? objectives.at(-1)! : objectives[n % objectiveCount]!;
    const step = isExtra ? perObjective + n - checkinCount : Math.floor(n / objectiveCount);
    const day = isExtra ? Math.round((Date.parse(`${NOW}T00:00:00Z`) - Date.parse(`${objective.period.start}T00:00:00Z`)) / 86_400_000) - 1 : Math.min(89, Math.floor((step * 88) / perObjective));
    const date = new Date(Date.parse(`${objective.period.start}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
    const share = Math.min(1, (step + 1) / perObjective);
    const kr = objective.keyResults[step % objective.keyResults.length]!;
    const value = kr.kind === 'milestone' ? (share >= 1 ? 1 : 0) : Math.round(kr.baseline! + (kr.target! - kr.baseline!) * share * (0.6 + next() * 0.5));
    current.set(`${objective.id}/${kr.id}`, value);
    checkins.push({
      objective: objective.id,
      date,
      author: `Author ${n % 9}`,
      message: `${pick(VERBS)} ${pick(THINGS)}: ${kr.id} now ${value}${next() < 0.3 ? `\n\nNumbers from the weekly report${pick(QUALIFIERS)}.` : ''}`,
      values: { [kr.id]: { value, ...(next() < 0.2 ? { confidence: 0.3 + Math.round(next() * 6) / 10 } : {}) } },
    });
  }
  // Each file as the last check-in left it: `current` (or `done`) is what a check-in edits.
  for (const { id, path, title, period, owner, keyResults } of objectives) {
    const krs = keyResults
      .map((kr) => {
        const now = current.get(`${id}/${kr.id}`);
        const state =
          kr.kind === 'milestone'
            ? `    done: ${now === 1}\n`
            : `    baseline: ${kr.baseline}\n    target: ${kr.target}\n    unit: ${JSON.stringify(kr.unit)}\n${now === undefined ? '' : `    current: ${now}\n`}`;
        return `  - id: ${kr.id}\n    title: ${JSON.stringify(kr.title)}\n${state}`;
      })
      .join('');
    files[path!] = `---\nid: ${id}\ntitle: ${JSON.stringify(title)}\nperiod: ${period.label}\nowner: ${owner}\nkey_results:\n${krs}---\n${bodies.get(id)}\n`;
  }
  return { objectives: historyFrom({ now: NOW, objectives, checkins, missions: [{ path: 'okrs/mission.md', mission: 'Benchmark mission', owner: null, body: '' }] }), files };
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
