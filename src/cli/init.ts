/**
 * `okr init`: a mission, a period folder with one example objective, and a config.
 * `okr init --github`: the same in an existing repository, plus the workflows that check pull
 * requests and publish the site, and the Dependabot entry that keeps them current (like
 * `changeset init`). It never overwrites a file: what is already there is kept and named.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { DEPENDABOT_ENTRY, DEPENDABOT_PATH, dependabotFile, githubWorkflows, type ScaffoldFile } from '../core/github-templates.ts';
import { parseYaml, readYaml } from '../core/frontmatter.ts';
import { currentQuarter, starterFiles, type StarterKind } from '../core/templates.ts';
import { gitText } from '../git/run.ts';
import { toPosix } from '../io/read-tree.ts';
import { writeNew } from '../io/write-whole.ts';
import { parseNow, UsageError } from './usage.ts';

export interface InitFlags {
  dir: string;
  now?: string;
  github?: boolean;
}

export async function initCommand(flags: InitFlags): Promise<number> {
  const period = currentQuarter(parseNow(flags.now));
  const root = path.resolve(flags.dir);
  if (flags.github) return initGithub(root, period);
  await writeStarterFiles(root, period);
  process.stdout.write(`\nNext: edit the files, then run \`okr lint ${shown(root) || '.'}\`. On GitHub, \`okr init --github\` adds the workflows.\n`);
  return 0;
}

async function initGithub(okrs: string, period: string): Promise<number> {
  const repo = await repositoryRoot();
  if (okrs !== path.join(repo, 'okrs')) {
    throw new UsageError(`--github sets up workflows that read okrs/ at the root of the repository; run it in ${repo} without --dir`);
  }
  const branch = await defaultBranch(repo);
  await writeStarterFiles(okrs, period);
  for (const file of githubWorkflows({ version: packageJson.version, branch })) await writeIfMissing(repo, file);
  await writeDependabot(repo);
  process.stdout.write(
    `\nThe workflows run gitops-okr v${packageJson.version} and publish the site on pushes to ${branch}.\n` +
      'One step left, on GitHub: Settings → Pages → Source: GitHub Actions.\n' +
      'Then commit and push: git add okrs .github && git commit -m "OKRs with gitops-okr" && git push\n',
  );
  return 0;
}

async function writeStarterFiles(root: string, period: string): Promise<void> {
  for (const starter of starterFiles(period)) {
    const file = path.join(root, starter.name);
    const wrote = await writeNew(file, starter.render(schemaPathFor(file, starter.kind)));
    process.stdout.write(wrote ? `wrote ${shown(file)}\n` : `kept ${shown(file)} (already there)\n`);
  }
}

async function writeIfMissing(repo: string, scaffold: ScaffoldFile): Promise<boolean> {
  const file = path.join(repo, scaffold.path);
  const wrote = await writeNew(file, scaffold.content);
  process.stdout.write(wrote ? `wrote ${shown(file)}\n` : `kept ${shown(file)} (already there)\n`);
  return wrote;
}

/** A Dependabot config of the user's own is never rewritten: it gets advice instead. */
async function writeDependabot(repo: string): Promise<void> {
  if (await writeIfMissing(repo, dependabotFile())) return;
  const file = path.join(repo, DEPENDABOT_PATH);
  if (updatesGithubActions(await readFile(file, 'utf8'))) {
    process.stdout.write(`  ${shown(file)} already updates github-actions: new versions of the workflows arrive as pull requests\n`);
    return;
  }
  process.stdout.write(`  to get new versions of the workflows as pull requests, add this entry under \`updates:\` in ${shown(file)}:\n${DEPENDABOT_ENTRY}`);
}

function updatesGithubActions(text: string): boolean {
  // The one YAML reading of the project; a file that does not read as YAML has no such entry.
  const config = readYaml(parseYaml(text)).data;
  const updates = (config as { updates?: unknown } | null)?.updates;
  return (
    Array.isArray(updates) &&
    updates.some((entry: { 'package-ecosystem'?: unknown; directory?: unknown; directories?: unknown }) => {
      const folders = Array.isArray(entry?.directories) ? entry.directories : [entry?.directory];
      return entry?.['package-ecosystem'] === 'github-actions' && folders.includes('/');
    })
  );
}

async function repositoryRoot(): Promise<string> {
  try {
    return path.resolve((await gitText(process.cwd(), ['rev-parse', '--show-toplevel'])).trim());
  } catch {
    throw new UsageError(`--github sets up a git repository for GitHub, and ${process.cwd()} is not in one; run \`git init\` first, or run it in your repository`);
  }
}

/** The branch that publishes: the remote's default, else the branch checked out, else `main`. */
async function defaultBranch(repo: string): Promise<string> {
  for (const args of [
    ['symbolic-ref', '--short', '-q', 'refs/remotes/origin/HEAD'],
    ['symbolic-ref', '--short', '-q', 'HEAD'],
  ]) {
    try {
      const name = (await gitText(repo, args)).trim().replace(/^origin\//, '');
      if (name !== '') return name;
    } catch {
      // not set: try the next
    }
  }
  return 'main';
}

function shown(file: string): string {
  return toPosix(path.relative(process.cwd(), file));
}

/** Where editors find the JSON Schema: this repository's `schema/`, or the installed package's. */
export function schemaPathFor(file: string, kind: StarterKind): string | undefined {
  const candidates = [path.resolve('schema'), path.resolve('node_modules/gitops-okr/schema')];
  const folder = candidates.find((candidate) => existsSync(path.join(candidate, `${kind}.schema.json`)));
  return folder === undefined ? undefined : toPosix(path.relative(path.dirname(file), path.join(folder, `${kind}.schema.json`)));
}
