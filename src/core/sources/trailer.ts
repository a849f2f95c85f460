/**
 * A check-in that `okr sync` made carries `Okr-Sync: <source>` as the last line of its commit
 * message; the site reads it to mark the point as synced rather than typed.
 */
export const SYNC_TRAILER = 'Okr-Sync';

export function syncCommitMessage(name: string, label: string, summary: string): string {
  return `synced from ${label}\n\n${name}: ${summary}\n\n${SYNC_TRAILER}: ${label}\n`;
}

/** The source a commit message names in its trailer, or undefined for a check-in by hand. */
export function syncedFrom(message: string): string | undefined {
  const paragraphs = message.trimEnd().split(/\n\s*\n/);
  const trailers = paragraphs.length > 1 ? (paragraphs.at(-1) ?? '') : '';
  const line = trailers.split('\n').find((each) => each.startsWith(`${SYNC_TRAILER}: `));
  return line?.slice(SYNC_TRAILER.length + 2).trim() || undefined;
}
