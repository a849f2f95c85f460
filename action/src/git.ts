/** The git the action needs beyond reading a tree and the history: the head and the base. */
import { gitText } from '../../src/git/run.ts';

/** The checked-out commit, or undefined in a repository without commits. */
export async function headCommit(repo: string): Promise<string | undefined> {
  return commitId(repo, 'HEAD');
}

export type BaseResolution = { sha: string } | { problem: string };

/**
 * The merge base of `base` and `head`: what the pull request started from.
 * A shallow checkout may lack it; fetch it (and deepen once) before giving up with advice.
 */
export async function resolveBase(repo: string, base: string, head: string): Promise<BaseResolution> {
  const advice = 'check out with `fetch-depth: 0` (actions/checkout) so the base is in the clone';
  let baseSha = await commitId(repo, base);
  if (!baseSha) {
    await tryGit(repo, ['fetch', '--no-tags', '--depth=100', 'origin', base]);
    baseSha = await commitId(repo, base);
  }
  if (!baseSha) return { problem: `The base \`${base}\` is not in this clone and could not be fetched; ${advice}` };
  let mergeBase = await tryGit(repo, ['merge-base', head, baseSha]);
  if (mergeBase === undefined && (await tryGit(repo, ['rev-parse', '--is-shallow-repository']))?.trim() === 'true') {
    await tryGit(repo, ['fetch', '--no-tags', '--deepen=500', 'origin']);
    mergeBase = await tryGit(repo, ['merge-base', head, baseSha]);
  }
  const sha = mergeBase?.trim();
  if (!sha) return { problem: `The head and the base \`${base}\` share no history in this clone; ${advice}` };
  return { sha };
}

async function commitId(repo: string, ref: string): Promise<string | undefined> {
  return (await tryGit(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]))?.trim() || undefined;
}

async function tryGit(repo: string, args: readonly string[]): Promise<string | undefined> {
  try {
    return await gitText(repo, args);
  } catch {
    return undefined;
  }
}
