/**
 * Site action benchmark: what the site action costs on a clean runner, minus setting up Node
 * and minus downloads. A fresh copy of this repository (what GitHub downloads at the tag) runs
 * site/build.sh (`npm ci --omit=dev`, offline from npm's cache, then `okr build`) over a clone
 * of this repository with the whole history of its okrs/.
 *
 *   npx node bench/site-action.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyCheckout, ROOT } from '../test/helpers/fresh-copy.ts';

const work = mkdtempSync(path.join(tmpdir(), 'okr-bench-site-action-'));
try {
  const tool = path.join(work, 'action');
  mkdirSync(tool);
  copyCheckout(tool);
  const repo = path.join(work, 'repo');
  execFileSync('git', ['clone', '-q', ROOT, repo]);
  const started = performance.now();
  const run = spawnSync('bash', [path.join(tool, 'site', 'build.sh')], {
    encoding: 'utf8',
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_'))),
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      GITHUB_WORKSPACE: repo,
      RUNNER_TEMP: work,
      npm_config_offline: 'true',
    },
  });
  const total = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`site/build.sh failed:\n${run.stdout}${run.stderr}`);
  const log = run.stdout + run.stderr;
  const install = Number(/added \d+ packages in ([\d.]+)(m?s)/.exec(log)?.[1] ?? NaN) * (/added \d+ packages in [\d.]+ms/.test(log) ? 0.001 : 1);
  const packages = /added (\d+) packages/.exec(log)?.[1] ?? '?';
  const megabytes = Number(execFileSync('du', ['-sk', path.join(tool, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]) / 1024;
  const rows: [string, string, string][] = [
    ['install (npm ci --omit=dev)', `${install.toFixed(1)} s`, `${packages} packages, npm's own count, offline`],
    ['  node_modules', `${megabytes.toFixed(0)} MB`, ''],
    ['build (okr build) and the rest', `${(total - install).toFixed(1)} s`, (/Built \d+ pages/.exec(log) ?? ['?'])[0]],
    ['total', `${total.toFixed(1)} s`, ''],
  ];
  for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(32)} ${value.padStart(8)}  ${note}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
