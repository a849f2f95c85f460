/** The sticky pull-request comment: the report under a hidden marker, within GitHub's size limit. */
import type { CheckReport } from './report.ts';
import { renderWithin, type RenderOptions } from './summary.ts';

/** Finds our comment again on the next run; an HTML comment does not render. */
export const COMMENT_MARKER = '<!-- gitops-okr:okr-check -->';
/** GitHub rejects comment bodies over 65,536 characters; leave room for the marker and the footer. */
export const COMMENT_MAX_LENGTH = 60_000;

export function commentBody(report: CheckReport, options: RenderOptions, maxLength = COMMENT_MAX_LENGTH): string {
  const footer = options.links.runUrl ? `\n[Job summary of this run](${options.links.runUrl})\n` : '';
  return `${COMMENT_MARKER}\n${renderWithin(report, options, maxLength - COMMENT_MARKER.length - 1 - footer.length)}${footer}`;
}

export function isOurComment(comment: { body?: string | null; user?: { login?: string } | null }, author: string): boolean {
  return (comment.body ?? '').startsWith(COMMENT_MARKER) && comment.user?.login === author;
}
