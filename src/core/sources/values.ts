/**
 * Turning what a source answered into a key result's value, and saying so: pure functions,
 * given text, returning a number or the reason there is none. `okr sync` does the reading.
 */
import { parse } from 'csv-parse/sync';
import { MAX_MAGNITUDE, type Source } from '../schema.ts';
import { resolvePointer } from './json-pointer.ts';

export type SourceValue = { ok: true; value: number } | { ok: false; problem: string };

/** How a source is named in notes and trailers: the address, the search, the file and cell. */
export function sourceLabel(source: Source): string {
  if ('json' in source) return `${source.json.url}#${source.json.pointer}`;
  if ('github' in source) return `github search "${source.github.search}"`;
  return `${source.csv.path}#${source.csv.column}@${source.csv.row}`;
}

export function valueFromJson(text: string, pointer: string): SourceValue {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { ok: false, problem: `the answer is not JSON: ${quoted(text)}` };
  }
  const found = resolvePointer(document, pointer);
  if (!found.found) return { ok: false, problem: `the JSON has nothing at \`${found.at}\` (pointer \`${pointer}\`): ${quoted(text)}` };
  return numberFrom(found.value, `\`${pointer}\``);
}

/** `row` counts data rows from 1 below the header; `last` is the last non-empty one. */
export function valueFromCsv(text: string, column: string, row: number | 'last'): SourceValue {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    return { ok: false, problem: `the file does not read as CSV: ${error instanceof Error ? error.message : String(error)}` };
  }
  const [header = [], ...rows] = records;
  const index = header.indexOf(column);
  if (index === -1) return { ok: false, problem: `no column \`${column}\`; the header has ${header.map((name) => `\`${name}\``).join(', ') || 'nothing'}` };
  const record = row === 'last' ? rows.at(-1) : rows[row - 1];
  if (record === undefined) return { ok: false, problem: `no row ${row}; the file has ${rows.length} data ${rows.length === 1 ? 'row' : 'rows'}` };
  const cell = record[index] ?? '';
  const value = Number(cell);
  if (cell === '' || !Number.isFinite(value)) return { ok: false, problem: `row ${row}, column \`${column}\` holds ${quoted(cell)}, not a plain number` };
  return numberFrom(value, `row ${row}, column \`${column}\``);
}

export function numberFrom(value: unknown, where: string): SourceValue {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, problem: `${where} is ${quoted(JSON.stringify(value) ?? String(value))}, not a number` };
  if (Math.abs(value) > MAX_MAGNITUDE) return { ok: false, problem: `${where} is ${value}, beyond ±10^15` };
  return { ok: true, value };
}

/**
 * A move by more than `factor` (either way) looks like a broken source more than a real
 * change. From or to zero there is no factor: a sign change counts as a jump, zero never does.
 */
export function isJump(before: number | undefined, after: number, factor: number): boolean {
  if (before === undefined || before === 0 || after === 0) return false;
  if (Math.sign(before) !== Math.sign(after)) return true;
  const ratio = Math.abs(after / before);
  return ratio > factor || ratio < 1 / factor;
}

/** What came back, short enough for one line of an error. */
export function quoted(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `\`${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}\``;
}
