/** `okr status`: where the current period stands, read from the git history. */
import path from 'node:path';
import { buildWorkspace } from '../core/workspace.ts';
import { formatStatus, formatStatusJson } from '../format/status.ts';
import { terminalHistory } from '../format/terminal-history.ts';
import { terminalText } from '../core/terminal-text.ts';
import { colorsFor } from './colors.ts';
import { historyCache, readWithProgress } from './history.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { parseNow, parseRoot } from './usage.ts';

export interface StatusFlags {
  repo: string;
  now?: string;
  root?: string;
  format?: 'text' | 'json';
  cacheDir?: string;
  cache?: boolean;
}

export async function statusCommand(flags: StatusFlags): Promise<number> {
  const now = parseNow(flags.now);
  const history = await readWithProgress(flags.repo, now, flags.root, historyCache(flags));
  if (flags.format === 'json') process.stdout.write(formatStatusJson(history, now));
  else {
    const colors = colorsFor(process.stdout);
    const width = process.stdout.isTTY ? (process.stdout.columns ?? 80) : 80;
    process.stdout.write(formatStatus(terminalHistory(history), { now, colors, width, unreadable: await unreadableFiles(flags.repo, parseRoot(flags.root) ?? 'okrs') }));
  }
  // Warnings about the current files (ids used twice) are for whoever reads the numbers; older ones are counted.
  const current = history.warnings.filter((warning) => warning.commit === undefined);
  for (const warning of current) process.stderr.write(`okr: warning: ${terminalText(warning.message)}\n`);
  const older = history.warnings.length - current.length;
  if (older > 0) process.stderr.write(`okr: ${older} ${current.length > 0 ? 'more ' : ''}warning${older === 1 ? '' : 's'} while reading the history; \`okr history\` lists them\n`);
  return 0;
}

/** The current files of okrs/ that cannot be read, with their first problem, made safe for the terminal. */
async function unreadableFiles(repo: string, root: string): Promise<Map<string, { line: number; message: string }>> {
  const workspace = buildWorkspace(root, await readOkrTree(root, path.resolve(repo)));
  const unreadable = new Map<string, { line: number; message: string }>();
  for (const file of workspace.objectives) {
    const first = file.findings[0];
    if (file.data === undefined && first) unreadable.set(file.path, { line: first.line, message: terminalText(first.message) });
  }
  for (const file of workspace.unreadable) unreadable.set(file.path, { line: file.finding.line, message: terminalText(file.finding.message) });
  return unreadable;
}
