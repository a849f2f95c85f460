/** Links into GitHub's web editor, prefilled for the next check-in. */
import { urlComponent } from './escape.ts';

export interface RepositoryLinks {
  /** `https://github.com` or a GitHub Enterprise host. */
  serverUrl: string;
  /** `owner/name`. */
  repository: string;
  /** Branch the check-ins land on, usually the default branch. */
  branch: string;
  /** The run, for "the full list is in the job summary". */
  runUrl: string | undefined;
}

/** Opens the objective file in GitHub's editor with a commit message ready: `Check-in: <objective>`. */
export function checkinLink(links: RepositoryLinks, path: string, objectiveId: string): string {
  const [owner = '', name = ''] = links.repository.split('/');
  const segments = [owner, name, 'edit', ...links.branch.split('/'), ...path.split('/')].map(urlComponent);
  return `${links.serverUrl.replace(/\/+$/, '')}/${segments.join('/')}?message=${urlComponent(`Check-in: ${objectiveId}`)}`;
}
