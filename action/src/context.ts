/** The action's inputs and the run it is part of, read from plain values so it can be tested without a runner. */
import { z } from 'zod';
import { isCalendarDate } from '../../src/core/schema.ts';

export interface Inputs {
  path: string;
  config: string | undefined;
  token: string;
  comment: boolean;
  failOn: 'error' | 'warning' | 'never';
  base: string | undefined;
  staleIssue: boolean;
  fromReport: string | undefined;
  now: string | undefined;
}

export function readInputs(input: (name: string) => string): Inputs {
  const optional = (name: string) => input(name).trim() || undefined;
  const failOn = optional('fail-on') ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') throw new Error(`Unexpected \`fail-on: ${failOn}\`; expected \`error\`, \`warning\` or \`never\``);
  const now = optional('now');
  if (now !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(now) && isCalendarDate(now))) throw new Error(`Unexpected \`now: ${now}\`; expected a date such as \`2026-11-02\``);
  return {
    path: optional('path') ?? 'okrs',
    config: optional('config'),
    token: input('github-token').trim(),
    comment: flag(input, 'comment', true),
    failOn,
    base: optional('base'),
    staleIssue: flag(input, 'stale-issue', false),
    fromReport: optional('from-report'),
    now,
  };
}

function flag(input: (name: string) => string, name: string, fallback: boolean): boolean {
  const value = input(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`Unexpected \`${name}: ${value}\`; expected \`true\` or \`false\``);
}

const EventSchema = z.looseObject({
  pull_request: z
    .looseObject({
      number: z.number().int().positive(),
      base: z.looseObject({ sha: z.string(), ref: z.string(), repo: z.looseObject({ full_name: z.string() }).optional() }),
      head: z.looseObject({ sha: z.string(), repo: z.looseObject({ full_name: z.string() }).nullable().optional() }),
    })
    .optional(),
  repository: z.looseObject({ default_branch: z.string().optional() }).optional(),
});

export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  serverUrl: string;
  apiUrl: string;
  runUrl: string | undefined;
  workspace: string;
  temp: string;
  defaultBranch: string;
  pullRequest: { number: number; baseSha: string; baseRef: string; headSha: string; fromFork: boolean } | undefined;
  /** Nightly or weekly runs (and manual ones), where `checkin-stale` speaks. */
  scheduled: boolean;
}

export function readContext(env: NodeJS.ProcessEnv, eventJson: string | undefined, cwd: string, tmp: string): RunContext {
  const event = EventSchema.parse(eventJson ? JSON.parse(eventJson) : {});
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/');
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const pr = event.pull_request;
  return {
    eventName,
    owner,
    repo,
    serverUrl,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    runUrl: env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    workspace: env.GITHUB_WORKSPACE || cwd,
    temp: env.RUNNER_TEMP || tmp,
    defaultBranch: event.repository?.default_branch ?? 'main',
    pullRequest: pr && {
      number: pr.number,
      baseSha: pr.base.sha,
      baseRef: pr.base.ref,
      headSha: pr.head.sha,
      fromFork: pr.head.repo?.full_name !== undefined && pr.base.repo?.full_name !== undefined && pr.head.repo.full_name !== pr.base.repo.full_name,
    },
    scheduled: eventName === 'schedule' || eventName === 'workflow_dispatch',
  };
}
