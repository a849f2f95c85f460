/**
 * The web address of a repository, for links from the public site to its commits: taken from the
 * `origin` remote, in the forms git accepts (`https://host/owner/name.git`, `git@host:owner/name.git`,
 * `ssh://git@host/owner/name`). Only the host and path are kept: a user name or token in the remote's
 * address never reaches a published file. A remote on disk, or none, gives no address.
 */
import { GitError, gitText } from './run.ts';

export async function repositoryWebAddress(repo: string): Promise<string | undefined> {
  let remote: string;
  try {
    remote = (await gitText(repo, ['config', '--get', 'remote.origin.url'])).trim();
  } catch (error) {
    if (error instanceof GitError || (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return webAddress(remote);
}

/** `https://host/path` for a remote address that names a host and a path; undefined for anything else. */
export function webAddress(remote: string): string | undefined {
  // scp-like syntax: [user@]host:path, where the host has no slash before the colon.
  const scp = /^(?:[^@/\s]+@)?([A-Za-z0-9.-]+):(?!\/)([^\s]+)$/.exec(remote);
  let host: string;
  let pathname: string;
  if (scp && !/^[A-Za-z]:/.test(remote.slice(0, 2)) && scp[1]!.includes('.')) {
    host = scp[1]!;
    pathname = `/${scp[2]!}`;
  } else {
    let url: URL;
    try {
      url = new URL(remote);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol) || url.hostname === '') return undefined;
    host = url.hostname;
    pathname = url.pathname;
  }
  const clean = pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  const segments = clean.split('/').filter((segment) => segment !== '');
  if (segments.length < 2 || segments.some((segment) => segment === '.' || segment === '..' || !/^[A-Za-z0-9._~-]+$/.test(segment))) return undefined;
  return `https://${host.toLowerCase()}/${segments.join('/')}`;
}
