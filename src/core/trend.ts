/**
 * Where a key result is heading: a least-squares line through its recent
 * points and the day that line meets the target.
 */
import type { KeyResultHistory, SeriesPoint } from './history-types.ts';
import { round } from './numbers.ts';
import { dateOfDay, dayNumber } from './period.ts';

/** Points within this many days of the latest one count as recent… */
export const TREND_WINDOW_DAYS = 28;
/** …but never fewer than this many, when the series has them. */
export const TREND_MIN_POINTS = 3;
/** A projection further out than this is no projection. */
const HORIZON_DAYS = 5 * 366;

export interface Line {
  slopePerDay: number;
  /** Value of the line on day 0 of the epoch (`dayNumber`). */
  intercept: number;
}

/** Ordinary least squares; undefined with fewer than two distinct days. */
export function leastSquares(points: readonly { day: number; value: number }[]): Line | undefined {
  if (points.length < 2) return undefined;
  const meanDay = points.reduce((sum, point) => sum + point.day, 0) / points.length;
  const meanValue = points.reduce((sum, point) => sum + point.value, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.day - meanDay) * (point.value - meanValue);
    variance += (point.day - meanDay) ** 2;
  }
  if (variance === 0) return undefined;
  const slopePerDay = covariance / variance;
  return { slopePerDay, intercept: meanValue - slopePerDay * meanDay };
}

/**
 * The measured points a trend is drawn through: the last TREND_WINDOW_DAYS, at least TREND_MIN_POINTS.
 * With `now` after the last check-in, the last value counts as still true on `now`: a key result
 * nobody has moved for weeks has slowed down.
 */
export function recentPoints(series: readonly SeriesPoint[], now?: string): { day: number; value: number }[] {
  const measured = series.filter((point): point is SeriesPoint & { value: number } => point.value !== null).map((point) => ({ day: dayNumber(point.date), value: point.value }));
  const last = measured.at(-1);
  if (last === undefined) return [];
  if (now !== undefined && dayNumber(now) > last.day) measured.push({ day: dayNumber(now), value: last.value });
  const since = (measured.at(-1) as { day: number }).day - TREND_WINDOW_DAYS;
  const inWindow = measured.filter((point) => point.day >= since);
  return inWindow.length >= TREND_MIN_POINTS ? inWindow : measured.slice(-TREND_MIN_POINTS);
}

/**
 * Trend of a metric or threshold key result, as of `now` (see recentPoints); null for milestones (0 or 1 has
 * no pace), with fewer than two measured days, or when the value does not move.
 * `reachesTargetOn` is set only for metrics that have not reached the target
 * yet and are moving towards it.
 */
export function keyResultTrend(kr: Pick<KeyResultHistory, 'kind' | 'target'>, series: readonly SeriesPoint[], now?: string): KeyResultHistory['trend'] {
  if (kr.kind === 'milestone') return null;
  const points = recentPoints(series, now);
  const line = leastSquares(points);
  if (line === undefined || Math.abs(line.slopePerDay) < 1e-12) return null;
  const slopePerDay = round(line.slopePerDay, 6);
  if (kr.kind === 'threshold' || kr.target === undefined) return { slopePerDay, reachesTargetOn: null };
  const latest = points.at(-1) as { day: number; value: number };
  const reached = kr.kind === 'increase' ? latest.value >= kr.target : latest.value <= kr.target;
  const towards = kr.kind === 'increase' ? line.slopePerDay > 0 : line.slopePerDay < 0;
  if (reached || !towards) return { slopePerDay, reachesTargetOn: null };
  const day = Math.max(latest.day, Math.ceil((kr.target - line.intercept) / line.slopePerDay - 1e-9));
  return { slopePerDay, reachesTargetOn: day - latest.day > HORIZON_DAYS ? null : dateOfDay(day) };
}
