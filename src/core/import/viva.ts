/**
 * Reads a Viva Goals Explorer export (CSV, or the rows of an XLSX sheet) into an import plan.
 * Pure: text or rows in, plan out.
 * Viva writes one row per objective, key result and deliverable; the `Aligned To` cell names the
 * parents, the `Checkins` cell holds every check-in of the row. Tenants may rename the object
 * types, so they are read leniently; a row that cannot be read is reported with its line and skipped.
 */
import { parse } from 'csv-parse/sync';
import { periodLabelPattern, type Period } from '../schema.ts';
import { resolvePeriod } from '../period.ts';
import { emptyReport, readDate, readNumber, slugify, uniqueId, type ImportedCheckin, type ImportedKeyResult, type ImportedObjective, type ImportPlan, type ImportReport, type User } from './plan.ts';

type Kind = 'objective' | 'key result' | 'deliverable';

const MAPPED = [
  'id',
  'title',
  'team',
  'creator',
  'owner',
  'period',
  'start date',
  'end date',
  'description',
  'aligned to',
  'metric name',
  'unit',
  'start',
  'target',
  'object type',
  'goal type',
  'status',
  'score',
  'checkins',
  'progress',
  'current value',
];

interface Row {
  line: number;
  cells: Map<string, string>;
}

interface ReadRow {
  line: number;
  id: string;
  kind: Kind;
  title: string;
  team: string;
  owners: string[];
  parents: { id: string; weight: number }[];
  row: Row;
}

/** A row of the sheet as cells of text, with the line (CSV) or row number (XLSX) it starts on. */
export interface SheetRecord {
  line: number;
  cells: string[];
}

export interface VivaOptions {
  /** Today, `YYYY-MM-DD`: the `Score` of an objective whose period ended before it becomes its `grade:`. */
  now?: string;
}

/** Parses the CSV export; `users` maps display names and emails to handles. */
export function parseViva(text: string, users: readonly User[] = [], options: VivaOptions = {}): ImportPlan {
  const report = emptyReport();
  return planOf(csvRecords(text, report), report, users, options);
}

/** Parses the rows of the export's sheet (XLSX), the header first, with the same column handling as the CSV. */
export function parseVivaRows(records: readonly SheetRecord[], users: readonly User[] = [], options: VivaOptions = {}): ImportPlan {
  return planOf(records, emptyReport(), users, options);
}

function planOf(records: readonly SheetRecord[], report: ImportReport, users: readonly User[], options: VivaOptions): ImportPlan {
  const rows = readRows(records, report);
  const read: ReadRow[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const id = cell(row, 'id');
    const title = cell(row, 'title').trim();
    if (id === '' || title === '') {
      report.problems.push({ line: row.line, message: `Row without ${id === '' ? '`Id`' : '`Title`'}; skipped` });
      continue;
    }
    if (seen.has(id)) {
      report.problems.push({ line: row.line, message: `Id ${id} appears twice; the second row is skipped` });
      continue;
    }
    seen.add(id);
    const kind = kindOf(row, report);
    read.push({ line: row.line, id, kind, title, team: cell(row, 'team').trim(), owners: splitNames(cell(row, 'owner')), parents: readParents(cell(row, 'aligned to')), row });
  }
  report.rows = rows.length;
  const teams = new Set(
    read
      .filter((row) => row.kind === 'objective')
      .map((row) => row.team)
      .filter(Boolean),
  );
  const byId = new Map(read.map((row) => [row.id, row]));
  const handles = handleFinder(users, report);
  const objectives = new Map<string, ImportedObjective>();
  const objectiveIds = new Set<string>();
  for (const row of read.filter((candidate) => candidate.kind === 'objective')) {
    const period = readPeriod(row, report);
    if (period === undefined) continue;
    const folder = [...(teams.size > 1 && row.team !== '' ? [slugify(row.team, 'team')] : []), period.folder].join('/');
    // Viva's `Creator` stands in for an empty `Owner`: someone wrote the objective and answers for it.
    const creators = row.owners.length === 0 ? splitNames(cell(row.row, 'creator')).slice(0, 1) : [];
    const [owner, ...coOwners] = (row.owners.length > 0 ? row.owners : creators).map(handles);
    if (creators.length > 0) report.mapped.creatorAsOwner += 1;
    const finalGrade = readGrade(row, period.end, options.now, report);
    objectives.set(row.id, {
      sourceId: row.id,
      id: uniqueId(slugify(row.title, `objective-${row.id}`), objectiveIds),
      folder,
      title: row.title,
      period: period.period,
      start: period.start,
      ...(owner === undefined ? {} : { owner }),
      coOwners,
      type: /commit/i.test(cell(row.row, 'goal type')) ? 'committed' : 'aspirational',
      ...(finalGrade === undefined ? {} : { grade: finalGrade }),
      alignedTo: [],
      description: cell(row.row, 'description').trim() || undefined,
      initiatives: [],
      keyResults: [],
      line: row.line,
    });
  }
  /** The objective a row belongs to: itself, or through the parents of a key result. */
  const objectiveOf = (id: string, depth = 0): ImportedObjective | undefined => {
    const found = objectives.get(id);
    if (found || depth > 5) return found;
    const row = byId.get(id);
    return row?.kind === 'key result' ? row.parents.map((parent) => objectiveOf(parent.id, depth + 1)).find(Boolean) : undefined;
  };
  const krIds = new Map<ImportedObjective, Set<string>>();
  const keyResults = new Map<string, ImportedKeyResult>();
  for (const row of read) {
    if (row.kind === 'objective') {
      const objective = objectives.get(row.id);
      if (objective === undefined) continue;
      for (const parent of row.parents) {
        const target = objectiveOf(parent.id);
        if (target === undefined) report.problems.push({ line: row.line, message: `Parent ${parent.id} of objective ${row.id} is not in the export; left out of \`aligned_to\`` });
        else if (target !== objective && !objective.alignedTo.includes(target.id)) objective.alignedTo.push(target.id);
      }
      continue;
    }
    const parent = row.parents
      .map((candidate) => ({ candidate, objective: row.kind === 'key result' ? objectives.get(candidate.id) : objectiveOf(candidate.id) }))
      .find((each) => each.objective !== undefined);
    if (parent?.objective === undefined) {
      report.problems.push({ line: row.line, message: `${row.kind === 'key result' ? 'Key result' : 'Deliverable'} ${row.id} is aligned to no objective of the export; skipped` });
      continue;
    }
    const objective = parent.objective;
    if (row.kind === 'deliverable') {
      objective.initiatives.push({ title: row.title, done: isClosed(cell(row.row, 'status')) || (readNumber(cell(row.row, 'score')) ?? 0) >= 100 });
      report.counts.initiatives += 1;
      continue;
    }
    const kr = readKeyResult(row, objective, krIds, report, handles);
    if (kr === undefined) continue;
    objective.keyResults.push(kr);
    keyResults.set(row.id, kr);
  }
  const list = [...objectives.values()];
  const objectiveRows = read.filter((row) => row.kind === 'objective' && objectives.has(row.id));
  const statuses = objectiveRows.filter((row) => cell(row.row, 'status').trim() !== '').length;
  if (statuses > 0) report.notImported.push({ column: 'Status', rows: statuses, why: 'of objectives: the status follows from progress and the time left' });
  const openScores = objectiveRows.filter((row) => cell(row.row, 'score').trim() !== '' && objectives.get(row.id)?.grade === undefined).length;
  if (openScores > 0) report.notImported.push({ column: 'Score', rows: openScores, why: 'of objectives in periods still open: progress comes from the key results' });
  report.counts.objectives = list.length;
  report.counts.keyResults = keyResults.size;
  report.counts.checkins = [...keyResults.values()].reduce((sum, kr) => sum + kr.checkins.length, 0);
  return { source: 'viva-goals', objectives: list, report };
}

function csvRecords(text: string, report: ImportReport): SheetRecord[] {
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      report.problems.push({ line: (error as { lines?: number }).lines ?? 0, message: `${error?.message ?? 'Unreadable row'}; skipped` });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  // `info.lines` is the line a record ends on: the next one starts on the line after it.
  let line = 1;
  return records.map(({ record, info }) => {
    const start = line;
    line = info.lines + 1;
    return { line: start, cells: record };
  });
}

function readRows(records: readonly SheetRecord[], report: ImportReport): Row[] {
  const [header, ...body] = records;
  if (header === undefined) return [];
  const names = header.cells.map((name) => normalizeHeader(name));
  report.unmappedColumns = header.cells.filter((_, index) => !MAPPED.includes(names[index]!)).map((name) => name.trim());
  const rows: Row[] = [];
  for (const { line, cells } of body) {
    if (cells.length !== names.length) {
      report.problems.push({ line, message: `Row has ${cells.length} cells, the header ${names.length}; skipped` });
      continue;
    }
    rows.push({ line, cells: new Map(names.map((name, index) => [name, cells[index] ?? ''])) });
  }
  return rows;
}

/** `Aligned To (weight, Objective ID)` → `aligned to`; `Object type ` → `object type`. */
function normalizeHeader(name: string): string {
  const lower = name.trim().toLowerCase().replace(/\s+/g, ' ');
  if (lower.startsWith('aligned to')) return 'aligned to';
  if (lower === 'check-ins' || lower === 'check ins') return 'checkins';
  return lower;
}

function cell(row: Row, name: string): string {
  return row.cells.get(name) ?? '';
}

function kindOf(row: Row, report: ImportReport): Kind {
  const type = cell(row, 'object type').trim();
  const lower = type.toLowerCase().replace(/[^a-z]/g, '');
  let kind: Kind;
  if (/^(keyresult|kr|result|outcome|measure|metric)/.test(lower)) kind = 'key result';
  else if (/^(deliverable|initiative|project|task|action|milestone)/.test(lower)) kind = 'deliverable';
  else if (/^(objective|goal|okr)/.test(lower)) kind = 'objective';
  // A renamed type the words above miss: a metric makes a key result, a parent without one a deliverable.
  else if (cell(row, 'target').trim() !== '') kind = 'key result';
  else kind = readParents(cell(row, 'aligned to')).length > 0 ? 'deliverable' : 'objective';
  report.objectTypes[type || '(empty)'] = kind;
  return kind;
}

/** `Grow revenue(weight: 14.29%, Id: 2295704), Ship it (v2)(weight: 50%, Id: 7)` → ids with weights, highest first. */
export function readParents(text: string): { id: string; weight: number }[] {
  const parents: { id: string; weight: number; order: number }[] = [];
  for (const match of text.matchAll(/\(\s*weight:\s*([\d.]+)\s*%?\s*,\s*Id:\s*([\w-]+)\s*\)/gi)) {
    parents.push({ id: match[2]!, weight: Number(match[1]), order: parents.length });
  }
  return parents.sort((a, b) => b.weight - a.weight || a.order - b.order).map(({ id, weight }) => ({ id, weight }));
}

const CHECKIN_KEYS = ['Checkin Date', 'User', 'Note', 'Metric Name', 'Status', 'Current Value', 'Activity Date'];

/** The `Checkins` cell: `Checkin Date: …; User: …; Note: …; …; Current Value: 25%; Activity Date: …;` repeated. */
export function readCheckinCell(text: string): Record<string, string>[] {
  const keys = new RegExp(`(?:^|;)\\s*(${CHECKIN_KEYS.join('|')})\\s*:`, 'g');
  const records: Record<string, string>[] = [];
  const marks = [...text.matchAll(keys)];
  marks.forEach((mark, index) => {
    const key = mark[1]!;
    const from = mark.index + mark[0].length;
    const to = marks[index + 1]?.index ?? text.length;
    const value = text.slice(from, to).replace(/;\s*$/, '').trim();
    if (key === 'Checkin Date' || records.length === 0) records.push({});
    records.at(-1)![key] = value;
  });
  return records;
}

function readKeyResult(row: ReadRow, objective: ImportedObjective, krIds: Map<ImportedObjective, Set<string>>, report: ImportReport, handles: (name: string) => string): ImportedKeyResult | undefined {
  const startText = cell(row.row, 'start').trim();
  const targetText = cell(row.row, 'target').trim();
  const baseline = readNumber(startText);
  const target = readNumber(targetText);
  if ((startText !== '' && baseline === undefined) || (targetText !== '' && target === undefined)) {
    report.problems.push({ line: row.line, message: `Key result ${row.id}: could not read \`Start\` ${JSON.stringify(startText)} or \`Target\` ${JSON.stringify(targetText)} as numbers; skipped` });
    return undefined;
  }
  const taken = krIds.get(objective) ?? new Set<string>();
  krIds.set(objective, taken);
  const metric = target !== undefined;
  const unit = cell(row.row, 'unit').trim() || (/%/.test(`${startText}${targetText}`) ? '%' : '');
  const kr: ImportedKeyResult = {
    sourceId: row.id,
    id: uniqueId(slugify(row.title, `kr-${row.id}`), taken),
    title: row.title,
    ...(metric ? { baseline: baseline ?? 0, target, ...(unit === '' ? {} : { unit }) } : { done: false }),
    checkins: [],
  };
  const keys = new Set<string>();
  for (const record of readCheckinCell(cell(row.row, 'checkins'))) {
    const date = readDate(record['Checkin Date']) ?? readDate(record['Activity Date']);
    const value = readNumber(record['Current Value']);
    if (date === undefined || (metric && value === undefined)) {
      report.problems.push({
        line: row.line,
        message: `Key result ${row.id}: a check-in without a readable ${date === undefined ? 'date' : '`Current Value`'} (${JSON.stringify(record['Checkin Date'] ?? record['Current Value'] ?? '')}); skipped`,
      });
      continue;
    }
    const at = record['Activity Date']?.trim() || date;
    const key = uniqueId(`${row.id} ${at}`, keys);
    const checkin: ImportedCheckin = {
      key,
      date,
      at: `${date} ${at}`,
      user: handles(record.User?.trim() ?? ''),
      note: record.Note?.trim() ?? '',
      ...(metric ? { value } : { done: isClosed(record.Status ?? '') || (value ?? 0) >= 100 }),
    };
    kr.checkins.push(checkin);
  }
  return kr;
}

/**
 * An objective's `Score` as its final `grade:` (0.0–1.0, one decimal) once it is over: its period ended
 * before `now`, or its `Status` says it is closed. Viva writes the score as 0–1 or as a percentage.
 */
function readGrade(row: ReadRow, end: string | undefined, now: string | undefined, report: ImportReport): number | undefined {
  const text = cell(row.row, 'score').trim();
  const over = isClosed(cell(row.row, 'status')) || (end !== undefined && now !== undefined && end < now);
  if (text === '' || !over) return undefined;
  const score = readNumber(text);
  const share = score === undefined ? undefined : /%/.test(text) || score > 1 ? score / 100 : score;
  if (share === undefined || share < 0 || share > 1) {
    report.problems.push({ line: row.line, message: `Objective ${row.id}: could not read \`Score\` ${JSON.stringify(text)} as a grade from 0 to 1 or 0% to 100%; left without \`grade:\`` });
    return undefined;
  }
  report.mapped.scoreAsGrade += 1;
  return Math.round(share * 10) / 10;
}

function isClosed(status: string): boolean {
  return /\b(closed|complete|completed|done|achieved)\b/i.test(status);
}

function splitNames(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** A name or email → the GitHub handle from `--users`; the name itself (listed in the report) when there is none. */
function handleFinder(users: readonly User[], report: ImportReport): (name: string) => string {
  return (name) => {
    const lower = name.toLowerCase();
    const user = users.find((each) => each.name.toLowerCase() === lower || each.email?.toLowerCase() === lower);
    if (user?.github) return user.github.replace(/^@/, '');
    if (name !== '' && !report.ownersWithoutHandle.includes(name)) report.ownersWithoutHandle.push(name);
    return name;
  };
}

/** `Q1 2025`, `2025 Q1`, `FY2025 H2`, `2025` → a label; otherwise the row's dates. */
function readPeriod(row: ReadRow, report: ImportReport): { period: Period; start: string; end: string | undefined; folder: string } | undefined {
  const text = cell(row.row, 'period').trim();
  const start = readDate(cell(row.row, 'start date'));
  const end = readDate(cell(row.row, 'end date'));
  const label = periodLabel(text);
  const range = label === undefined ? undefined : resolvePeriod(label);
  if (label !== undefined && range !== undefined && (start === undefined || start === range.start) && (end === undefined || end === range.end)) {
    return { period: label, start: range.start, end: range.end, folder: label.toLowerCase() };
  }
  if (start !== undefined && end !== undefined && start <= end) return { period: { start, end }, start, end, folder: slugify(text, `${start}`) };
  report.problems.push({ line: row.line, message: `Objective ${row.id}: could not read the period ${JSON.stringify(text)} nor \`Start Date\`/\`End Date\`; skipped` });
  return undefined;
}

function periodLabel(text: string): string | undefined {
  const quarterFirst = /\b([QH])([1-4])\s*[-/ ]?\s*(?:FY\s*)?(\d{4})\b/i.exec(text);
  const yearFirst = /\b(?:FY\s*)?(\d{4})\s*[-/ ]?\s*([QH])([1-4])\b/i.exec(text);
  const label = quarterFirst
    ? `${quarterFirst[3]}-${quarterFirst[1]!.toUpperCase()}${quarterFirst[2]}`
    : yearFirst
      ? `${yearFirst[1]}-${yearFirst[2]!.toUpperCase()}${yearFirst[3]}`
      : /^(?:FY\s*)?(\d{4})$/i.exec(text)?.[1];
  return label !== undefined && periodLabelPattern.test(label) ? label : undefined;
}
