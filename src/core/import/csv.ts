/**
 * The generic CSV of gitops-okr (docs/import.md): one row per objective, key result, initiative
 * and check-in. `okr export csv` writes it, `okr import csv` reads it, so leaving is as easy as
 * arriving. Pure: text in, plan out; history in, text out.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { History } from '../history-types.ts';
import { isValidId } from '../ids.ts';
import { resolvePeriod } from '../period.ts';
import { isCalendarDate, PeriodSchema, type Objective } from '../schema.ts';
import { emptyReport, readNumber, uniqueId, type ImportedKeyResult, type ImportedObjective, type ImportPlan, type User } from './plan.ts';

export const CSV_COLUMNS = ['type', 'objective', 'key_result', 'title', 'folder', 'period', 'owner', 'goal_type', 'aligned_to', 'baseline', 'target', 'unit', 'date', 'user', 'value', 'note'] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

export function parseGeneric(text: string, users: readonly User[] = []): ImportPlan {
  const report = emptyReport();
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...body] = records;
  const plan: ImportPlan = { source: 'csv', objectives: [], report };
  if (header === undefined) return plan;
  const names = header.record.map((name) => name.trim().toLowerCase());
  report.unmappedColumns = names.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  const handle = (name: string) => {
    const user = users.find((each) => each.name.toLowerCase() === name.toLowerCase() || each.email?.toLowerCase() === name.toLowerCase());
    if (user?.github) return user.github.replace(/^@/, '');
    if (name !== '' && !report.ownersWithoutHandle.includes(name)) report.ownersWithoutHandle.push(name);
    return name;
  };
  const objectives = new Map<string, ImportedObjective>();
  const keys = new Set<string>();
  let line = header.info.lines + 1;
  report.rows = body.length;
  for (const { record, info } of body) {
    const at = line;
    line = info.lines + 1;
    const row: Row = Object.fromEntries(names.map((name, index) => [name, record[index]?.trim() ?? '']));
    const problem = (message: string) => report.problems.push({ line: at, message: `${message}; skipped` });
    const objective = objectives.get(row.objective ?? '');
    switch (row.type) {
      case 'objective': {
        const id = row.objective ?? '';
        const period = readPeriodCell(row.period ?? '');
        if (!isValidId(id) || !row.title || period === undefined) {
          problem(!isValidId(id) ? `Objective id ${JSON.stringify(id)} is not an id` : !row.title ? 'Objective without a title' : `Could not read the period ${JSON.stringify(row.period)}`);
          break;
        }
        if (objectives.has(id)) {
          problem(`Objective ${id} appears twice`);
          break;
        }
        const range = resolvePeriod(period);
        objectives.set(id, {
          sourceId: id,
          id,
          folder: row.folder || range.label.toLowerCase().replace(/\.\./g, '_'),
          title: row.title,
          period,
          start: range.start,
          ...(row.owner ? { owner: handle(row.owner) } : {}),
          coOwners: [],
          type: row.goal_type === 'committed' ? 'committed' : 'aspirational',
          alignedTo: row.aligned_to && row.aligned_to !== 'mission' ? row.aligned_to.split(/\s+/) : [],
          initiatives: [],
          keyResults: [],
          line: at,
        });
        break;
      }
      case 'key_result': {
        const baseline = readNumber(row.baseline);
        const target = readNumber(row.target);
        if (objective === undefined || !isValidId(row.key_result ?? '') || !row.title || (row.target && target === undefined) || (row.baseline && baseline === undefined)) {
          problem(
            objective === undefined
              ? `Key result of unknown objective ${JSON.stringify(row.objective)}`
              : `Key result ${JSON.stringify(row.key_result)} needs an id, a title and numbers for baseline and target`,
          );
          break;
        }
        const kr: ImportedKeyResult = {
          sourceId: `${objective.id}/${row.key_result}`,
          id: row.key_result!,
          title: row.title,
          ...(target === undefined ? { done: false } : { baseline: baseline ?? 0, target, ...(row.unit ? { unit: row.unit } : {}) }),
          checkins: [],
        };
        objective.keyResults.push(kr);
        report.counts.keyResults += 1;
        break;
      }
      case 'initiative':
        if (objective === undefined || !row.title) problem('Initiative without a title or of an unknown objective');
        else {
          objective.initiatives.push({ title: row.title, done: row.value === 'done' });
          report.counts.initiatives += 1;
        }
        break;
      case 'checkin': {
        const kr = objective?.keyResults.find((each) => each.id === row.key_result);
        const date = row.date ?? '';
        const milestone = kr?.done !== undefined;
        const value = milestone ? undefined : readNumber(row.value);
        if (kr === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isCalendarDate(date) || (!milestone && value === undefined) || (milestone && row.value !== 'done' && row.value !== 'not-done')) {
          problem(
            kr === undefined
              ? `Check-in of unknown key result ${JSON.stringify(`${row.objective}/${row.key_result}`)}`
              : `Check-in needs a date such as 2026-03-10 and a value (a number, or done/not-done for a milestone)`,
          );
          break;
        }
        kr.checkins.push({
          key: uniqueId(`${objective!.id}/${kr.id} ${date}`, keys),
          date,
          at: `${date} ${String(report.counts.checkins).padStart(8, '0')}`,
          user: handle(row.user ?? ''),
          note: row.note ?? '',
          ...(milestone ? { done: row.value === 'done' } : { value }),
        });
        report.counts.checkins += 1;
        break;
      }
      default:
        problem(`Unknown row type ${JSON.stringify(row.type)} (expected objective, key_result, initiative or checkin)`);
    }
  }
  plan.objectives = [...objectives.values()];
  report.counts.objectives = plan.objectives.length;
  return plan;
}

/** `2026-Q4`, or `2026-10-05..2026-12-18`. */
function readPeriodCell(text: string): Objective['period'] | undefined {
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})?$/.exec(text);
  const parsed = PeriodSchema.safeParse(range ? { start: range[1], ...(range[2] ? { end: range[2] } : {}) } : text);
  return parsed.success ? parsed.data : undefined;
}

/** The file text of an export: the current files for objectives, key results and initiatives, the history for check-ins (oldest first). */
export function exportGeneric(objectives: readonly { folder: string; data: Objective; initiatives: { title: string; done: boolean }[] }[], history: History): string {
  const rows: Row[] = [];
  const byId = new Map(history.objectives.map((objective) => [objective.id, objective]));
  const checkins = [...history.checkins].reverse();
  for (const { folder, data, initiatives } of objectives) {
    const id = data.id!;
    const period = typeof data.period === 'string' ? data.period : `${data.period.start}..${data.period.end ?? ''}`;
    rows.push({
      type: 'objective',
      objective: id,
      title: data.title,
      folder,
      period,
      owner: data.owner ?? '',
      goal_type: data.type,
      aligned_to: typeof data.aligned_to === 'string' ? data.aligned_to : data.aligned_to.join(' '),
    });
    for (const kr of data.key_results) {
      const metric = kr.done === undefined;
      rows.push({
        type: 'key_result',
        objective: id,
        key_result: kr.id,
        title: kr.title,
        baseline: metric ? String(kr.baseline ?? '') : '',
        target: metric ? String(kr.target ?? '') : '',
        unit: kr.unit ?? '',
      });
    }
    for (const item of initiatives) rows.push({ type: 'initiative', objective: id, title: item.title, value: item.done ? 'done' : 'open' });
    const kinds = new Map(byId.get(id)?.keyResults.map((kr) => [kr.id, kr.kind]));
    for (const checkin of checkins.filter((each) => each.objective === id)) {
      for (const change of checkin.changes) {
        if (change.to === null) continue;
        const value = kinds.get(change.kr) === 'milestone' ? (change.to === 1 ? 'done' : 'not-done') : String(change.to);
        rows.push({ type: 'checkin', objective: id, key_result: change.kr, date: checkin.date, user: checkin.author, value, note: noteOf(checkin.message) });
      }
    }
  }
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], quoted_match: /^[=+\-@\t\r]/ });
}

/** The message without its `Imported-From:` trailers. */
function noteOf(message: string): string {
  return message
    .split('\n')
    .filter((line) => !/^Imported-From:/i.test(line))
    .join('\n')
    .trim();
}

/** `- [x] Ship the demo` lines of a body. */
export function readInitiatives(body: string): { title: string; done: boolean }[] {
  return [...body.matchAll(/^- \[([ xX])\] (.+)$/gm)].map((match) => ({ title: match[2]!.trim(), done: match[1] !== ' ' }));
}
