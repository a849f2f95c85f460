/**
 * `okr lint` on 1,000 generated objective files, beside markdownlint-cli2 on the
 * same files, measured in the same run. Goal: ratio ≤ 1.0. The titles are real
 * prose, drawn from the labelled corpora (the repository's own, and the shared
 * real-OKR corpus when it is there), so the sentence rules do their real work.
 * `okr` is what users run: this checkout packed and installed (offline) into a
 * temp project, its `node_modules/.bin/okr`. The checkout's sources, run as
 * `bin/okr.js` runs them here, are timed beside it for comparison.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findSharedCorpus, OWN_CORPUS, readCorpus } from '../test/helpers/judgement.ts';
import { installPackage, packPackage } from '../test/helpers/package.ts';

const FILES = 1000;
const RUNS = 5;
const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, 'bench/.work/lint');

const corpus = [OWN_CORPUS, findSharedCorpus(root)].flatMap((file) => (file === undefined ? [] : readCorpus(file)));
const distinct = (kind: 'kr' | 'objective') => [...new Set(corpus.filter((row) => row.kind === kind).map((row) => row.text))];
const objectiveTitles = distinct('objective');
const keyResultTitles = distinct('kr');

function generate(): void {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'okrs'), { recursive: true });
  writeFileSync(path.join(work, 'okrs/mission.md'), '---\nmission: Be an ideal candidate for promotion or hire.\n---\nWhy.\n');
  for (let index = 0; index < FILES; index++) {
    const folder = path.join(work, 'okrs', `team-${index % 50}`, '2026-q4');
    mkdirSync(folder, { recursive: true });
    const keyResults = Array.from({ length: 3 }, (_, kr) => {
      // A suffix keeps every title distinct, as in a real repository: no sentence is judged twice.
      const title = `${keyResultTitles[(index * 3 + kr) % keyResultTitles.length]!} (${index})`;
      return `  - id: kr-${kr}\n    title: ${JSON.stringify(title)}\n    baseline: ${kr}\n    target: ${kr + 10}\n    current: ${kr + (index % 10)}\n    confidence: 0.6`;
    }).join('\n');
    writeFileSync(
      path.join(folder, `objective-${index}.md`),
      `---\nid: objective-${index}\ntitle: ${JSON.stringify(`${objectiveTitles[index % objectiveTitles.length]!} (${index})`)}\nperiod: 2026-Q4\nowner: owner-${index % 50}\nkey_results:\n${keyResults}\n---\n## Why\n\nSome context for objective ${index}, with a [link](https://example.com) and *emphasis*.\n\n- [x] First initiative\n- [ ] Second initiative\n`,
    );
  }
}

function time(command: string, args: string[]): number {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

generate();
const installed = mkdtempSync(path.join(tmpdir(), 'okr-bench-lint-'));
try {
  installPackage(installed, packPackage(installed));
  const lintArgs = ['lint', 'okrs', '--format', 'json', '--now', '2026-11-15'];
  const commands = {
    okr: [process.execPath, [path.join(installed, 'node_modules/.bin/okr'), ...lintArgs]],
    sources: [process.execPath, [path.join(root, 'bin/okr.js'), ...lintArgs]],
    markdownlint: [process.execPath, [path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'okrs/**/*.md']],
  } as const;
  const times: Record<keyof typeof commands, number[]> = { okr: [], sources: [], markdownlint: [] };
  for (const [command, args] of Object.values(commands)) time(command, [...args]);
  for (let run = 0; run < RUNS; run++) {
    for (const [name, [command, args]] of Object.entries(commands)) times[name as keyof typeof commands].push(time(command, [...args]));
  }
  const ours = median(times.okr);
  const baseline = median(times.markdownlint);
  console.log(`lint: ${FILES} objective files, median of ${RUNS} runs; titles from ${objectiveTitles.length} objective and ${keyResultTitles.length} key result sentences`);
  console.log(`  okr lint            ${ours.toFixed(0)} ms  (installed package)`);
  console.log(`  markdownlint-cli2   ${baseline.toFixed(0)} ms`);
  console.log(`  ratio               ${(ours / baseline).toFixed(2)}× (goal ≤ 1.00)`);
  console.log(`  from the sources    ${median(times.sources).toFixed(0)} ms  (${(median(times.sources) / baseline).toFixed(2)}×, this checkout's bin/okr.js)`);
} finally {
  rmSync(installed, { recursive: true, force: true });
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
}
