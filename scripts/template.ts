/**
 * Writes template/: what a repository made with "Use this template" holds, and nothing else.
 * Everything comes from the sources `okr init --github` writes from, so the two agree.
 * `npm run template` (after a version change); `-- --period 2027-Q1` moves the example
 * objective to another quarter (by default it keeps the one template/ already has).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import packageJson from '../package.json' with { type: 'json' };
import { dependabotFile, githubWorkflows, templateReadme, type ScaffoldFile } from '../src/core/github-templates.ts';
import { periodLabelPattern } from '../src/core/schema.ts';
import { currentQuarter, starterFiles } from '../src/core/templates.ts';
import { today } from '../src/core/period.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATE = path.join(ROOT, 'template');

export function templateFiles(version: string, period: string): ScaffoldFile[] {
  return [
    { path: 'README.md', content: templateReadme(version) },
    ...starterFiles(period).map((starter) => ({ path: `okrs/${starter.name}`, content: starter.render(undefined) })),
    ...githubWorkflows({ version, branch: 'main' }),
    dependabotFile(),
  ];
}

/** The period of the example objective in template/ (its folder under okrs/), if there is one. */
export function templatePeriod(template = TEMPLATE): string | undefined {
  const okrs = path.join(template, 'okrs');
  if (!existsSync(okrs)) return undefined;
  const folder = readdirSync(okrs, { withFileTypes: true }).find((entry) => entry.isDirectory());
  return folder?.name.toUpperCase();
}

export async function writeTemplate(period: string, template = TEMPLATE): Promise<ScaffoldFile[]> {
  const files = templateFiles(packageJson.version, period);
  await rm(template, { recursive: true, force: true });
  for (const file of files) {
    await mkdir(path.dirname(path.join(template, file.path)), { recursive: true });
    await writeFile(path.join(template, file.path), file.content);
  }
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { period: { type: 'string' } } });
  const period = values.period ?? templatePeriod() ?? currentQuarter(today());
  if (!periodLabelPattern.test(period)) throw new Error(`--period takes a period such as 2026-Q4, got \`${period}\``);
  const files = await writeTemplate(period);
  process.stdout.write(`wrote ${files.length} files into template/ (gitops-okr v${packageJson.version}, example objective in ${period})\n`);
}
