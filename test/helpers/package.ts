/**
 * The packed package, installed as a user would: `npm pack` of this checkout,
 * then an offline install into a temp project.
 *
 * `npm ci` fills npm's cache with the tarballs of the locked versions but not
 * with the registry's metadata, so `npm install <tarball> --offline` cannot
 * resolve a version range there. The temp project gets a lockfile instead:
 * the entries of this repository's lockfile that the package (and Astro, for
 * the site) reach, so the install resolves nothing and fetches nothing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

const LOCK_FLAGS = ['dev', 'devOptional', 'peer'];

/**
 * Packs this checkout into `dest` (which runs `prepare`, the compile to lib/) and returns the
 * tarball's path. Test files run in parallel and both write lib/, so packs take turns.
 */
export function packPackage(dest: string): string {
  return withLock(path.join(REPO_ROOT, 'node_modules', '.cache', 'gitops-okr-pack.lock'), () => {
    const output = execFileSync('npm', ['pack', '--json', '--pack-destination', dest], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: npmEnv() });
    const [{ filename }] = JSON.parse(output.slice(output.indexOf('['))) as [{ filename: string }];
    return path.join(dest, filename);
  });
}

/** Installs `tarball` (and with `extra`, more of this repository's locked packages, e.g. `astro`) into `project` without the network. */
export function installPackage(project: string, tarball: string, extra: readonly string[] = []): void {
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const own = lock.packages['']!;
  const tarballName = path.basename(tarball);
  const devDependencies: Record<string, string> = { 'gitops-okr': `file:${tarballName}` };
  for (const name of extra) devDependencies[name] = (own.devDependencies as Record<string, string> | undefined)?.[name] ?? '*';
  const packages: Record<string, LockEntry> = {
    '': { name: 'okr-user', version: '1.0.0', devDependencies },
    'node_modules/gitops-okr': {
      version: own.version,
      resolved: `file:${tarballName}`,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      license: own.license,
      dependencies: own.dependencies,
      peerDependencies: own.peerDependencies,
      peerDependenciesMeta: own.peerDependenciesMeta,
      bin: own.bin,
      engines: own.engines,
    },
  };
  const visit = (location: string, entry: LockEntry): void => {
    const optionalPeers = new Set(
      Object.entries(entry.peerDependenciesMeta ?? {})
        .filter(([, meta]) => meta.optional)
        .map(([name]) => name),
    );
    const wanted = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers.has(name)),
    ];
    for (const name of wanted) {
      const found = resolveIn(lock.packages, location, name);
      if (!found || packages[found]) continue;
      packages[found] = withoutFlags(lock.packages[found]!);
      visit(found, lock.packages[found]!);
    }
  };
  visit('node_modules/gitops-okr', packages['node_modules/gitops-okr']!);
  visit('', { dependencies: Object.fromEntries(extra.map((name) => [name, '*'])) });
  mkdirSync(project, { recursive: true });
  copyFileSync(tarball, path.join(project, tarballName));
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'okr-user', version: '1.0.0', private: true, type: 'module', devDependencies }, null, 2)}\n`);
  writeFileSync(path.join(project, 'package-lock.json'), `${JSON.stringify({ name: 'okr-user', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'], env: npmEnv() });
}

/** Where Node resolves `name` from a package at `location`: its own node_modules, then each one above. */
function resolveIn(packages: Record<string, LockEntry>, location: string, name: string): string | undefined {
  let base = location;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === '') return undefined;
    const index = base.lastIndexOf('/node_modules/');
    base = index === -1 ? '' : base.slice(0, index);
  }
}

function withoutFlags(entry: LockEntry): LockEntry {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => !LOCK_FLAGS.includes(key)));
}

/** npm as a user runs it: none of the settings `npm run` passes to the tests. */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));
}

function withLock<T>(lock: string, run: () => T): T {
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed run is older than any pack takes.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 3 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} is held for too long`);
      execFileSync('sleep', ['0.5']);
    }
  }
  try {
    return run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
