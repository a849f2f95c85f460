/**
 * Benchmark of `okr history` against `git log -p --first-parent -- okrs` on the same
 * synthetic repository, built with `git fast-import`, both measured in the same run and in
 * turns. Two cases: 200 objectives / 5,000 commits (goal ≤ 1.3×) and 2,000 objectives /
 * 100,000 commits (goal ≤ 1.1× and ≤ 300 MB peak). Each is measured
 *   cold: no history cache (the first run, which writes it), and
 *   warm: a cache written one commit earlier, so the run reads one new commit.
 *
 * The generated OKRs vary as real ones do: titles from word lists, two to five key results of
 * every kind, bodies from none to several paragraphs, objectives added over the quarter,
 * a few renamed or made private, and check-ins that change a value, a confidence, an `as_of`,
 * or now and then a title or a target (which the history reader parses in full).
 *
 * `okr` runs as a user's installed package runs: this checkout is packed (`npm pack`, which builds
 * lib/ first) and installed once per run into bench/.work/history-package, and its bin,
 * node_modules/.bin/okr, is started as a shell starts it, through its `#!` line, with this Node
 * first on PATH. `--from src` runs bin/okr.js of the checkout instead, which runs the TypeScript
 * sources (type stripping, slower to load).
 *
 *   node bench/history.ts [--from package|src] [objectives:commits …]     default: 200:5000 2000:100000
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { installPackage, packPackage } from '../test/helpers/package.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench/.work');
const TIME = '/usr/bin/time';
/** Bumped whenever the generator changes, so an old repository in bench/.work is built again. */
const GENERATOR = 3;

interface Measure {
  seconds: number;
  peakMb: number | undefined;
}

interface Case {
  objectives: number;
  commits: number;
}

/** A deterministic pseudo-random sequence (a linear congruential generator), so every run builds the same repository. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const VERBS = ['Improve', 'Grow', 'Cut', 'Ship', 'Build', 'Raise', 'Make', 'Deliver', 'Strengthen', 'Simplify', 'Open up', 'Win back'];
const THINGS = [
  'the onboarding of new customers',
  'our release process',
  'support response times',
  'the reliability of the payment service',
  'engagement in the community forum',
  'the quality of technical documentation',
  'hiring for the platform team',
  'the mobile checkout',
  'the partner programme in Europe',
  'internal tooling for analysts',
  'the accessibility of the web app',
  'search relevance',
  'trust in our data pipeline',
  'the speed of the build',
];
const FRAMES = ['{verb} {thing}', '{verb} {thing} this quarter', '{verb} {thing} so that teams rely on it', '{verb} {thing} for {team}', '{verb} {thing}: the groundwork for next year'];
const TEAMS = ['the growth team', 'enterprise customers', 'new hires', 'the sales team', 'partners', 'our largest accounts'];
const METRICS = [
  'weekly active teams',
  'tickets answered within a day',
  'releases per month',
  'p95 latency',
  'conversion rate',
  'articles published',
  'candidates hired',
  'NPS',
  'build minutes',
  'incidents',
  'open bugs',
];
const UNITS = ['', '', 'ms', 'percent', 'days', 'teams', 'points'];
const SENTENCES = [
  'This matters because every later step depends on it.',
  'Last quarter we learned that the slowest part is the hand-over between teams.',
  'We measure it weekly and review the numbers in the Monday meeting.',
  'Customers told us in interviews that this is where they give up.',
  'The work is shared with the design and data teams; see the linked notes.',
  'If we reach it, the next quarter can focus on growth instead of repairs.',
  'The baseline comes from the September export of the dashboard.',
];

type Kind = 'increase' | 'decrease' | 'milestone' | 'threshold';

interface KeyResultState {
  id: string;
  title: string;
  kind: Kind;
  baseline: number;
  target: number;
  current: number;
  done: boolean;
  unit: string;
  confidence: number | undefined;
  asOf: string | undefined;
}

interface ObjectiveState {
  path: string;
  title: string;
  owner: string;
  private: boolean;
  body: string;
  keyResults: KeyResultState[];
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function newObjective(random: () => number, index: number): ObjectiveState {
  const title = pick(random, FRAMES).replace('{verb}', pick(random, VERBS)).replace('{thing}', pick(random, THINGS)).replace('{team}', pick(random, TEAMS));
  const count = 2 + Math.floor(random() * 4);
  const keyResults = Array.from({ length: count }, (_, kr): KeyResultState => {
    const kind = pick<Kind>(random, ['increase', 'increase', 'increase', 'decrease', 'milestone', 'threshold']);
    const metric = pick(random, METRICS);
    const baseline = 10 + Math.round(random() * 100);
    const target = kind === 'decrease' ? Math.round(baseline * (0.2 + random() * 0.6)) : baseline + 5 + Math.round(random() * 200);
    const kinds: Record<Kind, string> = {
      increase: `Raise ${metric} from ${baseline} to ${target}`,
      decrease: `Bring ${metric} down from ${baseline} to ${target}`,
      milestone: `Launch the ${metric} report to every team`,
      threshold: `Keep ${metric} above ${baseline} every week`,
    };
    return { id: `kr-${kr + 1}`, title: kinds[kind], kind, baseline, target, current: baseline, done: false, unit: pick(random, UNITS), confidence: random() < 0.5 ? 0.5 : undefined, asOf: undefined };
  });
  const paragraphs = Math.floor(random() * 6);
  const body = Array.from({ length: paragraphs }, () => Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(random, SENTENCES)).join(' ')).join('\n\n');
  const tasks = random() < 0.6 ? `\n\n## Initiatives\n\n- [ ] ${pick(random, THINGS)}\n- [x] ${pick(random, THINGS)}\n` : '\n';
  return {
    path: `okrs/2026-q4/${pick(random, ['team-a', 'team-b', 'platform', 'growth', 'ops'])}/objective-${String(index).padStart(4, '0')}.md`,
    title,
    owner: pick(random, ['jane', 'ahmed', 'li', 'maria', 'sam']),
    private: random() < 0.05,
    body: `${body}${tasks}`,
    keyResults,
  };
}

function objectiveText(objective: ObjectiveState): string {
  const lines = ['---', `title: ${yamlText(objective.title)}`, 'period: 2026-Q4', `owner: ${objective.owner}`];
  if (objective.private) lines.push('private: true');
  lines.push('key_results:');
  for (const kr of objective.keyResults) {
    lines.push(`  - id: ${kr.id}`, `    title: ${yamlText(kr.title)}`);
    if (kr.kind === 'milestone') lines.push(`    done: ${kr.done}`);
    else if (kr.kind === 'threshold') lines.push(`    keep_above: ${kr.baseline}`, `    current: ${kr.current}`);
    else lines.push(`    baseline: ${kr.baseline}`, `    target: ${kr.target}`, `    current: ${kr.current}`);
    if (kr.unit !== '' && kr.kind !== 'milestone') lines.push(`    unit: ${kr.unit}`);
    if (kr.confidence !== undefined) lines.push(`    confidence: ${kr.confidence}`);
    if (kr.asOf !== undefined) lines.push(`    as_of: ${kr.asOf}`);
  }
  lines.push('---', objective.body);
  return lines.join('\n');
}

/** A title as YAML: plain where it can be, quoted where a colon or a leading sign would read as syntax. */
function yamlText(text: string): string {
  return /: |^[-?:,[\]{}#&*!|>'"%@`]/.test(text) ? JSON.stringify(text) : text;
}

/** One check-in of a random objective: a value, sometimes a confidence or an `as_of`, now and then a title or target. */
function checkIn(random: () => number, objective: ObjectiveState, day: string): string {
  const kr = pick(random, objective.keyResults);
  const roll = random();
  if (roll < 0.03) {
    objective.title = `${objective.title.replace(/ \(revised\)$/, '')} (revised)`;
    return `Reword ${objective.path}`;
  }
  if (roll < 0.05 && kr.kind !== 'milestone') {
    kr.target += 10;
    return `Raise the target of ${kr.id} in ${objective.path}`;
  }
  if (kr.kind === 'milestone') kr.done = !kr.done;
  else kr.current = Math.max(0, Math.round((kr.current + (kr.kind === 'decrease' ? -1 : 1) * random() * 8) * 10) / 10);
  if (random() < 0.25) kr.confidence = Math.round(random() * 10) / 10;
  if (random() < 0.05) kr.asOf = day;
  const note = random() < 0.5 ? `\n\n${pick(random, SENTENCES)} ${pick(random, SENTENCES)}` : '';
  return `Check-in ${objective.path}: ${kr.id} is now ${kr.kind === 'milestone' ? kr.done : kr.current}${note}`;
}

/** The repository of one case: a mission, a quarter of objectives added over its first weeks, then check-ins. */
export async function buildSyntheticRepo(dir: string, { objectives: count, commits }: Case): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q']);
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'ignore', 'inherit'] });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const write = async (text: string) => {
    if (!child.stdin.write(text)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  };
  const random = randomFrom(count * 7919 + commits);
  const objectives: ObjectiveState[] = [];
  const start = Date.UTC(2026, 9, 1) / 1000;
  const step = Math.max(30, Math.floor((86 * 86_400) / commits));
  // A tenth of the objectives at the start, the rest added within the first tenth of the commits.
  const planned = Math.max(1, Math.floor(count / 10));
  const addUntil = Math.max(2, Math.floor(commits / 10));
  for (let commit = 0; commit < commits; commit++) {
    const time = start + commit * step;
    const day = new Date(time * 1000).toISOString().slice(0, 10);
    const files: [string, string | null][] = [];
    let message: string;
    if (commit === 0) {
      files.push(['okrs/mission.md', '---\nmission: Be the team customers trust with their most important work.\nowner: jane\n---\nWhy we are here.\n']);
      for (let index = 0; index < planned; index++) objectives.push(newObjective(random, index));
      for (const objective of objectives) files.push([objective.path, objectiveText(objective)]);
      message = 'Plan the quarter';
    } else if (objectives.length < count && random() < (count - planned) / addUntil + 0.01) {
      const objective = newObjective(random, objectives.length);
      objectives.push(objective);
      files.push([objective.path, objectiveText(objective)]);
      message = `Add ${objective.title}`;
    } else if (random() < 0.002) {
      // A file moved to another folder, kept by git as a rename.
      const objective = pick(random, objectives);
      files.push([objective.path, null]);
      objective.path = objective.path.replace(/\/[^/]+\/([^/]+)$/, `/${pick(random, ['moved', 'shared', 'later'])}-${commit}/$1`);
      files.push([objective.path, objectiveText(objective)]);
      message = `Move ${objective.title}`;
    } else {
      const objective = pick(random, objectives);
      message = checkIn(random, objective, day);
      files.push([objective.path, objectiveText(objective)]);
    }
    let chunk = `commit refs/heads/main\ncommitter ${pick(random, ['Jane Doe', 'Ahmed Ali', 'Li Wei', 'Maria Rossi'])} <okr@example.com> ${time} +0000\n${data(message)}`;
    for (const [file, text] of files) chunk += text === null ? `D ${file}\n` : `M 100644 inline ${file}\n${data(text)}`;
    await write(`${chunk}\n`);
  }
  await write('done\n');
  child.stdin.end();
  if ((await closed) !== 0) throw new Error('git fast-import failed');
  git(dir, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  writeFileSync(path.join(dir, '.complete'), `${GENERATOR}:${count}:${commits}`);
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed`);
  return result.stdout;
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

interface Command {
  command: string;
  args: string[];
  /** Runs before each measurement, unmeasured. */
  before?: () => void;
}

/** Runs the commands in turn, `runs` rounds, so all see the same load on a shared machine; median time, highest peak, and the range. */
function compare(commands: Command[], cwd: string, runs: number): (Measure & { range: [number, number] })[] {
  const all: Measure[][] = commands.map(() => []);
  for (let round = 0; round < runs; round++) {
    commands.forEach(({ command, args, before }, index) => {
      before?.();
      all[index]!.push(measure(command, args, cwd));
    });
  }
  return all.map((measures) => {
    const sorted = measures.map((each) => each.seconds).sort((a, b) => a - b);
    const peaks = measures.map((each) => each.peakMb).filter((peak) => peak !== undefined);
    return { seconds: sorted[Math.floor((runs - 1) / 2)]!, range: [sorted[0]!, sorted.at(-1)!], peakMb: peaks.length > 0 ? Math.max(...peaks) : undefined };
  });
}

function mb(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${value.toFixed(0)} MB`;
}

/** The `okr` command to time: the installed package's bin, or the checkout's bin/okr.js run by this Node. */
interface Okr {
  command: string;
  prefix: string[];
}

/** Packs and installs this checkout into a temp project, as a user's `npm install gitops-okr` does. */
function installedOkr(): Okr {
  const project = path.join(WORK, 'history-package');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  installPackage(project, packPackage(project));
  // The bin's `#!/usr/bin/env node` finds the Node that runs this benchmark, as a user's finds theirs.
  process.env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
  return { command: path.join(project, 'node_modules/.bin/okr'), prefix: [] };
}

async function runCase(which: Case, okr: Okr, goal: { ratio: number; peakMb?: number }): Promise<void> {
  const dir = path.join(WORK, `history-${which.objectives}-${which.commits}`);
  const stamp = path.join(dir, '.complete');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== `${GENERATOR}:${which.objectives}:${which.commits}`) {
    const built = Date.now();
    await buildSyntheticRepo(dir, which);
    process.stdout.write(`built ${which.commits.toLocaleString('en-US')} commits in ${dir} with git fast-import (${((Date.now() - built) / 1000).toFixed(1)} s)\n`);
  }
  const cacheDir = path.join(dir, '.okr-cache');
  const history = (extra: string[] = []) => [...okr.prefix, 'history', '--repo', dir, '--now', '2026-12-31', '--cache-dir', cacheDir, ...extra];
  // The warm start: a cache written at the commit before the head, as after yesterday's run.
  const tip = git(dir, ['rev-parse', 'main']).trim();
  rmSync(cacheDir, { recursive: true, force: true });
  git(dir, ['update-ref', 'refs/heads/main', `${tip}~1`]);
  spawnSync(okr.command, history(), { stdio: 'ignore' });
  git(dir, ['update-ref', 'refs/heads/main', tip]);
  const [cacheName] = readdirSync(cacheDir);
  const saved = path.join(dir, '.okr-cache-at-parent.json');
  copyFileSync(path.join(cacheDir, cacheName!), saved);
  const runs = which.commits <= 10_000 ? 5 : 2;
  const [gitLog, cold, warm, uncached] = compare(
    [
      { command: 'git', args: ['log', '-p', '--first-parent', '--', 'okrs'] },
      { command: okr.command, args: history(), before: () => rmSync(cacheDir, { recursive: true, force: true }) },
      { command: okr.command, args: history(), before: () => copyFileSync(saved, path.join(cacheDir, cacheName!)) },
      { command: okr.command, args: history(['--no-cache']) },
    ],
    dir,
    runs,
  ) as [Measure & { range: [number, number] }, Measure & { range: [number, number] }, Measure & { range: [number, number] }, Measure & { range: [number, number] }];
  const line = (label: string, measure: Measure & { range: [number, number] }, ratio?: string) =>
    `  ${label.padEnd(40)} ${measure.seconds.toFixed(2)} s (${measure.range[0].toFixed(2)}–${measure.range[1].toFixed(2)})   peak ${mb(measure.peakMb).padStart(7)}${ratio === undefined ? '' : `   ${ratio}`}`;
  const ratio = (measure: Measure) => `${(measure.seconds / gitLog.seconds).toFixed(2)}× git log (goal ≤ ${goal.ratio}×)`;
  const peakGoal = goal.peakMb === undefined ? '' : ` (goal ≤ ${goal.peakMb} MB)`;
  process.stdout.write(
    [
      `${which.objectives.toLocaleString('en-US')} objectives, ${which.commits.toLocaleString('en-US')} commits (median of ${runs}, range in brackets)`,
      line('git log -p --first-parent -- okrs', gitLog),
      line('okr history, cold (no cache yet)', cold, ratio(cold)),
      line('okr history, warm (one new commit)', warm, ratio(warm)),
      line('okr history --no-cache', uncached, ratio(uncached)),
      `  peak memory: cold ${mb(cold.peakMb)}, warm ${mb(warm.peakMb)}${peakGoal}`,
      '',
    ].join('\n'),
  );
}

async function main(cases: Case[], from: string): Promise<void> {
  const okr = from === 'src' ? { command: process.execPath, prefix: [path.join(ROOT, 'bin/okr.js')] } : installedOkr();
  process.stdout.write(`okr runs ${from === 'src' ? 'the sources (bin/okr.js of this checkout)' : 'as installed (npm pack, then npm install)'}\n`);
  for (const each of cases) await runCase(each, okr, each.commits >= 50_000 ? { ratio: 1.1, peakMb: 300 } : { ratio: 1.3 });
  if (!existsSync(TIME)) process.stdout.write(`(${TIME} not found: peak memory not measured)\n`);
}

if (process.argv[1] === import.meta.filename) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { from: { type: 'string', default: 'package' } } });
  if (values.from !== 'package' && values.from !== 'src') throw new Error(`--from ${values.from}: expected \`package\` or \`src\``);
  const cases = positionals
    .map((arg) => arg.split(':').map(Number))
    .filter((pair): pair is [number, number] => pair.length === 2 && pair.every((n) => Number.isInteger(n) && n > 0))
    .map(([objectives, commits]) => ({ objectives, commits }));
  await main(
    cases.length > 0
      ? cases
      : [
          { objectives: 200, commits: 5_000 },
          { objectives: 2_000, commits: 100_000 },
        ],
    values.from,
  );
}
