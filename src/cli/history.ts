/** `okr history`: progress over time from git, as JSON (the contract in docs/history.md) or CSV. */
import path from 'node:path';
import { publicHistory } from '../core/publish.ts';
import type { History } from '../core/history-types.ts';
import { formatHistoryCsv } from '../format/history-csv.ts';
import { historyJsonChunks } from '../format/history-json.ts';
import { readHistory, ShallowCloneError, type ReadHistoryOptions } from '../git/history.ts';
import { progressBar } from './progress.ts';
import { terminalText } from '../core/terminal-text.ts';
import { parseNow, parseRoot, UsageError } from './usage.ts';

export interface HistoryFlags {
  repo: string;
  format: 'json' | 'csv';
  now?: string;
  root?: string;
  includePrivate?: boolean;
  /** `--cache-dir`, and `--no-cache` (false). */
  cacheDir?: string;
  cache?: boolean;
}

/** The history cache as `--cache-dir` and `--no-cache` set it; its warnings go to stderr. */
export function historyCache(flags: { cacheDir?: string; cache?: boolean }): ReadHistoryOptions['cache'] {
  if (flags.cache === false) return false;
  return { ...(flags.cacheDir === undefined ? {} : { dir: flags.cacheDir }), onWarning: (message) => process.stderr.write(`okr: warning: ${terminalText(message)}\n`) };
}

export async function historyCommand(flags: HistoryFlags): Promise<number> {
  const now = parseNow(flags.now);
  const history = await readWithProgress(flags.repo, now, flags.root, historyCache(flags));
  const shown = flags.includePrivate ? history : publicHistory(history);
  if (flags.format === 'csv') process.stdout.write(formatHistoryCsv(shown));
  else await writeChunks(process.stdout, historyJsonChunks(shown));
  writeWarnings(shown);
  return 0;
}

/** Reads the history with a progress bar on a terminal; a shallow clone is a usage error (exit 2) with its remedy. */
export async function readWithProgress(repo: string, now: string, givenRoot?: string, cache?: ReadHistoryOptions['cache']): Promise<History> {
  const root = parseRoot(givenRoot);
  const progress = progressBar(process.stderr, 'okr: reading history');
  try {
    return await readHistory(path.normalize(repo), { now, ...(root === undefined ? {} : { root }), ...(cache === undefined ? {} : { cache }), onProgress: progress?.update });
  } catch (error) {
    if (error instanceof ShallowCloneError) throw new UsageError(error.message);
    if (error instanceof Error && error.message.startsWith('No such folder')) throw new UsageError(error.message);
    throw error;
  } finally {
    progress?.end();
  }
}

/** Writes piece by piece, waiting whenever the stream's buffer is full. */
async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length < 65_536) continue;
    if (!stream.write(pending)) await new Promise((resolve) => stream.once('drain', resolve));
    pending = '';
  }
  if (pending !== '') stream.write(pending);
}

export function writeWarnings(history: History): void {
  for (const warning of history.warnings) process.stderr.write(`okr: warning: ${terminalText(warning.message)}\n`);
}
