/**
 * `okr build --org org.yml`: one site from the repository's own OKRs (if it has any) and the
 * sources org.yml lists. A source that cannot be read is reported here, with what came back and
 * a hint, and the site is built from the others. Every text from a source is untrusted: it is
 * made safe for the terminal here and escaped by the site where it lands.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseOrgConfig } from '../core/org.ts';
import { terminalText } from '../core/terminal-text.ts';
import { buildSite } from '../site/build-site.ts';
import type { Problem } from '../site/model.ts';
import type { SourceFailure } from '../site/org-inputs.ts';
import { reportBuilt } from './built.ts';
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
    if (options.strict && (org.failures.length > 0 || org.dangling.length > 0)) {
      strictStop = true;
      throw new Error('a source failed or an alignment dangles and --strict is set');
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
      org: { config: parsed.config, env, onRead },
    });
  } catch (error) {
    if (strictStop) {
      process.stderr.write('okr build: --strict is set and a source failed or an alignment dangles; nothing was built\n');
      return 1;
    }
    process.stderr.write(`okr build: ${terminalText(error instanceof Error ? error.message : String(error), { newlines: true })}\n`);
    return 1;
  }
  await reportBuilt(options.out, options.now);
  return 0;
}
