/**
 * Where every objective and key result stands on one day: the numbers every
 * output shows (`okr status`, the site's pages, charts, `okrs.json` and
 * `badge.json`), computed once here. Pure: a history and a day in, numbers out.
 *
 * A day after an objective's period counts as its last day (the end-of-period
 * grade); nothing that happened after the day counts.
 */
import type { Checkin, History, KeyResultHistory, ObjectiveHistory, SeriesPoint } from './history-types.ts';
import { round } from './numbers.ts';
import { contains, daysBetween } from './period.ts';
import { expectedProgress, grade, keyResultStatus, status, type Grade, type KeyResultStatus, type Status } from './score.ts';

export interface KeyResultStanding {
  id: string;
  /** The latest value on the day: `current`, 1/0 for a milestone, null before the first measurement. */
  value: number | null;
  /** 0–1. */
  progress: number;
  /** 0–1, the share of the key result's window elapsed; null when open-ended. */
  expected: number | null;
  status: KeyResultStatus;
  confidence: number | null;
  /**
   * Day of its latest check-in on or before the day (a change of its value or confidence, or a
   * new `as_of`), or the day it was written down; a rescored target is not a check-in.
   */
  lastCheckin: string | null;
  grade: Grade;
  weight: number;
}

export interface ObjectiveStanding {
  id: string;
  /** The day the numbers are for: the standing's day, or the period's last day once it is over. */
  asOf: string;
  /** Deleted on or before the day: still listed, marked archived. */
  archived: boolean;
  /** Counted in its period's overall score: not deleted by `asOf`. */
  counted: boolean;
  /** Weighted mean of the key results that are not dropped. */
  progress: number;
  expected: number | null;
  status: Status;
  grade: Grade;
  confidence: number | null;
  /** Days until the period ends; null for an open-ended period. */
  daysLeft: number | null;
  lastCheckin: { date: string; commit: string } | null;
  checkinCount: number;
  keyResults: KeyResultStanding[];
}

export interface PeriodStanding {
  label: string;
  start: string;
  end: string | null;
  when: 'past' | 'current' | 'future';
  /** Ids of the objectives its score counts, in the history's order. */
  objectives: string[];
  /** Mean progress of the counted objectives. */
  progress: number;
  grade: Grade;
}

export interface Standing {
  now: string;
  objectives: ObjectiveStanding[];
  periods: PeriodStanding[];
}

export function standingOn(history: Pick<History, 'objectives' | 'checkins'>, now: string): Standing {
  const checkins = new Map<string, Checkin[]>();
  for (const checkin of history.checkins) checkins.set(checkin.objective, [...(checkins.get(checkin.objective) ?? []), checkin]);
  const objectives = history.objectives.map((objective) => objectiveStanding(objective, checkins.get(objective.id) ?? [], now));
  return { now, objectives, periods: periodStandings(history.objectives, objectives, now) };
}

export function objectiveStanding(objective: ObjectiveHistory, checkins: readonly Pick<Checkin, 'date' | 'commit' | 'changes'>[], now: string): ObjectiveStanding {
  const end = objective.period.end;
  const asOf = end !== null && end < now ? end : now;
  const keyResults = objective.keyResults.map((kr) => keyResultStanding(kr, objective, asOf, checkins));
  const scored = keyResults.filter((kr) => kr.status !== 'dropped');
  const progress = weightedMean(scored.map((kr) => [kr.progress, kr.weight]));
  const withPace = scored.filter((kr) => kr.expected !== null);
  const expected = withPace.length === 0 ? null : weightedMean(withPace.map((kr) => [kr.expected ?? 0, kr.weight]));
  const confident = scored.filter((kr) => kr.confidence !== null);
  const upToDay = checkins.filter((checkin) => day(checkin.date) <= asOf);
  const latest = upToDay.reduce<Pick<Checkin, 'date' | 'commit' | 'changes'> | undefined>((newest, checkin) => (!newest || checkin.date > newest.date ? checkin : newest), undefined);
  const deleted = objective.deleted === null ? undefined : day(objective.deleted.date);
  return {
    id: objective.id,
    asOf,
    archived: deleted !== undefined && deleted <= now,
    counted: deleted === undefined || deleted > asOf,
    progress: round(progress),
    expected: expected === null ? null : round(expected),
    status: status(progress, expected ?? undefined, { start: objective.period.start }, asOf),
    grade: grade(progress, objective.type),
    confidence: confident.length === 0 ? null : round(weightedMean(confident.map((kr) => [kr.confidence ?? 0, kr.weight]))),
    daysLeft: end === null ? null : Math.max(0, daysBetween(now, end)),
    lastCheckin: latest ? { date: latest.date, commit: latest.commit } : null,
    checkinCount: upToDay.length,
    keyResults,
  };
}

export function keyResultStanding(
  kr: KeyResultHistory,
  objective: Pick<ObjectiveHistory, 'period' | 'type'>,
  asOf: string,
  checkins: readonly Pick<Checkin, 'date' | 'changes'>[] = [],
): KeyResultStanding {
  const points = pointsUpTo(kr.series, asOf);
  const checkedIn = checkins
    .filter((checkin) => day(checkin.date) <= asOf && checkin.changes.some((change) => change.kr === kr.id))
    .reduce<string | undefined>((newest, checkin) => (newest === undefined || day(checkin.date) > newest ? day(checkin.date) : newest), points[0] ? day(points[0].date) : undefined);
  const last = points.at(-1);
  const window = { start: objective.period.start, end: kr.due ?? objective.period.end ?? undefined };
  const progress = last?.progress ?? 0;
  const expected = expectedProgress(window, asOf, kr.kind);
  const confidence = points.findLast((point) => point.confidence !== undefined)?.confidence ?? null;
  return {
    id: kr.id,
    value: last?.value ?? null,
    progress: round(progress),
    expected: expected === undefined ? null : round(expected),
    status: kr.status === 'dropped' ? 'dropped' : keyResultStatus(kr.kind, progress, expected, window, asOf),
    confidence,
    lastCheckin: checkedIn ?? null,
    grade: grade(progress, objective.type),
    weight: kr.weight,
  };
}

/** Points on or before `now`: the state on that day. */
export function pointsUpTo(series: readonly SeriesPoint[], now: string): SeriesPoint[] {
  return series.filter((point) => day(point.date) <= now);
}

/** One entry per period label; a period's score counts its objectives that were not deleted by then. */
function periodStandings(histories: readonly ObjectiveHistory[], standings: readonly ObjectiveStanding[], now: string): PeriodStanding[] {
  const byLabel = new Map<string, { period: ObjectiveHistory['period']; members: ObjectiveStanding[] }>();
  histories.forEach((objective, index) => {
    const entry = byLabel.get(objective.period.label) ?? { period: objective.period, members: [] };
    entry.members.push(standings[index]!);
    byLabel.set(objective.period.label, entry);
  });
  return [...byLabel.values()].map(({ period, members }): PeriodStanding => {
    const counted = members.filter((member) => member.counted);
    const progress = counted.length === 0 ? 0 : counted.reduce((sum, member) => sum + member.progress, 0) / counted.length;
    const when = now < period.start ? 'future' : contains({ ...period, end: period.end ?? undefined }, now) ? 'current' : 'past';
    return { label: period.label, start: period.start, end: period.end, when, objectives: counted.map((member) => member.id), progress: round(progress), grade: grade(progress) };
  });
}

function weightedMean(pairs: readonly (readonly [number, number])[]): number {
  let total = 0;
  let weights = 0;
  for (const [value, weight] of pairs) {
    total += value * weight;
    weights += weight;
  }
  return weights === 0 ? 0 : total / weights;
}

/** A calendar day; fixtures and imported histories may carry a full instant. */
function day(date: string): string {
  return date.slice(0, 10);
}
