/** Talking to GitHub: one Octokit with retries and rate-limit handling; comments and the stale check-ins issue. */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { isOurComment } from './comment.ts';
import { isOurIssue, STALE_ISSUE_TITLE } from './stale-issue.ts';

const Client = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof Client>;

/** Who comments when the token cannot say who it is (GITHUB_TOKEN cannot read `/user`). */
export const ACTIONS_BOT = 'github-actions[bot]';

export interface Repo {
  owner: string;
  repo: string;
}

export function createClient(token: string, baseUrl: string, log: (message: string) => void): GitHubClient {
  return new Client({
    auth: token,
    baseUrl,
    userAgent: 'gitops-okr-action',
    // Failed requests the action handles itself (a 403 on a fork) are not worth an error line.
    log: { debug: () => {}, info: () => {}, warn: log, error: () => {} },
    throttle: {
      onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        log(`Rate limited on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        log(`Secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
        return retryCount < 1;
      },
    },
  });
}

/** The login the token acts as; GITHUB_TOKEN may not read it, and then it is the Actions bot. */
export async function tokenLogin(client: GitHubClient): Promise<string> {
  try {
    return (await client.rest.users.getAuthenticated()).data.login;
  } catch {
    return ACTIONS_BOT;
  }
}

/** Updates our comment on the pull request (found by marker and author on any page), or creates it. */
export async function upsertComment(client: GitHubClient, where: Repo & { issue: number; author: string }, body: string): Promise<'created' | 'updated'> {
  const comments = await client.paginate(client.rest.issues.listComments, { owner: where.owner, repo: where.repo, issue_number: where.issue, per_page: 100 });
  const ours = comments.find((comment) => isOurComment(comment, where.author));
  if (ours) {
    await client.rest.issues.updateComment({ owner: where.owner, repo: where.repo, comment_id: ours.id, body });
    return 'updated';
  }
  await client.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: where.issue, body });
  return 'created';
}

/** Opens, updates or closes the one stale check-ins issue. */
export async function syncStaleIssue(client: GitHubClient, where: Repo & { author: string }, body: string | undefined): Promise<'created' | 'updated' | 'closed' | 'none'> {
  const issues = await client.paginate(client.rest.issues.listForRepo, { owner: where.owner, repo: where.repo, state: 'open', per_page: 100 });
  const ours = issues.find((issue) => isOurIssue(issue, where.author));
  if (body === undefined) {
    if (!ours) return 'none';
    await client.rest.issues.update({ owner: where.owner, repo: where.repo, issue_number: ours.number, state: 'closed', state_reason: 'completed' });
    return 'closed';
  }
  if (ours) {
    await client.rest.issues.update({ owner: where.owner, repo: where.repo, issue_number: ours.number, body });
    return 'updated';
  }
  await client.rest.issues.create({ owner: where.owner, repo: where.repo, title: STALE_ISSUE_TITLE, body });
  return 'created';
}

/** The head commit of a pull request, to check that a report belongs to it. */
export async function pullRequestHead(client: GitHubClient, where: Repo & { number: number }): Promise<string> {
  return (await client.rest.pulls.get({ owner: where.owner, repo: where.repo, pull_number: where.number })).data.head.sha;
}

/** 403: a read-only token (a fork's pull request) — not the check's failure. */
export function isForbidden(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 403;
}
