/**
 * `okr build --org org.yml`: one site from the repository's own OKRs (if it has any) and the
 * sources org.yml lists. A source that cannot be read is reported here, with what came back and
 * a hint, and the site is built from the others. Every text from a source is untrusted: it is
 * made safe for the terminal here and escaped by the site where it lands.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseOrgConfig } from '../core/org.ts';
import { terminalText } from '../core/terminal-text.ts';
import { buildWorkspace } from '../core/workspace.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { buildSite } from '../site/build-site.ts';
import type { SiteSettings } from '../site/inputs.ts';
import type { Problem } from '../site/model.ts';
import type { SourceFailure } from '../site/org-inputs.ts';
import { buildReport } from '../site/problems.ts';
import { reportBuilt, STRICT_HINT } from './built.ts';
import { colorsFor } from './colors.ts';
import { UsageError } from './usage.ts';

export interface BuildOrgOptions {
  orgFile: string;
  repo: string;
  out: string;
  now: string;
  site: string;
  base: string;
  showProblems: boolean;
  strict: boolean;
  /** For the repository's own history, as `--cache-dir` and `--no-cache` say. */
  historyCache: SiteSettings['historyCache'];
  /** Where the site's build cache is kept; by default beside the installed packages. */
  cacheDir?: string;
}

export const GITHUB_API = 'https://api.github.com';

export async function buildOrg(options: BuildOrgOptions): Promise<number> {
  const colors = colorsFor(process.stderr);
  const text = await readFile(path.resolve(options.orgFile), 'utf8').catch(() => {
    throw new UsageError(`--org: cannot read ${options.orgFile}`);
  });
  const parsed = parseOrgConfig(text);
  if (!parsed.ok) {
    for (const finding of parsed.findings) {
      process.stderr.write(`${options.orgFile}:${finding.line}:${finding.column}  ${colors.red('error')}  ${terminalText(finding.message)}\n`);
      if (finding.hint) process.stderr.write(`  ${terminalText(finding.hint, { newlines: true }).replace(/\n/g, '\n  ')}\n`);
    }
    process.stderr.write(`okr build: ${options.orgFile} is not a valid org.yml; nothing was built\n`);
    return 1;
  }
  // As a plain `--strict` build: a file of the repository's own okrs/ that cannot be used fails it (a source's files are its own build's).
  const ownProblems = options.strict ? await ownFileProblems(options.repo) : [];
  const env = { githubApiUrl: process.env.GITHUB_API_URL || GITHUB_API, ...(process.env.GITHUB_TOKEN ? { githubToken: process.env.GITHUB_TOKEN } : {}) };
  const say = (label: string, line: string) => process.stderr.write(`${label} ${terminalText(line)}\n`);
  // The sources are read while Astro starts (src/site/read-inputs.ts); what they gave is told before any page is built.
  let strictStop = false;
  const onRead = ({ report, org }: { report: Problem[]; org: { failures: SourceFailure[]; notes: { name: string; message: string }[]; dangling: Problem[] } }) => {
    for (const problem of report) say(colors.yellow('needs attention'), `${problem.path}${problem.line === null ? '' : `:${problem.line}`}  ${problem.message}`);
    for (const note of org.notes) say(colors.yellow('source'), `${note.name}: ${note.message}`);
    for (const problem of org.dangling) say(colors.yellow('warning'), `${problem.path}  ${problem.message}`);
    for (const failure of org.failures) {
      say(colors.red('source failed'), `${failure.name} (${failure.url}): ${failure.answer}; it is left out of the site`);
      process.stderr.write(`  hint: ${terminalText(failure.hint)}\n`);
    }
    const read = parsed.config.sources.length - org.failures.length;
    process.stderr.write(`okr build: ${read} of ${parsed.config.sources.length} source(s) read\n`);
    if (options.strict && (ownProblems.length > 0 || org.failures.length > 0 || org.dangling.length > 0)) {
      const found = [
        ...(ownProblems.length > 0 ? [`${ownProblems.length} problem(s) in okrs/`] : []),
        ...(org.failures.length > 0 ? [`${org.failures.length} failed source(s)`] : []),
        ...(org.dangling.length > 0 ? [`${org.dangling.length} dangling aligned_to`] : []),
      ];
      process.stderr.write(`okr build: --strict is set and there are ${found.join(', ')}; nothing was built\n`);
      process.stderr.write(`  hint: ${STRICT_HINT}\n`);
      strictStop = true;
      throw new Error('--strict is set and the inputs have problems');
    }
  };
  try {
    await buildSite({
      repo: options.repo,
      out: options.out,
      now: options.now,
      site: options.site,
      base: options.base,
      showProblems: options.showProblems,
      historyCache: options.historyCache,
      ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
      org: { config: parsed.config, env, onRead },
    });
  } catch (error) {
    // What failed and why was told as the sources were read.
    if (strictStop) return 1;
    process.stderr.write(`okr build: ${terminalText(error instanceof Error ? error.message : String(error), { newlines: true })}\n`);
    return 1;
  }
  await reportBuilt(options.out, options.now);
  return 0;
}

/** What a plain `okr build --strict` fails on: the current files of okrs/ that cannot be used, private ones included. */
async function ownFileProblems(repo: string): Promise<Problem[]> {
  const root = path.resolve(repo);
  if (!(await stat(path.join(root, 'okrs')).catch(() => undefined))?.isDirectory()) return [];
  return buildReport(buildWorkspace('okrs', await readOkrTree('okrs', root)), undefined);
}
