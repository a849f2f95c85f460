/**
 * Benchmark of the bundled action: its size, and the CPU time it takes to check a
 * pull request in a 50-file OKR repository (goal: under 1 s). `npx node bench/action.ts`
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { GIT_CONFIG, gitEnvFor } from '../test/helpers/action-repo.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'action', 'dist', 'index.js');
const RUNS = 5;
const FILES = 50;

function git(dir: string, date: string, ...args: string[]): string {
  const result = spawnSync('git', [...GIT_CONFIG, ...args], { cwd: dir, env: gitEnvFor(date), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function objective(index: number, current: number): string {
  return `---
title: Deliver engaging presentations to team ${index}
period: 2026-Q4
key_results:
  - id: feedback
    title: Raise average audience feedback from 3.6 to 4.5 out of 5
    baseline: 3.6
    target: 4.5
    current: ${current}
    confidence: 0.6
  - id: invites
    title: Get 3 unsolicited invitations to speak at other teams' meetings
    baseline: 0
    target: 3
    current: 1
  - id: course
    title: Pass the final assessment of a public-speaking course
    done: false
---
Notes for objective ${index}.
`;
}

function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

const repo = mkdtempSync(path.join(tmpdir(), 'okr-bench-'));
git(repo, '2026-10-01', 'init', '--quiet');
write(repo, 'okrs/mission.md', '---\nmission: Be an ideal candidate for promotion or hire.\nowner: jane\n---\n');
for (let index = 1; index < FILES; index += 1) write(repo, `okrs/2026-q4/objective-${index}.md`, objective(index, 3.9));
git(repo, '2026-10-01', 'add', '--all');
git(repo, '2026-10-01', 'commit', '--quiet', '-m', 'Q4 OKRs');
const base = git(repo, '2026-10-01', 'rev-parse', 'HEAD');
for (let index = 1; index <= 5; index += 1) write(repo, `okrs/2026-q4/objective-${index}.md`, objective(index, 4.2));
git(repo, '2026-11-01', 'commit', '--quiet', '--all', '-m', 'Check-in');
const head = git(repo, '2026-11-01', 'rev-parse', 'HEAD');

const temp = mkdtempSync(path.join(tmpdir(), 'okr-bench-runner-'));
writeFileSync(path.join(temp, 'event.json'), JSON.stringify({ pull_request: { number: 1, base: { sha: base, ref: 'main' }, head: { sha: head } } }));

// Node's own CPU time, and that of the git processes it waited for (from /proc), printed at exit.
const probe = `
import { readFileSync, writeSync } from 'node:fs';
process.on('exit', () => {
  const own = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const children = (Number(fields[13]) + Number(fields[14])) * 10;
  writeSync(2, '\\nBENCH ' + JSON.stringify({ node: (own.user + own.system) / 1000, git: children }) + '\\n');
});
await import(${JSON.stringify(new URL(`file://${BUNDLE}`).href)});
`;

const samples: { node: number; git: number; wall: number }[] = [];
for (let run = 0; run < RUNS; run += 1) {
  writeFileSync(path.join(temp, 'summary.md'), '');
  writeFileSync(path.join(temp, 'output.txt'), '');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...gitEnvFor('2026-11-02'),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(temp, 'event.json'),
      GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md'),
      GITHUB_OUTPUT: path.join(temp, 'output.txt'),
      GITHUB_REPOSITORY: 'jane/okrs',
      GITHUB_WORKSPACE: repo,
      RUNNER_TEMP: temp,
      INPUT_PATH: 'okrs',
      INPUT_COMMENT: 'false',
      'INPUT_FAIL-ON': 'never',
      INPUT_NOW: '2026-11-02',
    },
  });
  const wall = performance.now() - started;
  const line = /BENCH (.*)/.exec(result.stderr)?.[1];
  if (result.status !== 0 || !line) throw new Error(`The action failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  if (!readFileSync(path.join(temp, 'summary.md'), 'utf8').includes('5 key results moved')) throw new Error('The action did not report the 5 moved key results');
  samples.push({ ...(JSON.parse(line) as { node: number; git: number }), wall });
}
rmSync(repo, { recursive: true, force: true });
rmSync(temp, { recursive: true, force: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const bytes = statSync(BUNDLE).size;
const nodeCpu = median(samples.map((sample) => sample.node));
console.log(`action bundle: ${(bytes / 1024).toFixed(0)} KiB (${(gzipSync(readFileSync(BUNDLE)).length / 1024).toFixed(0)} KiB gzipped)`);
console.log(`check of a ${FILES}-file repository, median of ${RUNS} runs:`);
console.log(`  node CPU ${nodeCpu.toFixed(0)} ms, git CPU ${median(samples.map((sample) => sample.git)).toFixed(0)} ms, wall ${median(samples.map((sample) => sample.wall)).toFixed(0)} ms`);
console.log(nodeCpu < 1000 ? '  goal met: under 1 s of CPU' : '  goal missed: 1 s of CPU or more');
process.exitCode = nodeCpu < 1000 ? 0 : 1;
