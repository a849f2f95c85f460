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
    Object.entries(permissions ?? {}).filter(([, level]) => level === 'write').map(([scope]) => `${file}:${job}:${scope}`),
  );
}
