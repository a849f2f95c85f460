/**
 * `okr status`: the current period as a terminal dashboard, or as JSON. Pure: a
 * history, a day, colours and a width in; text out. The numbers are the
 * standing's (src/core/standing.ts): this only lays them out.
 */
import type { History, KeyResultHistory, ObjectiveHistory } from '../core/history-types.ts';
import { daysBetween } from '../core/period.ts';
import type { KeyResultStatus } from '../core/score.ts';
import { standingOn, type KeyResultStanding, type ObjectiveStanding, type PeriodStanding, type Standing } from '../core/standing.ts';
import type { Colors } from './stylish.ts';
import { plural } from '../core/words.ts';

export interface StatusOptions {
  now: string;
  colors: Colors;
  /** Terminal columns; every line fits in them (down to 50). */
  width: number;
  /**
   * The current files of okrs/ that cannot be read, by path, with the first problem: the history keeps such an
   * objective off the site as it may be private, which does not make it private, so it is not labelled so.
   */
  unreadable?: ReadonlyMap<string, { line: number; message: string }>;
}

const MAX_BAR = 20;
const MIN_BAR = 6;

/** The objectives of the periods running on the day, without archived ones: what `okr status` shows. */
export function currentStanding(history: History, now: string): { standing: Standing; periods: { period: PeriodStanding; objectives: [ObjectiveHistory, ObjectiveStanding][] }[] } {
  const standing = standingOn(history, now);
  const byId = new Map(standing.objectives.map((objective) => [objective.id, objective]));
  const historyById = new Map(history.objectives.map((objective) => [objective.id, objective]));
  const periods = standing.periods
    .filter((period) => period.when === 'current')
    .map((period) => ({ period, objectives: period.objectives.map((id): [ObjectiveHistory, ObjectiveStanding] => [historyById.get(id)!, byId.get(id)!]) }))
    .filter((period) => period.objectives.length > 0);
  return { standing, periods };
}

export function formatStatus(history: History, options: StatusOptions): string {
  const { now, colors } = options;
  const width = Math.min(120, Math.max(50, options.width));
  const { periods } = currentStanding(history, now);
  if (periods.length === 0) {
    const latest = history.objectives
      .map((objective) => objective.period.label)
      .sort()
      .at(-1);
    return `No objectives in the period of ${now}${latest ? `; the latest period is ${latest}` : ''}.\n`;
  }
  const lines: string[] = [];
  for (const { period, objectives } of periods) {
    const elapsed = period.end === null ? '' : `  day ${daysBetween(period.start, now) + 1} of ${daysBetween(period.start, period.end) + 1}`;
    const facts = `  ${plural(objectives.length, 'objective')}, overall ${percent(period.progress)}`;
    lines.push(colors.bold(`${period.label}${colors.dim(`${elapsed}${facts}`)}`), '');
    for (const [objective, standing] of objectives) lines.push(...objectiveLines(objective, standing, options, width), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `okr status --format json`: the standing of what the text shows. */
export function formatStatusJson(history: History, now: string): string {
  const { periods } = currentStanding(history, now);
  const objectives = periods.flatMap(({ objectives: members }) =>
    members.map(([objective, { id, keyResults, ...standing }]) => ({
      id,
      title: objective.title,
      period: objective.period.label,
      ...standing,
      keyResults: keyResults.map(({ id: krId, ...kr }, index) => ({ id: krId, title: objective.keyResults[index]!.title, ...kr })),
    })),
  );
  return `${JSON.stringify({ now, periods: periods.map(({ period }) => period), objectives }, null, 2)}\n`;
}

function objectiveLines(objective: ObjectiveHistory, standing: ObjectiveStanding, options: StatusOptions, width: number): string[] {
  const { colors, now } = options;
  const unreadable = objective.private ? options.unreadable?.get(objective.path) : undefined;
  const tag = [objective.owner, unreadable ? 'cannot be read' : objective.private ? 'private' : undefined].filter(Boolean).join(' · ');
  const shown = percent(standing.progress);
  const gradeColor = { green: colors.green, yellow: colors.yellow, red: colors.red }[standing.grade];
  const title = truncate(objective.title, width - shown.length - tag.length - 4);
  const gap = ' '.repeat(Math.max(1, width - title.length - shown.length - tag.length - 3));
  const lines = [`${colors.bold(title)}${gap}${gradeColor(shown)}  ${colors.dim(tag)}`];
  if (unreadable) {
    const where = `${objective.path}:${unreadable.line}`;
    lines.push(`  ${colors.yellow(truncate(where, width - 2))}`, ...wrap(`${unreadable.message}; its last readable version is shown`, width - 4).map((line) => `    ${line}`));
  }
  const rows = objective.keyResults.map((kr, index) => {
    const krStanding = standing.keyResults[index]!;
    return { kr: krStanding, id: kr.id, value: valueText(kr, krStanding), age: krStanding.lastCheckin ? age(krStanding.lastCheckin, now) : 'no check-in' };
  });
  const columns = fit(width, {
    id: Math.min(18, Math.max(...rows.map((row) => row.id.length))),
    value: Math.min(24, Math.max(...rows.map((row) => row.value.length))),
    state: Math.max(...rows.map((row) => row.kr.status.length)),
    age: Math.max(...rows.map((row) => row.age.length)),
  });
  for (const row of rows) {
    const cells = [
      truncate(row.id, columns.id).padEnd(columns.id),
      bar(row.kr, columns.bar, colors),
      `${String(Math.round(row.kr.progress * 100)).padStart(3)}%`,
      truncate(row.value, columns.value).padEnd(columns.value),
      paint(row.kr.status, colors)(row.kr.status.padEnd(columns.state)),
      colors.dim(row.age),
    ];
    lines.push(`  ${cells.join('  ')}`);
  }
  return lines;
}

/** Column widths for a key result line of at most `width` characters: the bar shrinks first, then the value, then the id. */
function fit(width: number, wanted: { id: number; value: number; state: number; age: number }): { id: number; bar: number; value: number; state: number } {
  const columns = { ...wanted, bar: MAX_BAR };
  const length = () => 2 + columns.id + 2 + columns.bar + 2 + 4 + 2 + columns.value + 2 + columns.state + 2 + columns.age;
  columns.bar = Math.max(MIN_BAR, MAX_BAR - Math.max(0, length() - width));
  columns.value = Math.max(Math.min(8, wanted.value), columns.value - Math.max(0, length() - width));
  columns.id = Math.max(Math.min(8, wanted.id), columns.id - Math.max(0, length() - width));
  return columns;
}

/** Filled up to the progress, `│` where the pace says it should be by now. */
function bar(kr: KeyResultStanding, cells: number, colors: Colors): string {
  const filled = Math.round(kr.progress * cells);
  const marker = kr.expected === null ? -1 : Math.min(cells - 1, Math.round(kr.expected * cells));
  let text = '';
  for (let cell = 0; cell < cells; cell++) text += cell === marker ? '│' : cell < filled ? '█' : '░';
  return colors.cyan(text);
}

function valueText(kr: KeyResultHistory, standing: KeyResultStanding): string {
  const value = standing.value;
  if (kr.kind === 'milestone') return value === 1 ? 'done' : 'not done';
  const unit = kr.unit ? ` ${kr.unit}` : '';
  const shown = value === null ? '–' : String(value);
  if (kr.kind === 'threshold') return `${shown}${unit} ${kr.keep_above !== undefined ? `> ${kr.keep_above}` : `< ${kr.keep_below}`}`;
  return `${shown} / ${kr.target}${unit}`;
}

function paint(state: KeyResultStatus, colors: Colors): (text: string) => string {
  switch (state) {
    case 'done':
    case 'on track':
      return colors.green;
    case 'at risk':
      return colors.yellow;
    case 'off track':
      return colors.red;
    default:
      return colors.dim;
  }
}

function age(date: string, now: string): string {
  const days = daysBetween(date, now);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  return `${Math.floor(days / 7)} weeks ago`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Words in lines of at most `length` characters; a longer word is cut. */
function wrap(text: string, length: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > length) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? truncate(word, length) : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, Math.max(0, length - 1))}…`;
}
