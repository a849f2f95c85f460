/**
 * A check-in that `okr sync` made carries `Okr-Sync: <source>` as the last line of its commit
 * message; the site reads it to mark the point as synced rather than typed.
 */
export const SYNC_TRAILER = 'Okr-Sync';

/** `okr import` marks each check-in it brings in with `Imported-From: <source> <key>`: what makes a second import skip it. */
export const IMPORT_TRAILER = 'Imported-From';

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

/**
 * A commit message as people read it: the `Okr-Sync:` and `Imported-From:` lines of its closing
 * trailer paragraph left out (the paragraph too, when nothing else is in it). They are bookkeeping
 * for the tool, which reads them from the history; other trailers and the note stay.
 */
export function withoutToolTrailers(message: string): string {
  const paragraphs = message.trimEnd().split(/\n[ \t]*\n/);
  if (paragraphs.length < 2) return message;
  const lines = paragraphs.at(-1)!.split('\n');
  if (!lines.every((line) => /^[A-Za-z][\w-]*: /.test(line))) return message;
  const kept = lines.filter((line) => !line.startsWith(`${SYNC_TRAILER}: `) && !line.startsWith(`${IMPORT_TRAILER}: `));
  if (kept.length === lines.length) return message;
  return [...paragraphs.slice(0, -1), ...(kept.length > 0 ? [kept.join('\n')] : [])].join('\n\n');
}
