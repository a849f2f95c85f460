/**
 * Reading one source of an organisation's site (org.yml): a published okrs.json, or a
 * repository through the GitHub API. Either way the answer is data for the site's side
 * (src/site/org-inputs.ts), which applies the same privacy rules as to local files.
 */
import type { OrgConfig, OrgSource } from '../core/org.ts';
import type { SourceRead } from './org-read.ts';

export interface SourceEnvironment {
  githubToken?: string;
  githubApiUrl: string;
}

export async function readOrgSource(source: OrgSource, config: OrgConfig, env: SourceEnvironment, now: string): Promise<SourceRead> {
  const timeoutMs = config.timeout_seconds * 1000;
  if ('url' in source) return (await import('./org-published.ts')).readPublishedSource(source, { timeoutMs });
  // Octokit is loaded only for a repository read through the API.
  return (await import('./org-github.ts')).readGitHubSource(source, { timeoutMs, now, token: env.githubToken, baseUrl: config.github_api ?? env.githubApiUrl });
}
