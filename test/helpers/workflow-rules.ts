/** Checks shared by every workflow this project ships: its own, template/'s, and `okr init --github`'s. */
import { parse } from 'yaml';

export interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface Job {
  permissions?: Record<string, string>;
  uses?: string;
  with?: Record<string, unknown>;
  steps?: Step[];
  if?: string;
}

export interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

export function parseWorkflow(text: string): Workflow {
  const workflow = parse(text) as Workflow;
  // `on: pull_request` (a string) and `on: [push]` (a list) mean the same as the mapping form.
  if (typeof workflow.on === 'string') workflow.on = { [workflow.on]: null };
  if (Array.isArray(workflow.on)) workflow.on = Object.fromEntries((workflow.on as string[]).map((event) => [event, null]));
  return workflow;
}

const OWN = 'gitops-okr/gitops-okr/';

/**
 * Every `uses:` that is not a local path must be pinned: third-party actions by full commit
 * with a version comment, gitops-okr's own actions and workflows by the tag of `version`.
 */
export function pinProblems(text: string, version: string): string[] {
  const problems: string[] = [];
  for (const [line, target = '', rest = ''] of [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)]) {
    if (target.startsWith('./')) continue;
    if (target.startsWith(OWN)) {
      if (!target.endsWith(`@v${version}`) || rest.trim() !== '') problems.push(`${line.trim()}: expected gitops-okr's own to be pinned to v${version}`);
    } else if (!/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/.test(target) || !/^ # v\d+\.\d+\.\d+$/.test(rest)) {
      problems.push(`${line.trim()}: expected a full commit and a version comment`);
    }
  }
  return problems;
}

/** `file:job:scope` for every permission a job is granted at `write`. */
export function writeGrants(file: string, workflow: Workflow): string[] {
  return Object.entries(workflow.jobs).flatMap(([job, { permissions }]) =>
    Object.entries(permissions ?? {})
      .filter(([, level]) => level === 'write')
      .map(([scope]) => `${file}:${job}:${scope}`),
  );
}

/** What a caller must grant a reusable workflow: the union of its jobs' permissions (`write` also reads). */
export function neededGrants(reusable: Workflow): Record<string, string> {
  const needed: Record<string, string> = {};
  for (const job of Object.values(reusable.jobs)) {
    for (const [scope, level] of Object.entries(job.permissions ?? {})) if (needed[scope] !== 'write') needed[scope] = level;
  }
  return needed;
}

/**
 * Problems of a workflow that gitops-okr puts into a user's repository (template/ and
 * `okr init --github`): it must call one of gitops-okr's reusable workflows at `version`,
 * grant exactly what that workflow's jobs need, nothing at the top, and never run on
 * `pull_request_target`. `reusables` maps a reusable workflow's file name to its text.
 */
export function shippedWorkflowProblems(text: string, version: string, reusables: ReadonlyMap<string, string>): string[] {
  const workflow = parseWorkflow(text);
  const problems = pinProblems(text, version);
  if (text.includes('pull_request_target')) problems.push('runs on pull_request_target');
  if (JSON.stringify(workflow.permissions) !== '{}') problems.push('grants permissions at the top (expected `permissions: {}`)');
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const called = job.uses?.match(/^gitops-okr\/gitops-okr\/\.github\/workflows\/([\w-]+\.yml)@/)?.[1];
    const reusable = called === undefined ? undefined : reusables.get(called);
    if (reusable === undefined) {
      problems.push(`job ${name} does not call a reusable workflow of gitops-okr (uses: ${job.uses ?? 'none'})`);
      continue;
    }
    const needed = neededGrants(parseWorkflow(reusable));
    if (JSON.stringify(sorted(job.permissions ?? {})) !== JSON.stringify(sorted(needed))) {
      problems.push(`job ${name} grants ${JSON.stringify(job.permissions ?? {})}, ${called} needs ${JSON.stringify(needed)}`);
    }
  }
  return problems;
}

function sorted(record: Record<string, string>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}
