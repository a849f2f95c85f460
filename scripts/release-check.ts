/**
 * `npm run release:check`: everything the release workflow does before publishing, here and
 * without the network.
 *
 * 1. One version: package.json's version is every `vX.Y.Z` of gitops-okr in template/, in
 *    what `okr init --github` writes, in the README and docs, in the actions and workflows.
 * 2. template/ is what `npm run template` writes.
 * 3. action/dist/index.js is what the action's sources build to.
 * 4. `npm pack`, the tarball installed into a repository made from template/, and `okr lint`
 *    and `okr build` run there from node_modules/.bin.
 *
 * `--only versions` runs the first alone. `--keep-tarball <folder>` keeps the tarball there
 * (the release workflow publishes that file).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { installPackage, packPackage } from '../test/helpers/package.ts';
import { ACTION_BUNDLE, buildAction } from './build-action.ts';
import { templatePeriod, writeTemplate } from './template.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A version of gitops-okr named in text: `gitops-okr/gitops-okr/…@v1.2.3`, `…/blob/v1.2.3/…`, `gitops-okr) v1.2.3`, a reusable workflow's `default: v1.2.3`. */
const VERSION_REFERENCE =
  /gitops-okr\/gitops-okr(?:\/[^\s@)'"`]*?)?[@/]v(\d+\.\d+\.\d+)|\[gitops-okr\]\([^)]*\) v(\d+\.\d+\.\d+)|gitops-okr-ref:[^\n]*\n(?:[ \t]+(?!default:)[^\n]*\n)*?[ \t]+default: v(\d+\.\d+\.\d+)/g;

export interface VersionProblem {
  file: string;
  line: number;
  found: string;
}

/** Every version of gitops-okr named in `text` that is not `version`. */
export function versionProblemsIn(file: string, text: string, version: string): VersionProblem[] {
  return [...text.matchAll(VERSION_REFERENCE)]
    .map((match) => ({ match, found: match[1] ?? match[2] ?? match[3] ?? '' }))
    .filter(({ found }) => found !== version)
    .map(({ match, found }) => ({ file, found, line: text.slice(0, (match.index ?? 0) + match[0].lastIndexOf(`v${found}`)).split('\n').length }));
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** What `okr init --github` of this checkout writes, in a temp repository. */
function initOutput(root: string): { files: string[]; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-release-init-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'okr.js'), 'init', '--github'], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`okr init --github failed: ${run.stderr}`);
  return { files: [...filesUnder(path.join(dir, '.github')), ...filesUnder(path.join(dir, 'okrs'))], dir };
}

export function checkVersions(root: string): string[] {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const init = initOutput(root);
  try {
    const sources: [string, string][] = [
      ...[...filesUnder(path.join(root, 'template')), path.join(root, 'README.md'), ...filesUnder(path.join(root, 'docs')).filter((file) => file.endsWith('.md'))]
        .concat(filesUnder(path.join(root, '.github', 'workflows')), [path.join(root, 'action', 'action.yml'), path.join(root, 'site', 'action.yml')])
        .map((file) => [path.relative(root, file), file] as [string, string]),
      ...init.files.map((file) => [`okr init --github: ${path.relative(init.dir, file)}`, file] as [string, string]),
    ];
    return sources
      .flatMap(([shown, file]) => versionProblemsIn(shown, readFileSync(file, 'utf8'), version))
      .map((problem) => `${problem.file}:${problem.line}: v${problem.found}, but package.json's version is ${version}`);
  } finally {
    rmSync(init.dir, { recursive: true, force: true });
  }
}

async function checkTemplate(work: string): Promise<string[]> {
  const period = templatePeriod();
  if (period === undefined) return ['template/ has no example objective: run `npm run template`'];
  const fresh = path.join(work, 'template');
  await writeTemplate(period, fresh);
  const committed = path.join(ROOT, 'template');
  const names = (dir: string) => filesUnder(dir).map((file) => path.relative(dir, file));
  const all = [...new Set([...names(fresh), ...names(committed)])].sort();
  const stale = all.filter(
    (name) => !existsSync(path.join(fresh, name)) || !existsSync(path.join(committed, name)) || readFileSync(path.join(fresh, name), 'utf8') !== readFileSync(path.join(committed, name), 'utf8'),
  );
  return stale.map((name) => `template/${name} is not what \`npm run template\` writes: run it and commit template/`);
}

async function checkBundle(work: string): Promise<string[]> {
  const fresh = path.join(work, 'index.js');
  await buildAction(fresh);
  return readFileSync(fresh, 'utf8') === readFileSync(ACTION_BUNDLE, 'utf8') ? [] : ['action/dist/index.js is stale: run `npm run build:action` and commit it'];
}

function checkPackage(work: string, keep: string | undefined): string[] {
  const tarball = packPackage(work);
  if (keep !== undefined) {
    mkdirSync(keep, { recursive: true });
    copyFileSync(tarball, path.join(keep, path.basename(tarball)));
  }
  const repo = path.join(work, 'repo');
  cpSync(path.join(ROOT, 'template'), repo, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=release-check', '-c', 'user.email=release-check@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'Start from the template');
  installPackage(repo, tarball, ['astro']);
  const problems: string[] = [];
  const bin = path.join(repo, 'node_modules', '.bin', 'okr');
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
  const period = templatePeriod() ?? '';
  const [year, quarter] = period.split('-Q').map(Number);
  const now = `${year}-${String((quarter ?? 1) * 3).padStart(2, '0')}-01`;
  for (const args of [
    ['lint', '--now', now],
    ['build', '--now', now, '--out', path.join(work, 'site')],
  ]) {
    const run = spawnSync(bin, args, { cwd: repo, encoding: 'utf8', env });
    if (run.status !== 0) problems.push(`okr ${args[0]} in a repository made from template/ failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  if (problems.length === 0 && !existsSync(path.join(work, 'site', 'index.html'))) problems.push('okr build wrote no index.html');
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { only: { type: 'string' }, 'keep-tarball': { type: 'string' } } });
  const work = mkdtempSync(path.join(tmpdir(), 'okr-release-check-'));
  const checks: [string, () => string[] | Promise<string[]>][] = [['one version everywhere', () => checkVersions(ROOT)]];
  if (values.only === undefined) {
    checks.push(
      ['template/ is current', () => checkTemplate(work)],
      ['the action bundle is current', () => checkBundle(work)],
      ['npm pack, install, okr lint and okr build on template/', () => checkPackage(work, values['keep-tarball'] && path.resolve(values['keep-tarball']))],
    );
  } else if (values.only !== 'versions') {
    throw new Error(`--only takes \`versions\`, got \`${values.only}\``);
  }
  let failed = 0;
  try {
    for (const [name, check] of checks) {
      const started = performance.now();
      const problems = await check();
      const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
      if (problems.length === 0) {
        process.stdout.write(`✓ ${name} (${took})\n`);
      } else {
        failed++;
        process.stdout.write(`✗ ${name}\n${problems.map((problem) => `  ${problem}\n`).join('')}`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(failed === 0 ? 'Ready to release: everything but publishing passed.\n' : `${failed} check(s) failed; nothing to release yet.\n`);
  process.exitCode = failed === 0 ? 0 : 1;
}
