/**
 * What an import brings in, whatever it came from: objectives with their key
 * results and initiatives, check-ins in time order, and a report of what could
 * not be read. Pure: `okr import` (src/cli/import.ts) writes the files and commits.
 */
import { stringify } from 'yaml';
import { ID_MAX_LENGTH } from '../ids.ts';
import type { Period } from '../schema.ts';

export interface ImportedCheckin {
  /** Unique in the source: the `Imported-From` trailer that makes a second import skip it. */
  key: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** Sorts check-ins of the same day: the source's timestamp when it has one. */
  at: string;
  user: string;
  note: string;
  /** The key result's new value; `done` for a milestone. */
  value?: number;
  done?: boolean;
}

export interface ImportedKeyResult {
  sourceId: string;
  id: string;
  title: string;
  baseline?: number;
  target?: number;
  unit?: string;
  /** Milestone: no metric in the source. */
  done?: boolean;
  checkins: ImportedCheckin[];
}

export interface ImportedObjective {
  sourceId: string;
  id: string;
  /** Folder under the OKR root, e.g. `2025-q1` or `platform/2025-q1`. */
  folder: string;
  title: string;
  period: Period;
  /** The first day of the period: the day the file is created. */
  start: string;
  owner?: string;
  type: 'aspirational' | 'committed';
  /** The final grade of a period that is over, when the source has one. */
  grade?: number;
  /** Ids of the objectives it aligns to, highest weight first: `aligned_to`, the first its primary parent. */
  alignedTo: string[];
  /** Co-owners after the first. */
  coOwners: string[];
  description?: string;
  initiatives: { title: string; done: boolean }[];
  keyResults: ImportedKeyResult[];
  /** The line of the row in the source file. */
  line: number;
}

export interface ImportReport {
  rows: number;
  counts: { objectives: number; keyResults: number; initiatives: number; checkins: number };
  /** Columns the importer does not map (tags and the like). */
  unmappedColumns: string[];
  /** Columns it reads, but whose values on some rows have no place in the files: how many rows, and why. */
  notImported: { column: string; rows: number; why: string }[];
  /** Values that found a place other than their column's usual one. */
  mapped: { creatorAsOwner: number; scoreAsGrade: number };
  /** Owners and check-in authors that `--users` gives no handle for. */
  ownersWithoutHandle: string[];
  /** Rows or cells that could not be read: skipped, with the line. */
  problems: { line: number; message: string }[];
  /** How each object type of the source was read. */
  objectTypes: Record<string, string>;
}

export interface ImportPlan {
  source: string;
  objectives: ImportedObjective[];
  report: ImportReport;
}

/** A person as `--users` maps them: the name in the source, email and GitHub handle. */
export interface User {
  name: string;
  email?: string;
  github?: string;
}

export function emptyReport(): ImportReport {
  return {
    rows: 0,
    counts: { objectives: 0, keyResults: 0, initiatives: 0, checkins: 0 },
    unmappedColumns: [],
    notImported: [],
    mapped: { creatorAsOwner: 0, scoreAsGrade: 0 },
    ownersWithoutHandle: [],
    problems: [],
    objectTypes: {},
  };
}

/** A title as an id: `Deliver engaging presentations` → `deliver-engaging-presentations`. */
export function slugify(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const short = slug.length <= 48 ? slug : slug.slice(0, 48).replace(/-[^-]*$/, '');
  return short === '' ? fallback : short.slice(0, ID_MAX_LENGTH);
}

/** `base`, or `base-2`, `base-3`… when taken. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The objective file as the importer first writes it: every key result at its baseline, as of the period's start. */
export function renderObjective(objective: ImportedObjective, sourceName: string): string {
  const data: Record<string, unknown> = { id: objective.id, title: objective.title, period: objective.period };
  if (objective.owner !== undefined) data.owner = objective.owner;
  if (objective.type === 'committed') data.type = 'committed';
  if (objective.grade !== undefined) data.grade = objective.grade;
  // One parent as a plain id, several as a list in the source's order of weight.
  if (objective.alignedTo.length > 0) data.aligned_to = objective.alignedTo.length === 1 ? objective.alignedTo[0] : objective.alignedTo;
  data.key_results = objective.keyResults.map((kr) => {
    const entry: Record<string, unknown> = { id: kr.id, title: kr.title };
    if (kr.done !== undefined) entry.done = kr.done;
    else {
      entry.baseline = kr.baseline;
      entry.target = kr.target;
      entry.current = kr.baseline;
      if (kr.unit !== undefined && kr.unit !== '') entry.unit = kr.unit;
    }
    entry.as_of = objective.start;
    return entry;
  });
  const body: string[] = [];
  if (objective.description) body.push(objective.description.trim(), '');
  if (objective.coOwners.length > 0) body.push(`Also owned by ${objective.coOwners.join(', ')}.`, '');
  if (objective.initiatives.length > 0) {
    body.push('## Initiatives', '', ...objective.initiatives.map((item) => `- [${item.done ? 'x' : ' '}] ${item.title.replace(/\s+/g, ' ').trim()}`), '');
  }
  body.push(`<!-- Imported from ${sourceName} ${objective.sourceId} -->`, '');
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body.join('\n')}`;
}

/** Check-ins of the plan, oldest first, each with where it goes. */
export function checkinsInOrder(plan: ImportPlan): { objective: ImportedObjective; kr: ImportedKeyResult; checkin: ImportedCheckin }[] {
  const all = plan.objectives.flatMap((objective) => objective.keyResults.flatMap((kr) => kr.checkins.map((checkin) => ({ objective, kr, checkin }))));
  return all.sort((a, b) => (a.checkin.at < b.checkin.at ? -1 : a.checkin.at > b.checkin.at ? 1 : 0));
}

/** A number as sources write it: `25%`, `1,200`, ` 4.5 `; undefined when it is none. */
export function readNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const cleaned = text.replace(/[%\s]/g, '').replace(/,(?=\d{3}\b)/g, '');
  if (cleaned === '') return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

/** `2025-03-10`, `2025-03-10 20:57:08 UTC`, `03/10/2025` → `2025-03-10`; undefined otherwise. */
export function readDate(text: string | undefined): string | undefined {
  const value = text?.trim() ?? '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value);
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return undefined;
}
