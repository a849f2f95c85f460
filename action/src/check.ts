/** One check of a repository: the head tree linted, compared with the base, as a report. */
import { diffWorkspaces } from '../../src/core/diff.ts';
import { lintChange, mergeResults } from '../../src/core/lint-change.ts';
import { lintWorkspace, type LintResult } from '../../src/core/lint.ts';
import { parseConfig } from '../../src/core/parse.ts';
import { decodeSource } from '../../src/core/source.ts';
import { buildWorkspace, validObjectives, type SourceFile, type Workspace } from '../../src/core/workspace.ts';
import { readHistory } from '../../src/git/history.ts';
import { GitError, runGit } from '../../src/git/run.ts';
import { readTreeAt } from '../../src/git/snapshot.ts';
import { changedPaths, planAnnotations, type AnnotationPlan } from './annotations.ts';
import { lastCheckins } from './checkins.ts';
import { headCommit, resolveBase } from './git.ts';
import type { CheckReport } from './report.ts';

export interface CheckOptions {
  repo: string;
  root: string;
  /** A config file other than `<root>/config.yml`. */
  configPath: string | undefined;
  /** Compare with this ref or commit (through the merge base); none on scheduled runs. */
  base: string | undefined;
  pullRequest: number | undefined;
  scheduled: boolean;
  now: string;
}

export interface CheckOutcome {
  report: CheckReport;
  plan: AnnotationPlan;
  /** OKR files at the head. */
  files: number;
  /** Objective id by path, at the head. */
  objectiveIds: Map<string, string>;
}

/** Undefined when the repository has no commit to check. */
export async function checkRepository(options: CheckOptions): Promise<CheckOutcome | undefined> {
  const head = await headCommit(options.repo);
  if (!head) return undefined;
  const headFiles = await readTreeAt(options.repo, head, options.root);
  const headWorkspace = await withConfig(buildWorkspace(options.root, headFiles), options, head);

  const resolved = options.base === undefined ? undefined : await resolveBase(options.repo, options.base, head);
  const base = resolved && 'sha' in resolved ? resolved.sha : undefined;
  const baseFiles = base ? await readTreeAt(options.repo, base, options.root) : undefined;
  const baseWorkspace = base && baseFiles ? await withConfig(buildWorkspace(options.root, baseFiles), options, base) : undefined;

  const lastCheckin = options.scheduled ? lastCheckins(await readHistory(options.repo, { now: options.now, root: options.root })) : undefined;
  const results: LintResult[] = mergeResults(
    lintWorkspace(headWorkspace, { now: options.now }),
    lintChange({ base: baseWorkspace, head: headWorkspace, now: options.now, scheduled: options.scheduled, lastCheckin }),
  );
  const changed = baseFiles ? changedPaths(baseFiles, headFiles) : new Set<string>();
  const plan = planAnnotations(results, changed);
  const objectives = validObjectives(headWorkspace);
  return {
    plan,
    files: headFiles.length,
    objectiveIds: new Map(headWorkspace.objectives.map((objective) => [objective.path, objective.id])),
    report: {
      version: 1,
      pullRequest: options.pullRequest ?? null,
      base: base ?? null,
      head,
      baseProblem: resolved && 'problem' in resolved ? resolved.problem : null,
      results,
      diff: baseWorkspace ? diffWorkspaces(baseWorkspace, headWorkspace) : null,
      annotations: { total: plan.total, hidden: plan.hidden },
      checkins: objectives.filter((objective) => changed.has(objective.path)).map((objective) => ({ objective: objective.id, path: objective.path, title: objective.data.title })),
    },
  };
}

/** `config:` names a config file elsewhere in the repository; it is read as data, like `config.yml`. */
async function withConfig(workspace: Workspace, options: CheckOptions, commit: string): Promise<Workspace> {
  if (options.configPath === undefined) return workspace;
  const file: SourceFile = { path: options.configPath, bytes: await readBlob(options.repo, commit, options.configPath) };
  const decoded = decodeSource(file.bytes, file.size);
  if (!decoded.ok) return { ...workspace, config: undefined, unreadable: [...workspace.unreadable, { path: file.path, finding: decoded.finding }] };
  return { ...workspace, config: parseConfig(file.path, decoded.text) };
}

async function readBlob(repo: string, commit: string, path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await runGit(repo, ['cat-file', 'blob', `${commit}:${path}`]));
  } catch (error) {
    if (error instanceof GitError) throw new Error(`The config file \`${path}\` does not exist at ${commit.slice(0, 7)}; check the \`config\` input`);
    throw error;
  }
}
