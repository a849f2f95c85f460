/**
 * `okr build`: the static progress site of a repository, built with Astro.
 * Files that cannot be used are listed on the site under "needs attention";
 * they fail the build only with `--strict`.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { terminalText } from '../core/terminal-text.ts';
import { parseHistory, type History } from '../core/history-types.ts';
import { buildWorkspace } from '../core/workspace.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { buildSite } from '../site/build-site.ts';
import type { Problem } from '../site/model.ts';
import { buildReport } from '../site/problems.ts';
import { reportBuilt, STRICT_HINT } from './built.ts';
import { colorsFor } from './colors.ts';
import { historyCache } from './history.ts';
import { parseNow, UsageError } from './usage.ts';

export interface BuildFlags {
  repo: string;
  out?: string;
  site?: string;
  base?: string;
  now?: string;
  strict?: boolean;
  history?: string;
  showProblems?: boolean;
  /** An org.yml: the sources of an organisation's site. */
  org?: string;
  cacheDir?: string;
  cache?: boolean;
}

export const DEFAULT_SITE = 'http://localhost:4321/';

export async function buildCommand(flags: BuildFlags): Promise<number> {
  const now = parseNow(flags.now);
  const repo = path.resolve(flags.repo);
  const out = path.resolve(flags.out ?? path.join(repo, 'dist'));
  const site = parseSite(flags.site);
  const base = parseBase(flags.base);
  const colors = colorsFor(process.stderr);
  if (flags.history !== undefined) {
    // A history file is input from anywhere: it is checked against the history schema before anything is built.
    const text = await readFile(path.resolve(flags.history), 'utf8').catch(() => {
      throw new UsageError(`--history: cannot read ${flags.history}`);
    });
    try {
      parseHistory(text, flags.history);
    } catch (error) {
      process.stderr.write(`okr build: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }
  if (flags.org !== undefined) {
    if (flags.history !== undefined) throw new UsageError("--org and --history do not go together: an organisation's site reads the history of each source");
    const org = { orgFile: flags.org, repo, out, now, site, base, showProblems: flags.showProblems ?? false, strict: flags.strict ?? false, historyCache: historyCache(flags), ...siteCache(flags) };
    return (await import('./build-org.ts')).buildOrg(org);
  }
  if (flags.history === undefined && !(await isFolder(path.join(repo, 'okrs')))) {
    const where = (await isFolder(repo)) ? `${repo} has no okrs/ folder` : `there is no folder ${repo}`;
    throw new UsageError(`Nothing to build: ${where}. The site is built from the OKR files in okrs/; run \`okr init\` to start them, or give --repo the repository that holds them`);
  }

  // Read here so a root that leads out of the repository is refused before anything starts; parsed (as the build
  // parses them again) only for --strict and for the output of a build that failed.
  const files = await readOkrTree('okrs', repo);
  const fileProblems = () => buildReport(buildWorkspace('okrs', files), undefined);
  const writeProblems = (list: readonly Problem[]) => {
    for (const problem of list) {
      const where = `${problem.path}${problem.line === null ? '' : `:${problem.line}`}`;
      process.stderr.write(`${colors.yellow('needs attention')} ${terminalText(where)}  ${terminalText(problem.message)}\n`);
    }
  };
  const problems = flags.strict ? fileProblems() : [];
  if (problems.length > 0) {
    writeProblems(problems);
    process.stderr.write(`okr build: ${problems.length} problem(s) in okrs/ and --strict is set; nothing was built\n`);
    process.stderr.write(`  hint: ${STRICT_HINT}\n`);
    return 1;
  }
  if (flags.site === undefined) {
    process.stderr.write(`okr build: no --site given; the feed, sitemap and canonical links use ${DEFAULT_SITE}\n`);
  }

  try {
    const { report } = await buildSite({
      repo,
      out,
      now,
      site,
      base,
      showProblems: flags.showProblems ?? false,
      historyCache: historyCache(flags),
      ...siteCache(flags),
      ...(flags.history ? { historyFile: path.resolve(flags.history) } : {}),
    });
    writeProblems(report);
  } catch (error) {
    writeProblems(flags.strict ? problems : fileProblems());
    process.stderr.write(`okr build: ${terminalText(error instanceof Error ? error.message : String(error), { newlines: true })}\n`);
    return 1;
  }
  await reportBuilt(out, now);
  return 0;
}

/**
 * With `--cache-dir`, the site's build cache (Astro's copy of the last build, the rendered bodies) is kept in
 * its `site/` beside the history cache, so that CI, which keeps that one folder between runs, rebuilds only the
 * pages a push changed. Without it, the cache stays beside the installed packages.
 */
function siteCache(flags: BuildFlags): { cacheDir?: string } {
  return flags.cacheDir === undefined || flags.cache === false ? {} : { cacheDir: path.join(path.resolve(flags.cacheDir), 'site') };
}

async function isFolder(folder: string): Promise<boolean> {
  return (await stat(folder).catch(() => undefined))?.isDirectory() ?? false;
}

export function parseSite(value: string | undefined): string {
  if (value === undefined) return DEFAULT_SITE;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  throw new UsageError(`--site takes the site's address such as https://jane.github.io, got \`${value}\``);
}

/** `my-okrs`, `/my-okrs` and `/my-okrs/` all mean `/my-okrs/`. */
export function parseBase(value: string | undefined): string {
  if (value === undefined || value.trim() === '' || value === '/') return '/';
  if (/[?#\\\s]/.test(value) || value.includes('..')) throw new UsageError(`--base takes a path such as /my-okrs/, got \`${value}\``);
  return `/${value.replace(/^\/+|\/+$/g, '')}/`;
}
