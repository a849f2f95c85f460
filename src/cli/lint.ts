/** `okr lint [paths…]`: read the trees, lint them, print in the chosen format. */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { lintChange, mergeResults } from '../core/lint-change.ts';
import { lintWorkspace, totals, type LintResult } from '../core/lint.ts';
import { rules } from '../core/rules/index.ts';
import { buildWorkspace, type SourceFile } from '../core/workspace.ts';
import { formatGithub } from '../format/github.ts';
import { formatJson } from '../format/json.ts';
import { formatSarif } from '../format/sarif.ts';
import { formatStylish } from '../format/stylish.ts';
import { GitError, gitText } from '../git/run.ts';
import { readTreeAt } from '../git/snapshot.ts';
import { readOkrTree, toPosix } from '../io/read-tree.ts';
import { colorsFor } from './colors.ts';
import { parseNow, UsageError } from './usage.ts';
import { plural } from '../core/words.ts';

export interface LintFlags {
  format: 'stylish' | 'json' | 'github' | 'sarif';
  maxWarnings?: number;
  now?: string;
  /** Also run the rules that judge a change (`target-eased`, `kr-removed-mid-period`) against this ref. */
  base?: string;
}

export async function lintCommand(paths: string[], flags: LintFlags): Promise<number> {
  const now = parseNow(flags.now);
  const results = await lintPaths(paths, now, process.cwd(), flags.base);
  process.stdout.write(render(results, flags.format));
  const { errorCount, warningCount } = totals(results);
  if (errorCount > 0) return 1;
  if (flags.maxWarnings !== undefined && warningCount > flags.maxWarnings) {
    if (flags.format === 'stylish') process.stderr.write(`okr: ${plural(warningCount, 'warning')}, more than --max-warnings ${flags.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/**
 * Lints whole trees: a folder is checked within the tree it belongs to, as a
 * file is (cross-file rules such as the mission above need its neighbours), and
 * only the results inside it are kept. A tree is the nearest folder called
 * `okrs` above the path, or the folder itself.
 */
export async function lintPaths(paths: readonly string[], now: string, cwd = process.cwd(), base?: string): Promise<LintResult[]> {
  const above = await okrFolderAbove(cwd);
  if (above !== undefined) {
    // Inside okrs/ the tree is the folder above: lint from beside it and name files as they are seen from here.
    const from = path.dirname(above);
    const found = await lintPaths(
      paths.map((given) => toPosix(path.relative(from, path.resolve(cwd, given))) || '.'),
      now,
      from,
      base,
    );
    return found.map((result) => ({ ...result, path: toPosix(path.relative(cwd, path.join(from, result.path))) }));
  }
  const baseCommit = base === undefined ? undefined : await mergeBase(cwd, base);
  const trees = new Map<string, Set<string> | 'all'>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UsageError(`No such file or folder: ${given}${given === 'okrs' ? ' (run `okr init` to create one)' : ''}`);
    const relative = toPosix(path.relative(cwd, absolute)) || '.';
    const root = info.isDirectory() ? treeOfFolder(relative) : treeOf(relative);
    const selected = trees.get(root);
    if (selected === 'all') continue;
    if (root === relative) trees.set(root, 'all');
    else trees.set(root, new Set([...(selected ?? []), info.isDirectory() ? `${relative}/` : relative]));
  }
  const results: LintResult[] = [];
  for (const [root, selected] of trees) {
    const workspace = buildWorkspace(root === '.' ? '' : root, await readOkrTree(root, cwd));
    let found = lintWorkspace(workspace, { now });
    if (baseCommit !== undefined) {
      const before = buildWorkspace(workspace.root, await treeAtCommit(cwd, baseCommit, workspace.root));
      found = mergeResults(found, lintChange({ base: before, head: workspace, now, scheduled: false }));
    }
    for (const result of found) {
      if (selected === 'all' || [...selected].some((chosen) => (chosen.endsWith('/') ? result.path.startsWith(chosen) : result.path === chosen))) results.push(result);
    }
  }
  return results;
}

/** What `base` and HEAD have in common: what a branch started from. */
async function mergeBase(cwd: string, base: string): Promise<string> {
  try {
    return (await gitText(cwd, ['merge-base', base, 'HEAD'])).trim();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new UsageError(`--base \`${base}\` is not a commit that shares history with HEAD here: ${error.stderr.trim() || error.message}`);
  }
}

/** The files of `root` (relative to `cwd`) at `commit`, with paths as `okr lint` names them. */
async function treeAtCommit(cwd: string, commit: string, root: string): Promise<SourceFile[]> {
  const prefix = (await gitText(cwd, ['rev-parse', '--show-prefix'])).trim();
  const inRepo = path.posix.normalize(`${prefix}${root || '.'}`).replace(/\/$/, '');
  const files = await readTreeAt(cwd, commit, inRepo === '.' ? '' : inRepo);
  return files.map((file) => ({ ...file, path: path.posix.relative(prefix.replace(/\/$/, '') || '.', file.path) }));
}

/**
 * The nearest folder called `okrs` at or above `cwd`, when `cwd` is inside one (`okr lint .` from
 * okrs/2026-q4 checks that folder within its tree). Only a folder inside the git repository counts:
 * nothing is read outside the repository (outside git, `cwd` bounds what is read).
 */
async function okrFolderAbove(cwd: string): Promise<string | undefined> {
  const segments = path.resolve(cwd).split(path.sep);
  const index = segments.lastIndexOf('okrs');
  if (index === -1) return undefined;
  const folder = segments.slice(0, index + 1).join(path.sep) || path.sep;
  const top = await gitText(cwd, ['rev-parse', '--show-toplevel']).then(
    (text) => text.trim(),
    () => undefined,
  );
  if (top === undefined) return undefined;
  const inside = path.relative(await realpath(top), await realpath(folder));
  return inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside) ? folder : undefined;
}

/** The tree a file belongs to: its nearest folder called `okrs`, or its own folder. */
function treeOf(file: string): string {
  const segments = file.split('/');
  const index = segments.lastIndexOf('okrs', segments.length - 2);
  return index === -1 ? segments.slice(0, -1).join('/') || '.' : segments.slice(0, index + 1).join('/');
}

/** The tree a folder belongs to: the nearest folder called `okrs` at or above it, or the folder itself. */
function treeOfFolder(folder: string): string {
  const segments = folder.split('/');
  const index = segments.lastIndexOf('okrs');
  return index === -1 ? folder : segments.slice(0, index + 1).join('/');
}

function render(results: readonly LintResult[], format: LintFlags['format']): string {
  switch (format) {
    case 'json':
      return formatJson(results, (file) => path.resolve(file));
    case 'github':
      return formatGithub(results);
    case 'sarif':
      return formatSarif(results, rules, packageJson.version);
    default:
      return formatStylish(results, colorsFor(process.stdout));
  }
}
