/** `okr status`: where the current period stands, read from the git history. */
import { formatStatus } from '../format/status.ts';
import { terminalHistory } from '../format/terminal-history.ts';
import { colorsFor } from './colors.ts';
import { readWithProgress } from './history.ts';
import { parseNow } from './usage.ts';

export interface StatusFlags {
  repo: string;
  now?: string;
  root?: string;
}

export async function statusCommand(flags: StatusFlags): Promise<number> {
  const now = parseNow(flags.now);
  const history = await readWithProgress(flags.repo, now, flags.root);
  process.stdout.write(formatStatus(terminalHistory(history), { now, colors: colorsFor(process.stdout), width: process.stdout.columns ?? 80 }));
  if (history.warnings.length > 0) {
    process.stderr.write(`okr: ${history.warnings.length} warning${history.warnings.length === 1 ? '' : 's'} while reading the history; \`okr history\` lists them\n`);
  }
  return 0;
}
