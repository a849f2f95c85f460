import { describe, expect, test } from 'vitest';
import { readContext, readInputs } from '../../action/src/context.ts';

const inputsOf = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readInputs', () => {
  test('defaults', () => {
    expect(readInputs(inputsOf({ 'github-token': 't' }))).toEqual({
      path: 'okrs',
      config: undefined,
      token: 't',
      comment: true,
      failOn: 'error',
      base: undefined,
      staleIssue: false,
      fromReport: undefined,
      now: undefined,
    });
  });

  test.each([
    ['fail-on', 'warnings', 'Unexpected `fail-on: warnings`; expected `error`, `warning` or `never`'],
    ['comment', 'yes', 'Unexpected `comment: yes`; expected `true` or `false`'],
    ['now', '2026-02-30', 'Unexpected `now: 2026-02-30`; expected a date such as `2026-11-02`'],
  ])('refuses %s: %s', (name, value, message) => {
    expect(() => readInputs(inputsOf({ [name]: value }))).toThrow(message);
  });
});

describe('readContext', () => {
  const env = { GITHUB_REPOSITORY: 'jane/okrs', GITHUB_EVENT_NAME: 'pull_request', GITHUB_RUN_ID: '42', GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t' };
  const event = (headRepo: string) =>
    JSON.stringify({ pull_request: { number: 7, base: { sha: 'b', ref: 'main', repo: { full_name: 'jane/okrs' } }, head: { sha: 'h', repo: { full_name: headRepo } } } });

  test('reads the pull request and the run', () => {
    const context = readContext(env, event('jane/okrs'), '/cwd', '/tmp');
    expect(context).toMatchObject({
      owner: 'jane',
      repo: 'okrs',
      apiUrl: 'https://api.github.com',
      runUrl: 'https://github.com/jane/okrs/actions/runs/42',
      workspace: '/w',
      temp: '/t',
      scheduled: false,
    });
    expect(context.pullRequest).toEqual({ number: 7, baseSha: 'b', baseRef: 'main', headSha: 'h', fromFork: false });
  });

  test('knows a fork', () => {
    expect(readContext(env, event('mallory/okrs'), '/cwd', '/tmp').pullRequest?.fromFork).toBe(true);
  });

  test('scheduled and manual runs are scheduled runs', () => {
    expect(readContext({ ...env, GITHUB_EVENT_NAME: 'schedule' }, '{}', '/cwd', '/tmp')).toMatchObject({ scheduled: true, pullRequest: undefined });
    expect(readContext({ ...env, GITHUB_EVENT_NAME: 'workflow_dispatch' }, undefined, '/cwd', '/tmp').scheduled).toBe(true);
  });
});
