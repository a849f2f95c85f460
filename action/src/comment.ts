/** The sticky pull-request comment: the report under a hidden marker, within GitHub's size limit. */
import type { CheckReport } from './report.ts';
import { renderReport, type RenderOptions } from './summary.ts';

/** Finds our comment again on the next run; an HTML comment does not render. */
export const COMMENT_MARKER = '<!-- gitops-okr:okr-check -->';
/** GitHub rejects comment bodies over 65,536 characters; leave room for the marker and the footer. */
export const COMMENT_MAX_LENGTH = 60_000;

export function commentBody(report: CheckReport, options: RenderOptions, maxLength = COMMENT_MAX_LENGTH): string {
  const footer = options.links.runUrl ? `\n[Job summary of this run](${options.links.runUrl})\n` : '';
  let rowLimit: number | undefined;
  for (;;) {
    const body = `${COMMENT_MARKER}\n${renderReport(report, { ...options, rowLimit })}${footer}`;
    if (body.length <= maxLength || rowLimit === 0) return body.length <= maxLength ? body : `${body.slice(0, maxLength - 2)}…\n`;
    const rows = rowLimit ?? Math.max(...tableSizes(report));
    rowLimit = Math.floor(rows / 2);
  }
}

export function isOurComment(comment: { body?: string | null; user?: { login?: string } | null }, author: string): boolean {
  return (comment.body ?? '').startsWith(COMMENT_MARKER) && comment.user?.login === author;
}

function tableSizes(report: CheckReport): number[] {
  const problems = report.results.reduce((total, result) => total + result.messages.length, 0);
  const diff = report.diff;
  const changes = diff ? diff.objectivesAdded.length + diff.objectivesRemoved.length + diff.keyResultsAdded.length + diff.keyResultsRemoved.length : 0;
  return [problems, changes, diff?.moved.length ?? 0, 1];
}
