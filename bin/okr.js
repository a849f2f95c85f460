#!/usr/bin/env node
// The `okr` command. The installed package runs the bundle in lib/ (scripts/build-package.ts:
// each command a file of its own, its modules and small dependencies in shared chunks; Node never
// strips types under node_modules); a checkout of the sources runs the TypeScript directly (type
// stripping, Node 22.18+): its lib/ is built once by `npm ci` and goes stale with every edit.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

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
// commands that read history run in a child Node started with it: a second start, 40–60 ms.
// `history` and `status` with a small history cache (a short history: at 5,000 commits 2.5 MB) read
// only the commits since and hold little, so they run here; a large one is a long history, whose
// reading the flag keeps smaller (at 100,000 commits, 43 MB: 260 MB instead of 365 MB). A cache
// that turns out stale is one full read without the flag.
const SEMI_SPACE = '--max-semi-space-size=8';
const command = process.argv[2] ?? '';
const readsHistory = command === 'build' || (['history', 'status'].includes(command) && !hasSmallHistoryCache(process.argv.slice(3)));
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

/** The value of `--name value` or `--name=value`, the last one given. */
function flagValue(args, name) {
  let value;
  args.forEach((arg, index) => {
    if (arg === name) value = args[index + 1];
    else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
  });
  return value;
}

/** Whether the folder the history cache is kept in (src/git/history-cache.ts) holds one, all of them under 10 MB; any doubt is a no. */
function hasSmallHistoryCache(args) {
  if (args.includes('--no-cache')) return false;
  const given = flagValue(args, '--cache-dir');
  try {
    const folder = given === undefined ? gitFolder(path.resolve(flagValue(args, '--repo') ?? '.')) : path.resolve(given);
    if (folder === undefined) return false;
    const cacheFolder = given === undefined ? path.join(folder, 'gitops-okr') : folder;
    const caches = readdirSync(cacheFolder).filter((name) => name.startsWith('history-'));
    return caches.length > 0 && caches.every((name) => statSync(path.join(cacheFolder, name)).size < 10 * 2 ** 20);
  } catch {
    return false;
  }
}

/** The git folder of the repository around `dir`: `.git`, or where a `.git` file (a worktree's) points. */
function gitFolder(dir) {
  for (let at = dir; ; at = path.dirname(at)) {
    const dotGit = path.join(at, '.git');
    const kind = statSync(dotGit, { throwIfNoEntry: false });
    if (kind?.isDirectory()) return dotGit;
    if (kind?.isFile()) {
      const pointer = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
      return pointer === undefined ? undefined : path.resolve(at, pointer.trim());
    }
    if (path.dirname(at) === at) return undefined;
  }
}
