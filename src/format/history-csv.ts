/** `okr history --format csv`: one row per series point, for spreadsheets. */
import type { History } from '../core/history-types.ts';
import { terminalText } from '../core/terminal-text.ts';

const COLUMNS = ['objective', 'objective_title', 'key_result', 'key_result_title', 'kind', 'unit', 'date', 'commit', 'value', 'progress', 'expected', 'confidence', 'note'];

/** One row per series point; `note` is the message of the check-in the point belongs to (empty for the first point). */
export function formatHistoryCsv(history: History): string {
  const notes = new Map(history.checkins.map((checkin) => [`${checkin.objective}\0${checkin.commit}`, checkin.message]));
  const rows = [COLUMNS.join(',')];
  for (const objective of history.objectives) {
    for (const kr of objective.keyResults) {
      for (const point of kr.series) {
        rows.push(
          [
            objective.id,
            objective.title,
            kr.id,
            kr.title,
            kr.kind,
            kr.unit,
            point.date,
            point.commit,
            point.value,
            point.progress,
            point.expected,
            point.confidence,
            notes.get(`${objective.id}\0${point.commit}`),
          ]
            .map(csvField)
            .join(','),
        );
      }
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * RFC 4180: quote a field that holds a comma, a quote or a line break; empty for missing values.
 * Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) gets a leading `'` and quotes, as OWASP recommends; numbers are written as numbers. Control
 * characters are shown escaped, as on the terminal.
 */
function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const formula = /^[=+\-@\t\r]/.test(value);
  const text = terminalText(formula ? `'${value}` : value, { newlines: true });
  return formula || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
