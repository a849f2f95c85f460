/** The git the action needs beyond reading a tree: the head, the base, and the versions of the OKR files. */
import { isOkrFile } from '../../src/core/workspace.ts';
import { BlobReader } from '../../src/git/cat-file.ts';
import { gitText } from '../../src/git/run.ts';
import type { FileVersion } from './checkins.ts';

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

/** Every version of every OKR file under `root`, oldest first: one `git log` and one `cat-file` reader. */
export async function readFileVersions(repo: string, root: string): Promise<FileVersion[]> {
  const log = await gitText(repo, ['-c', 'core.quotePath=false', 'log', '--reverse', '--no-renames', '--no-abbrev', '--raw', '--format=%x1e%H %cs', '--', root || '.']);
  const changes: { date: string; path: string; blob: string | undefined }[] = [];
  for (const entry of log.split('\x1e').slice(1)) {
    const [header = '', ...lines] = entry.split('\n');
    const date = header.split(' ')[1] ?? '';
    for (const line of lines) {
      const match = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*\t(.+)$/.exec(line);
      if (!match) continue;
      const [, blob = '', status, path = ''] = match;
      if (!isOkrFile(root, path) || !path.endsWith('.md') || path.endsWith('/mission.md') || path === 'mission.md') continue;
      changes.push({ date, path, blob: status === 'D' ? undefined : blob });
    }
  }
  const reader = new BlobReader(repo);
  try {
    const decoder = new TextDecoder();
    return await Promise.all(
      changes.map(async (change) => ({ date: change.date, path: change.path, text: change.blob === undefined ? undefined : decoder.decode((await reader.read(change.blob)) ?? new Uint8Array(0)) })),
    );
  } finally {
    await reader.close();
  }
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

