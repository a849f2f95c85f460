#!/usr/bin/env node
// The `okr` command. The installed package runs the bundle in lib/ (scripts/build-package.ts:
// each command a file of its own, its modules and small dependencies in shared chunks; Node never
// strips types under node_modules); a checkout of the sources runs the TypeScript directly (type
// stripping, Node 22.18+): its lib/ is built once by `npm ci` and goes stale with every edit.
import { existsSync } from 'node:fs';

const fromSources = existsSync(new URL('../src/cli/main.ts', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
const floor = fromSources ? [22, 18] : [22, 12];
if (major < floor[0] || (major === floor[0] && minor < floor[1])) {
  process.stderr.write(
    `okr needs Node ${floor.join('.')} or later (Node 24 recommended); this is Node ${process.versions.node}.\n` +
      (fromSources ? 'In this checkout run it through npm (`npx okr …` or `npm run …`), which uses the Node 24 installed by `npm ci`.\n' : ''),
  );
  process.exit(2);
}
// Reading a long history allocates many short-lived objects; with a smaller young generation
// fewer of them are promoted and the peak memory stays far lower (at 50,000 commits about
// 180 MB instead of 300 MB) in the same time. V8 takes the flag only at start, so the
// commands that read history run in a child Node started with it.
const SEMI_SPACE = '--max-semi-space-size=8';
const readsHistory = ['history', 'status', 'build'].includes(process.argv[2] ?? '');
if (readsHistory && !process.execArgv.includes(SEMI_SPACE)) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, SEMI_SPACE, ...process.argv.slice(1)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
} else {
  // Node keeps the compiled sources between runs (os.tmpdir()/node-compile-cache): a faster start.
  (await import('node:module')).enableCompileCache?.();
  const { main } = await import(fromSources ? '../src/cli/main.ts' : '../lib/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
}
