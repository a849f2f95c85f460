/**
 * A history whose texts are safe to print on a terminal: every string that
 * came from a file or a commit (ids, titles, owners, units, labels, paths,
 * messages, authors) goes through `terminalText`. Numbers and dates are kept.
 */
import type { History } from '../core/history-types.ts';
import { terminalText } from '../core/terminal-text.ts';

export function terminalHistory(history: History): History {
  return safeStrings(history) as History;
}

function safeStrings(value: unknown): unknown {
  if (typeof value === 'string') return terminalText(value, { newlines: true });
  if (Array.isArray(value)) return value.map(safeStrings);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, safeStrings(inner)]));
  return value;
}
