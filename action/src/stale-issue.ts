/** The one issue that lists key results without a recent check-in, found again by its marker. */
import type { LintResult } from '../../src/core/lint.ts';
import { checkinLink, type RepositoryLinks } from './edit-link.ts';
import { codeSpan, escapeMessage } from './escape.ts';

export const STALE_ISSUE_MARKER = '<!-- gitops-okr:stale-checkins -->';
export const STALE_ISSUE_TITLE = 'OKR check-ins overdue';

export interface StaleKeyResult {
  path: string;
  line: number;
  message: string;
}

export function staleKeyResults(results: readonly LintResult[]): StaleKeyResult[] {
  return results.flatMap((result) => result.messages.filter((message) => message.ruleId === 'checkin-stale').map((message) => ({ path: result.path, line: message.line, message: message.message })));
}

/** `objectiveIds` maps a path to its objective id, for the editor link's commit message. */
export function staleIssueBody(stale: readonly StaleKeyResult[], links: RepositoryLinks, objectiveIds: ReadonlyMap<string, string>): string {
  const lines = stale.slice(0, 500).map((item) => {
    const link = checkinLink(links, item.path, objectiveIds.get(item.path) ?? item.path);
    return `- [ ] ${codeSpan(`${item.path}:${item.line}`)} ${escapeMessage(item.message)} ([check in](${link}))`;
  });
  const more = stale.length > 500 ? [`…and ${stale.length - 500} more.`] : [];
  return [
    STALE_ISSUE_MARKER,
    `These key results have had no check-in for 14 days or more while their period runs. Update \`current\` (or \`done\`) and \`confidence\`; this issue closes itself once none are left.`,
    '',
    ...lines,
    ...more,
    '',
  ].join('\n');
}

export function isOurIssue(issue: { body?: string | null; user?: { login?: string } | null; pull_request?: unknown }, author: string): boolean {
  return issue.pull_request === undefined && (issue.body ?? '').startsWith(STALE_ISSUE_MARKER) && issue.user?.login === author;
}
