/**
 * Package benchmark: the packed tarball's size (goal ≤ 300 KB), and the install
 * a user gets from it, offline from npm's cache (no network: the time is npm's
 * own work, not downloads): lint-only (`npm i -D gitops-okr`, goal ≤ 30 MB) and
 * with the site (`npm i -D gitops-okr astro`), each followed by its first run.
 *
 *   npx node bench/package.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installPackage, packPackage } from '../test/helpers/package.ts';

const work = mkdtempSync(path.join(tmpdir(), 'okr-bench-package-'));
try {
  const tarball = packPackage(work);
  const rows: [string, string, string][] = [];
  const size = statSync(tarball).size;
  rows.push(['tarball', `${(size / 1024).toFixed(1)} KB`, `goal ≤ 300 KB ${size <= 300 * 1024 ? 'met' : 'NOT met'}`]);
  for (const [name, extra, command] of [
    ['lint only', [], ['lint']],
    ['with the site', ['astro'], ['build', '--out', 'dist']],
  ] as const) {
    const project = path.join(work, name.replace(/\W+/g, '-'));
    const started = performance.now();
    installPackage(project, tarball, extra);
    const installed = performance.now() - started;
    const megabytes = diskUsage(path.join(project, 'node_modules')) / 1024 / 1024;
    const note = extra.length === 0 ? `goal ≤ 30 MB ${megabytes <= 30 ? 'met' : 'NOT met'}` : '';
    rows.push([`install, ${name}`, `${megabytes.toFixed(1)} MB`, note]);
    rows.push([`  time (offline)`, `${(installed / 1000).toFixed(1)} s`, '']);
    spawnSync(process.execPath, [path.join(project, 'node_modules/.bin/okr'), 'init'], { cwd: project, stdio: 'ignore' });
    const runStarted = performance.now();
    const run = spawnSync(process.execPath, [path.join(project, 'node_modules/.bin/okr'), ...command], { cwd: project, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`okr ${command.join(' ')}: ${run.stderr}`);
    rows.push([`  okr ${command[0]}`, `${((performance.now() - runStarted) / 1000).toFixed(1)} s`, 'first run']);
  }
  for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(30)} ${value.padStart(9)}  ${note}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Bytes on disk, as `du` counts them. */
function diskUsage(dir: string): number {
  const result = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  return Number(result.stdout.split('\t')[0]) * 1024;
}
