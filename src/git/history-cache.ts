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
 * The file is JSON lines: a header (format, version, repository, root, head), checked before
 * anything else is read; the state, its two long lists by their lengths; each objective and each
 * check-in on a line of its own; and the SHA-256 of every byte before it, so a file cut short or
 * damaged is caught by one hash instead of a JSON parse that fails half-way. A line at a time,
 * the file is never held as one string (which at 100,000 commits is over 40 MB, twice that with
 * one character outside Latin-1).
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
export const CACHE_FORMAT = 3;

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
  let bytes: Buffer;
  try {
    bytes = await readFile(location.file);
  } catch (error) {
    // No file (or no folder) yet is the first run, not a problem.
    if (!['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) warn(`Cannot read the history cache ${location.file} (${(error as Error).message}); reading the whole history`);
    return undefined;
  }
  const ignored = (why: string) => {
    warn(`Ignored the history cache ${location.file}: ${why}. The whole history is read and the cache written again; deleting the file is always safe`);
    return undefined;
  };
  const headerEnd = bytes.indexOf(NEWLINE);
  let header: Record<string, unknown> | undefined;
  try {
    header = headerEnd === -1 ? undefined : (JSON.parse(bytes.toString('utf8', 0, headerEnd)) as Record<string, unknown>);
  } catch {
    header = undefined;
  }
  if (header?.format !== 'gitops-okr history cache') return ignored('it is not a history cache');
  if (header.version !== CACHE_FORMAT || header.tool !== packageJson.version)
    return ignored(`it was written in format ${String(header.version)} by gitops-okr ${String(header.tool)}, and this is format ${CACHE_FORMAT} of ${packageJson.version}`);
  if (header.repo !== location.repo || header.root !== location.root)
    return ignored(`it belongs to ${String(header.repo)} (root \`${String(header.root)}\`), not ${location.repo} (root \`${location.root}\`)`);
  // The last line is the digest of every byte before it: a file cut short or changed after it was written does not match.
  const digestStart = bytes.lastIndexOf(NEWLINE, bytes.length - 2) + 1;
  const digest = createHash('sha256').update(bytes.subarray(0, digestStart)).digest('hex');
  if (digestStart <= headerEnd + 1 || bytes.toString('latin1', digestStart).trimEnd() !== digest) return ignored('its content does not match its digest (cut short or damaged)');
  const data = stateOf(bytes, headerEnd + 1, digestStart);
  if (data === undefined) return ignored('it is not JSON lines of the lengths its state gives (cut short or damaged)');
  const parsed = CacheFileSchema.safeParse({ ...header, ...data });
  const builder = parsed.success ? parseBuilderState(parsed.data.builder) : undefined;
  if (!parsed.success || !builder?.success) {
    const issue = parsed.success ? (builder as { path: (string | number)[]; message: string }) : { path: parsed.error.issues[0]?.path ?? [], message: parsed.error.issues[0]?.message ?? 'invalid' };
    const at = parsed.success ? ['builder', ...issue.path] : issue.path;
    return ignored(`it does not match the cache's schema (at \`${at.join('.')}\`: ${issue.message})`);
  }
  const { head: commit, days, dateWarnings } = parsed.data;
  return { head: commit, days, dateWarnings, builder: builder.state };
}

const NEWLINE = 0x0a;

/**
 * The state line, its builder's lists filled from the lines after it: one JSON text a line, each decoded
 * on its own, so the file is never one string as long as itself. Undefined when a line is not JSON or the
 * lines are not as many as the state says.
 */
function stateOf(bytes: Buffer, start: number, end: number): { builder: Record<string, unknown> } | undefined {
  let at = start;
  const line = (): unknown => {
    const stop = bytes.indexOf(NEWLINE, at);
    if (stop === -1 || stop >= end) throw new RangeError('no line left');
    const text = bytes.toString('utf8', at, stop);
    at = stop + 1;
    return JSON.parse(text);
  };
  try {
    const state = line() as { builder?: { objectives?: unknown; checkins?: unknown } };
    const builder = state?.builder;
    if (typeof builder !== 'object' || builder === null) return undefined;
    const lists: Record<string, unknown[]> = {};
    for (const key of ['objectives', 'checkins'] as const) {
      const count = builder[key];
      if (!Number.isSafeInteger(count) || (count as number) < 0) return undefined;
      lists[key] = [];
      for (let index = 0; index < (count as number); index++) lists[key].push(line());
    }
    return at === end ? { ...state, builder: { ...builder, ...lists } } : undefined;
  } catch {
    return undefined;
  }
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

/** The header line, the state line (the long lists by their lengths), then each objective and each check-in on a line of its own. */
function* cacheLines(location: CacheLocation, { builder, head, ...cached }: CachedHistory): Generator<string> {
  yield `${JSON.stringify({ format: 'gitops-okr history cache', version: CACHE_FORMAT, tool: packageJson.version, repo: location.repo, root: location.root, head })}\n`;
  const { objectives, checkins, ...rest } = builder;
  yield `${JSON.stringify({ ...cached, builder: { ...rest, objectives: objectives.length, checkins: checkins.length } })}\n`;
  // JSON.stringify escapes every line break inside a string: one element, one line.
  for (const list of [objectives, checkins]) for (const element of list) yield `${JSON.stringify(element)}\n`;
}
