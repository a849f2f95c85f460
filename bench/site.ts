/**
 * Site build benchmark: a synthetic repository of 200 objectives and 20,000
 * check-ins, built into the progress site, against a bare Astro site with the
 * same number of trivial pages. Prints both times and their ratio (goal ≤ 1.5×),
 * the largest HTML page (goal ≤ 60 KB) and the client JavaScript (goal 0 bytes).
 *
 *   npx node bench/site.ts [--objectives 200] [--checkins 20000] [--runs 1]
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

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    objectives: { type: 'string', default: '200' },
    checkins: { type: 'string', default: '20000' },
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
  let pages: string[] = [];
  for (let n = 0; n < runs; n++) {
    // Every run starts as the first one does: no output folders (Astro would first delete the
    // last run's 40 MB) and empty caches.
    for (const folder of ['site-cache', 'site-dist', 'bare/dist']) await rm(path.join(WORK, folder), { recursive: true, force: true });
    await rm(defaultCacheDir(repo), { recursive: true, force: true });
    siteTimes.push(await timed(['site', repo, historyFile, siteOut]));
    if (n === 0) {
      pages = (await listFiles(siteOut)).filter((file) => file.endsWith('.html'));
      await writeBareSite(bare, pages.length);
    }
    bareTimes.push(await timed(['bare', bare]));
  }
  const [site, bareTime] = [median(siteTimes), median(bareTimes)];
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
    ['largest HTML page', kb(largest.size), `${largest.file}; goal ≤ 60 KB ${largest.size <= 60 * 1024 ? 'met' : 'NOT met'}`],
    ['client JavaScript', `${clientJs} B`, `goal 0 B ${clientJs === 0 ? 'met' : 'NOT met'}`],
  ];
  for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(30)} ${value.padStart(9)}  ${note}\n`);
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

/** Objectives over eight quarters, three key results each, check-ins spread evenly. */
function synthetic(objectiveCount: number, checkinCount: number) {
  const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((label) => {
    const year = Number(label.slice(0, 4));
    const quarter = Number(label.slice(6));
    const start = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
    const endMonth = quarter * 3;
    const end = new Date(Date.UTC(year, endMonth, 0)).toISOString().slice(0, 10);
    return { label, start, end };
  });
  const objectives: ObjectiveSpec[] = [];
  const files: Record<string, string> = {};
  for (let i = 0; i < objectiveCount; i++) {
    const period = quarters[i % quarters.length]!;
    const id = `objective-${String(i).padStart(3, '0')}`;
    objectives.push({
      id,
      path: `okrs/${period.label.toLowerCase()}/${id}.md`,
      title: `Objective ${i}: improve the thing that matters most this quarter`,
      period,
      owner: `owner-${i % 5}`,
      type: i % 7 === 0 ? 'committed' : 'aspirational',
      created: period.start,
      keyResults: [
        { id: 'metric', title: 'Raise the metric from 10 to 50', kind: 'increase', baseline: 10, target: 50, unit: 'points', confidence: 0.5 },
        { id: 'latency', title: 'Cut latency from 900 to 300 ms', kind: 'decrease', baseline: 900, target: 300, unit: 'ms', confidence: 0.6 },
        { id: 'launch', title: 'Launch the new flow', kind: 'milestone' },
      ],
    });
    files[`okrs/${period.label.toLowerCase()}/${id}.md`] =
      `---\nid: ${id}\ntitle: "Objective ${i}: improve the thing that matters most this quarter"\nperiod: ${period.label}\nowner: owner-${i % 5}\nkey_results:\n  - id: metric\n    title: Raise the metric from 10 to 50\n    baseline: 10\n    target: 50\n  - id: latency\n    title: Cut latency from 900 to 300 ms\n    baseline: 900\n    target: 300\n  - id: launch\n    title: Launch the new flow\n    done: false\n---\nWhy this matters, in a paragraph or two of **Markdown**.\n\n- [x] First initiative\n- [ ] Second initiative\n`;
  }
  const checkins: CheckinSpec[] = [];
  const perObjective = Math.ceil(checkinCount / objectiveCount);
  for (let n = 0; n < checkinCount; n++) {
    const objective = objectives[n % objectiveCount]!;
    const step = Math.floor(n / objectiveCount);
    const day = Math.min(89, Math.floor((step * 88) / perObjective));
    const date = new Date(Date.parse(`${objective.period.start}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
    const share = (step + 1) / perObjective;
    checkins.push({
      objective: objective.id,
      date,
      author: `Author ${n % 9}`,
      message: `Check-in ${step} on ${objective.id}\n\nNumbers from the weekly report.`,
      values:
        step % 3 === 2
          ? { latency: { value: Math.round(900 - 500 * share), confidence: 0.6 } }
          : { metric: { value: Math.round(10 + 35 * share) }, ...(step === perObjective - 1 ? { launch: { value: 1 } } : {}) },
    });
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
