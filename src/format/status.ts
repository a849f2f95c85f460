/** `okr status`: the current period as a terminal dashboard. Pure: history, a day, colours and a width in; text out. */
import type { History, KeyResultHistory, ObjectiveHistory } from '../core/history-types.ts';
import { daysBetween } from '../core/period.ts';
import { expectedProgress, grade, status, type Status } from '../core/score.ts';
import type { Colors } from './stylish.ts';

export interface StatusOptions {
  now: string;
  colors: Colors;
  /** Terminal columns; the layout keeps between 60 and 120. */
  width: number;
}

const BAR = 20;

export function formatStatus(history: History, options: StatusOptions): string {
  const { now, colors } = options;
  const width = Math.min(120, Math.max(60, options.width));
  const current = history.objectives.filter((objective) => objective.deleted === null && objective.period.start <= now && (objective.period.end === null || now <= objective.period.end));
  if (current.length === 0) {
    const latest = history.objectives.map((objective) => objective.period.label).sort().at(-1);
    return `No objectives in the period of ${now}${latest ? `; the latest period is ${latest}` : ''}.\n`;
  }
  const lines: string[] = [];
  for (const [label, objectives] of groupBy(current, (objective) => objective.period.label)) {
    const { start, end } = objectives[0]!.period;
    const elapsed = end === null ? '' : `  day ${daysBetween(start, now) + 1} of ${daysBetween(start, end) + 1}`;
    lines.push(colors.bold(`${label}${colors.dim(elapsed)}`), '');
    for (const objective of objectives) lines.push(...objectiveLines(objective, options, width), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function objectiveLines(objective: ObjectiveHistory, options: StatusOptions, width: number): string[] {
  const { colors, now } = options;
  const scored = objective.keyResults.filter((kr) => kr.status === 'active');
  const weights = scored.reduce((sum, kr) => sum + kr.weight, 0);
  const score = weights === 0 ? 0 : scored.reduce((sum, kr) => sum + latestProgress(kr) * kr.weight, 0) / weights;
  const tag = [objective.owner, objective.private ? 'private' : undefined].filter(Boolean).join(' · ');
  const percent = `${Math.round(score * 100)}%`;
  const gradeColor = { green: colors.green, yellow: colors.yellow, red: colors.red }[grade(score, objective.type)];
  const title = truncate(objective.title, width - percent.length - tag.length - 4);
  const gap = ' '.repeat(Math.max(1, width - title.length - percent.length - tag.length - 3));
  const lines = [`${colors.bold(title)}${gap}${gradeColor(percent)}  ${colors.dim(tag)}`];
  const idWidth = Math.min(18, Math.max(...objective.keyResults.map((kr) => kr.id.length)));
  for (const kr of objective.keyResults) {
    const progress = latestProgress(kr);
    const window = { start: objective.period.start, end: kr.due ?? undefined };
    const expected = expectedProgress(window, now, kr.kind);
    const state: Status | 'dropped' = kr.status === 'dropped' ? 'dropped' : status(progress, expected, window, now);
    const last = kr.series.at(-1);
    const cells = [
      truncate(kr.id, idWidth).padEnd(idWidth),
      bar(progress, expected, colors),
      `${String(Math.round(progress * 100)).padStart(3)}%`,
      valueText(kr).padEnd(16),
      paint(state, colors)(state.padEnd(11)),
      colors.dim(last ? age(last.date, now) : 'no check-in'),
    ];
    lines.push(`  ${cells.join('  ')}`);
  }
  return lines;
}

function latestProgress(kr: KeyResultHistory): number {
  return kr.series.at(-1)?.progress ?? 0;
}

/** Filled up to the progress, `│` where the pace says it should be by now. */
function bar(progress: number, expected: number | undefined, colors: Colors): string {
  const filled = Math.round(progress * BAR);
  const marker = expected === undefined ? -1 : Math.min(BAR - 1, Math.round(expected * BAR));
  let text = '';
  for (let cell = 0; cell < BAR; cell++) text += cell === marker ? '│' : cell < filled ? '█' : '░';
  return colors.cyan(text);
}

function valueText(kr: KeyResultHistory): string {
  const value = kr.series.at(-1)?.value ?? null;
  if (kr.kind === 'milestone') return value === 1 ? 'done' : 'not done';
  const unit = kr.unit ? ` ${kr.unit}` : '';
  const shown = value === null ? '–' : String(value);
  if (kr.kind === 'threshold') return `${shown}${unit} ${kr.keep_above !== undefined ? `> ${kr.keep_above}` : `< ${kr.keep_below}`}`;
  return `${shown} / ${kr.target}${unit}`;
}

function paint(state: Status | 'dropped', colors: Colors): (text: string) => string {
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

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, Math.max(0, length - 1))}…`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
