/**
 * Benchmark of `okr history` against `git log -p --first-parent -- okrs` on the
 * same synthetic repository (200 objective files, one check-in per commit,
 * built with `git fast-import`). Prints wall time and peak memory of both and
 * their ratio; the goal is ≤ 1.3× at 5,000 commits, and at 50,000 commits
 * time that grows linearly with peak memory ≤ 300 MB.
 *
 *   node bench/history.ts [commits…]     default: 5000 50000
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench/.work');
const OBJECTIVES = 200;
const RUNS_SMALL = 3;
const TIME = '/usr/bin/time';

interface Measure {
  seconds: number;
  peakMb: number | undefined;
}

/** A deterministic repository: commit 1 adds a mission and 200 objectives, every later commit is one check-in. */
export async function buildSyntheticRepo(dir: string, commits: number): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q']);
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'ignore', 'inherit'] });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const write = async (text: string) => {
    if (!child.stdin.write(text)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  };
  const values = Array.from({ length: OBJECTIVES }, () => [0, 10, 0]);
  const confidence = Array.from({ length: OBJECTIVES }, () => 0.5);
  let random = 42;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const start = Date.UTC(2026, 9, 1) / 1000;
  const step = Math.max(60, Math.floor((86 * 86_400) / commits));
  for (let commit = 0; commit < commits; commit++) {
    const time = start + commit * step;
    const files: [string, string][] = [];
    let message: string;
    if (commit === 0) {
      files.push(['okrs/mission.md', '---\nmission: Be an ideal candidate for promotion or hire.\nowner: jane\n---\nWhy.\n']);
      for (let index = 0; index < OBJECTIVES; index++) files.push([objectivePath(index), objectiveText(index, values[index]!, confidence[index]!)]);
      message = 'Plan the quarter';
    } else {
      const index = Math.floor(next() * OBJECTIVES);
      const kr = Math.floor(next() * 3);
      const row = values[index]!;
      row[kr] = kr === 1 ? Math.max(2, row[kr]! - 0.5) : row[kr]! + 1;
      if (next() < 0.2) confidence[index] = Math.round(next() * 10) / 10;
      files.push([objectivePath(index), objectiveText(index, row, confidence[index]!)]);
      message = `Check-in ${objectivePath(index)}: key result ${kr + 1} is now ${row[kr]}\n\nNotes from the week ${commit}.`;
    }
    let chunk = `commit refs/heads/main\ncommitter Bench <bench@example.com> ${time} +0000\n${data(message)}`;
    for (const [file, text] of files) chunk += `M 100644 inline ${file}\n${data(text)}`;
    await write(`${chunk}\n`);
  }
  await write('done\n');
  child.stdin.end();
  if ((await closed) !== 0) throw new Error('git fast-import failed');
  git(dir, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  writeFileSync(path.join(dir, '.complete'), String(commits));
}

function objectivePath(index: number): string {
  return `okrs/2026-q4/objective-${String(index).padStart(3, '0')}.md`;
}

function objectiveText(index: number, [first, second, third]: number[], confidence: number): string {
  return `---
title: Improve area ${index} of the work
period: 2026-Q4
key_results:
  - id: shipped
    title: Ship 40 planned items in area ${index}, up from 0
    baseline: 0
    target: 40
    current: ${first}
    confidence: ${confidence}
  - id: wait
    title: Cut the wait in area ${index} from 10 days to 2
    baseline: 10
    target: 2
    current: ${second}
    unit: days
  - id: reviews
    title: Get 30 reviews from other teams in area ${index}
    baseline: 0
    target: 30
    current: ${third}
---
Why area ${index} matters this quarter, in a paragraph or two of prose that makes
the file about as long as a real objective file with its notes and initiatives.

- [ ] An initiative
- [x] Another initiative
`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

function git(cwd: string, args: string[]): void {
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed`);
}

/** Wall time and peak resident memory of a command, its output thrown away. */
function measure(command: string, args: string[], cwd: string): Measure {
  const withTime = existsSync(TIME);
  const started = performance.now();
  const result = withTime
    ? spawnSync(TIME, ['-f', '%M', command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const kilobytes = withTime ? Number(result.stderr.trim().split('\n').at(-1)) : Number.NaN;
  return { seconds, peakMb: Number.isFinite(kilobytes) ? kilobytes / 1024 : undefined };
}

/** Runs the commands in turn, `runs` rounds, so both see the same load on a shared machine; median time, highest peak. */
function compare(commands: [string, string[]][], cwd: string, runs: number): Measure[] {
  const all: Measure[][] = commands.map(() => []);
  for (let round = 0; round < runs; round++) commands.forEach(([command, args], index) => all[index]!.push(measure(command, args, cwd)));
  return all.map((measures) => {
    const seconds = measures.map((each) => each.seconds).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    const peaks = measures.map((each) => each.peakMb).filter((peak) => peak !== undefined);
    return { seconds, peakMb: peaks.length > 0 ? Math.max(...peaks) : undefined };
  });
}

function mb(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${value.toFixed(0)} MB`;
}

async function main(sizes: number[]): Promise<void> {
  const okr = path.join(ROOT, 'bin/okr.js');
  const rows: { commits: number; okr: Measure; git: Measure }[] = [];
  for (const commits of sizes) {
    const dir = path.join(WORK, `history-${commits}`);
    const built = Date.now();
    await buildSyntheticRepo(dir, commits);
    process.stdout.write(`built ${commits.toLocaleString('en-US')} commits in ${dir} (${((Date.now() - built) / 1000).toFixed(1)} s)\n`);
    const runs = commits <= 10_000 ? RUNS_SMALL : 2;
    const [gitLog, history] = compare(
      [
        ['git', ['log', '-p', '--first-parent', '--', 'okrs']],
        [process.execPath, [okr, 'history', '--repo', dir, '--now', '2026-12-31']],
      ],
      dir,
      runs,
    ) as [Measure, Measure];
    rows.push({ commits, okr: history, git: gitLog });
    process.stdout.write(
      [
        `${commits.toLocaleString('en-US')} commits, ${OBJECTIVES} objective files (median of ${runs})`,
        `  okr history                           ${history.seconds.toFixed(2)} s   peak ${mb(history.peakMb)}`,
        `  git log -p --first-parent -- okrs     ${gitLog.seconds.toFixed(2)} s   peak ${mb(gitLog.peakMb)}`,
        `  ratio (time)                          ${(history.seconds / gitLog.seconds).toFixed(2)}×   goal ≤ 1.3×`,
        '',
      ].join('\n'),
    );
  }
  if (rows.length > 1) {
    const [first, last] = [rows[0]!, rows.at(-1)!];
    const perThousand = (row: (typeof rows)[number]) => (row.okr.seconds / row.commits) * 1000;
    process.stdout.write(
      `growth: ${perThousand(first).toFixed(3)} s per 1,000 commits at ${first.commits.toLocaleString('en-US')}, ` +
        `${perThousand(last).toFixed(3)} s at ${last.commits.toLocaleString('en-US')}; peak at ${last.commits.toLocaleString('en-US')}: ${mb(last.okr.peakMb)} (goal ≤ 300 MB)\n`,
    );
  }
  if (!existsSync(TIME)) process.stdout.write(`(${TIME} not found: peak memory not measured)\n`);
}

if (process.argv[1] === import.meta.filename) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((size) => Number.isInteger(size) && size > 0);
  await main(sizes.length > 0 ? sizes : [5_000, 50_000]);
}
