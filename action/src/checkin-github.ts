/**
 * The GitHub calls of a check-in from a comment. The commit goes through the contents API: one
 * request that writes one file on the default branch with the commenter as author, and refuses
 * (409) when the file changed since it was read, so a concurrent push is never overwritten. The
 * action never pushes with git, so no token lands in a git config.
 */
import type { GitHubClient, Repo } from './github.ts';

/** `admin`, `maintain` and `write` may check in; `triage`, `read` and `none` may not. */
export async function canWrite(client: GitHubClient, where: Repo & { login: string }): Promise<boolean> {
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ owner: where.owner, repo: where.repo, username: where.login });
    const role = (data as { role_name?: string }).role_name;
    return data.permission === 'admin' || data.permission === 'write' || role === 'maintain';
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}

export interface RepositoryFile {
  text: string;
  sha: string;
}

export async function readRepositoryFile(client: GitHubClient, where: Repo & { path: string; branch: string }): Promise<RepositoryFile> {
  const { data } = await client.rest.repos.getContent({ owner: where.owner, repo: where.repo, path: where.path, ref: where.branch });
  if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) throw new Error(`${where.path} on ${where.branch} is not a file`);
  return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
}

export async function commitRepositoryFile(
  client: GitHubClient,
  where: Repo & { path: string; branch: string; sha: string },
  change: { text: string; message: string; author: { name: string; email: string } },
): Promise<string> {
  const { data } = await client.rest.repos.createOrUpdateFileContents({
    owner: where.owner,
    repo: where.repo,
    path: where.path,
    branch: where.branch,
    sha: where.sha,
    message: change.message,
    content: Buffer.from(change.text, 'utf8').toString('base64'),
    author: change.author,
    // A 409 means the file moved on: asking again cannot help.
    request: { retries: 0 },
  });
  return data.commit.sha ?? '';
}

export async function reply(client: GitHubClient, where: Repo & { issue: number }, body: string): Promise<void> {
  await client.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: where.issue, body });
}
