/**
 * The history cache: the history builder's state at the last first-parent commit read, in one
 * file per repository folder and OKR root, so the next run reads only the commits since. By
 * default the file lies in the repository's git folder (`.git/gitops-okr/`), never in the work
 * tree, so it is not committed and goes with the clone. Deleting it is always safe: the next
 * run reads the whole log and writes it again.
 *
 * A cache is only a shortcut, never a source: one that cannot be read, fails the schema, or
 * names another repository, root, format or version of gitops-okr is ignored with a warning.
 *
 * The file is three lines: a header (format, version, repository, root, head), checked before
 * anything else is read; the state as JSON; and the SHA-256 of the two lines before it, so a file
 * cut short or damaged is caught by one hash instead of a JSON parse that fails half-way.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import packageJson from '../../package.json' with { type: 'json' };
import { parseBuilderState, type BuilderState } from '../core/history-state.ts';
import { HistoryWarningSchema, type HistoryWarning } from '../core/history-types.ts';
import { writeWhole } from '../io/write-whole.ts';

/** Raised whenever the meaning or layout of a cached state changes; a cache of another format is read in full again. */
export const CACHE_FORMAT = 2;

const DayBoundsSchema = z.object({
  /** The latest day a commit kept as its own. */
  latestOwn: z.string().optional(),
  /** The latest day a commit was moved back to (a clock that was ahead). */
  latestMovedTo: z.string().optional(),
});

export type DayBounds = z.infer<typeof DayBoundsSchema>;

const CacheFileSchema = z.object({
  format: z.literal('gitops-okr history cache'),
  version: z.int(),
  tool: z.string(),
  /** The repository folder, resolved, and the OKR root inside it. */
  repo: z.string(),
  root: z.string(),
  /** The first-parent commit the state is after. */
  head: z.string().regex(/^[0-9a-f]{40,64}$/),
  days: DayBoundsSchema,
  /** Warnings about commit dates, newest commit first. */
  dateWarnings: z.array(HistoryWarningSchema),
  /** Checked on its own by `parseBuilderState`. */
  builder: z.unknown(),
});

export interface CachedHistory {
  head: string;
  days: DayBounds;
  dateWarnings: HistoryWarning[];
  builder: BuilderState;
}

export interface CacheLocation {
  file: string;
  repo: string;
  root: string;
}

/** The cache file of `<repo>/<root>`: in `dir` when given, else in `<git dir>/gitops-okr`. */
export function cacheLocation(repo: string, root: string, gitDir: string, dir?: string): CacheLocation {
  const resolved = path.resolve(repo);
  const key = createHash('sha256').update(`${resolved}\0${root}`).digest('hex').slice(0, 16);
  return { file: path.join(dir === undefined ? path.join(gitDir, 'gitops-okr') : path.resolve(dir), `history-v${CACHE_FORMAT}-${key}.json`), repo: resolved, root };
}

/** The cached state, or undefined (with a warning when a file was there but could not be trusted). */
export async function readCache(location: CacheLocation, warn: (message: string) => void): Promise<CachedHistory | undefined> {
  let text: string;
  try {
    text = await readFile(location.file, 'utf8');
  } catch (error) {
    // No file (or no folder) yet is the first run, not a problem.
    if (!['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) warn(`Cannot read the history cache ${location.file} (${(error as Error).message}); reading the whole history`);
    return undefined;
  }
  const ignored = (why: string) => {
    warn(`Ignored the history cache ${location.file}: ${why}. The whole history is read and the cache written again; deleting the file is always safe`);
    return undefined;
  };
  const headerEnd = text.indexOf('\n');
  let header: Record<string, unknown> | undefined;
  try {
    header = headerEnd === -1 ? undefined : (JSON.parse(text.slice(0, headerEnd)) as Record<string, unknown>);
  } catch {
    header = undefined;
  }
  if (header?.format !== 'gitops-okr history cache') return ignored('it is not a history cache');
  if (header.version !== CACHE_FORMAT || header.tool !== packageJson.version)
    return ignored(`it was written in format ${String(header.version)} by gitops-okr ${String(header.tool)}, and this is format ${CACHE_FORMAT} of ${packageJson.version}`);
  if (header.repo !== location.repo || header.root !== location.root)
    return ignored(`it belongs to ${String(header.repo)} (root \`${String(header.root)}\`), not ${location.repo} (root \`${location.root}\`)`);
  // The last line is the digest of everything before it: a file cut short or changed after it was written does not match.
  const digestStart = text.lastIndexOf('\n', text.length - 2) + 1;
  if (digestStart <= headerEnd + 1 || text.slice(digestStart).trimEnd() !== digestOf(text, digestStart)) return ignored('its content does not match its digest (cut short or damaged)');
  let data: unknown;
  try {
    data = { ...header, ...(JSON.parse(text.slice(headerEnd + 1, digestStart)) as object) };
  } catch {
    return ignored('it is not JSON (cut short or damaged)');
  }
  const parsed = CacheFileSchema.safeParse(data);
  const builder = parsed.success ? parseBuilderState(parsed.data.builder) : undefined;
  if (!parsed.success || !builder?.success) {
    const issue = parsed.success ? (builder as { path: (string | number)[]; message: string }) : { path: parsed.error.issues[0]?.path ?? [], message: parsed.error.issues[0]?.message ?? 'invalid' };
    const at = parsed.success ? ['builder', ...issue.path] : issue.path;
    return ignored(`it does not match the cache's schema (at \`${at.join('.')}\`: ${issue.message})`);
  }
  const { head: commit, days, dateWarnings } = parsed.data;
  return { head: commit, days, dateWarnings, builder: builder.state };
}

/** Writes the cache whole or not at all: a temp file beside it, then a rename. A failure is a warning; the history is right either way. */
export async function writeCache(location: CacheLocation, cached: CachedHistory, warn: (message: string) => void): Promise<void> {
  try {
    await writeWhole(location.file, cacheJson(location, cached));
  } catch (error) {
    warn(`Cannot write the history cache ${location.file} (${(error as Error).message}); the next run reads the whole history again`);
  }
}

/** The cache file's JSON, the long lists one element at a time. */
function* cacheJson(location: CacheLocation, { builder, head, ...cached }: CachedHistory): Generator<string> {
  const hash = createHash('sha256');
  for (const piece of cacheLines(location, { builder, head, ...cached })) {
    hash.update(piece);
    yield piece;
  }
  yield `${hash.digest('hex')}\n`;
}

/**
 * The SHA-256 of the UTF-8 of `text` up to `end`, in hex: a megabyte at a time, so a cache of tens of megabytes is
 * not encoded again as a whole (which would hold it twice). A piece never ends between the two halves of a surrogate pair.
 */
function digestOf(text: string, end: number): string {
  const hash = createHash('sha256');
  for (let start = 0; start < end;) {
    let stop = Math.min(start + (1 << 20), end);
    const last = text.charCodeAt(stop - 1);
    if (stop < end && last >= 0xd800 && last <= 0xdbff) stop++;
    hash.update(text.slice(start, stop));
    start = stop;
  }
  return hash.digest('hex');
}

/** The header line and the state line, the long lists one element at a time. */
function* cacheLines(location: CacheLocation, { builder, head, ...cached }: CachedHistory): Generator<string> {
  yield `${JSON.stringify({ format: 'gitops-okr history cache', version: CACHE_FORMAT, tool: packageJson.version, repo: location.repo, root: location.root, head })}\n`;
  yield JSON.stringify(cached).slice(0, -1);
  const { objectives, checkins, ...rest } = builder;
  yield `,"builder":${JSON.stringify(rest).slice(0, -1)}`;
  for (const [key, list] of [
    ['objectives', objectives],
    ['checkins', checkins],
  ] as const) {
    yield `,${JSON.stringify(key)}:[`;
    for (let index = 0; index < list.length; index++) yield (index === 0 ? '' : ',') + JSON.stringify(list[index]);
    yield ']';
  }
  yield '}}\n';
}
