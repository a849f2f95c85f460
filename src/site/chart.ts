/**
 * Geometry of the key result charts and the sparklines: numbers in, SVG path
 * data and coordinates out. No DOM; the components only place what this returns.
 */
import { scaleLinear } from 'd3-scale';
import { curveLinear, curveStepAfter, line } from 'd3-shape';
import type { KeyResultHistory, SeriesPoint } from '../core/history-types.ts';
import { dateOfDay, dayNumber } from '../core/period.ts';
import { pointsUpTo } from '../core/standing.ts';
import { formatDay, formatNumber } from './format.ts';

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const KR_CHART: ChartBox = { width: 640, height: 220, margin: { top: 14, right: 16, bottom: 30, left: 52 } };
export const SPARKLINE: ChartBox = { width: 120, height: 32, margin: { top: 3, right: 3, bottom: 3, left: 3 } };

export interface Tick {
  position: number;
  label: string;
}

export interface KeyResultChart {
  width: number;
  height: number;
  /** Inner plot area. */
  plot: { left: number; top: number; right: number; bottom: number };
  /** Actual values as a step line, held until `now`. */
  actual: string | null;
  /** Straight line from baseline at the window start to target at the due date. */
  expected: string | null;
  /** Target value(s): one for a metric or milestone, one or two for a threshold. */
  targets: { y: number; label: string }[];
  /** Least-squares projection from the last value to the due date. */
  trend: string | null;
  /** `synced`: the point came from `okr sync` (its commit has an `Okr-Sync:` trailer). */
  dots: { x: number; y: number; synced: boolean }[];
  /** Vertical line at `now`, when it falls inside the chart. */
  today: number | null;
  xTicks: Tick[];
  yTicks: Tick[];
}

export interface ChartWindow {
  start: string;
  /** Due date; null for an open-ended period. */
  end: string | null;
}

/** Points at or before `now`: a build for `now` shows the state on that day. */
export { pointsUpTo };

/** A milestone is open or done: a low chart is enough. */
export const MILESTONE_CHART: ChartBox = { ...KR_CHART, height: 110 };

export function keyResultChart(
  kr: KeyResultHistory,
  window: ChartWindow,
  now: string,
  box: ChartBox = kr.kind === 'milestone' ? MILESTONE_CHART : KR_CHART,
  syncedCommits: ReadonlySet<string> = new Set(),
): KeyResultChart {
  const points = pointsUpTo(kr.series, now).filter((point) => point.value !== null) as (SeriesPoint & { value: number })[];
  const plot = {
    left: box.margin.left,
    top: box.margin.top,
    right: box.width - box.margin.right,
    bottom: box.height - box.margin.bottom,
  };

  const start = dayNumber(window.start);
  const lastDay = Math.max(start, ...points.map((point) => dayNumber(point.date.slice(0, 10))), dayNumber(now));
  const firstDay = Math.min(start, ...points.map((point) => dayNumber(point.date.slice(0, 10))));
  const end = window.end === null ? lastDay : Math.max(dayNumber(window.end), firstDay + 1);
  const x = scaleLinear()
    .domain([firstDay, end === firstDay ? firstDay + 1 : end])
    .range([plot.left, plot.right])
    .clamp(true);

  const targetValues = targetsOf(kr);
  const values = [...points.map((point) => point.value), ...targetValues.map((target) => target.value)];
  if (kr.baseline !== undefined) values.push(kr.baseline);
  if (kr.kind === 'milestone') values.push(0, 1);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const y = scaleLinear()
    .domain(low === high ? [low - 1, high + 1] : [low, high])
    .nice(4)
    .range([plot.bottom, plot.top])
    .clamp(true);

  const straight = line<[number, number]>()
    .x(([day]) => x(day))
    .y(([, value]) => y(value))
    .curve(curveLinear)
    .digits(1);
  const stepped = line<[number, number]>()
    .x(([day]) => x(day))
    .y(([, value]) => y(value))
    .curve(curveStepAfter)
    .digits(1);

  const steps: [number, number][] = points.map((point) => [dayNumber(point.date.slice(0, 10)), point.value]);
  const last = steps.at(-1);
  if (last && dayNumber(now) > last[0]) steps.push([Math.min(dayNumber(now), end), last[1]]);
  const actual = steps.length === 0 ? null : stepped(steps);

  const expected =
    window.end !== null && kr.baseline !== undefined && kr.target !== undefined && kr.kind !== 'threshold'
      ? straight([
          [start, kr.baseline],
          [dayNumber(window.end), kr.target],
        ])
      : null;

  const lastPoint = points.at(-1);
  const trend =
    kr.trend && lastPoint && kr.kind !== 'milestone'
      ? (() => {
          const from = dayNumber(lastPoint.date.slice(0, 10));
          const until = Math.max(from, end);
          return until === from
            ? null
            : straight([
                [from, lastPoint.value],
                [until, lastPoint.value + kr.trend.slopePerDay * (until - from)],
              ]);
        })()
      : null;

  const today = dayNumber(now) >= firstDay && dayNumber(now) <= end ? round1(x(dayNumber(now))) : null;

  return {
    width: box.width,
    height: box.height,
    plot,
    actual,
    expected,
    targets: targetValues.map((target) => ({ y: round1(y(target.value)), label: target.label })),
    trend,
    dots: steps.slice(0, points.length).map(([day, value], index) => ({ x: round1(x(day)), y: round1(y(value)), synced: syncedCommits.has(points[index]?.commit ?? '') })),
    today,
    xTicks: [...new Set([firstDay, end])].map((day) => ({ position: round1(x(day)), label: formatDay(dateOfDay(day)) })),
    yTicks:
      kr.kind === 'milestone'
        ? [
            { position: round1(y(0)), label: 'open' },
            { position: round1(y(1)), label: 'done' },
          ]
        : y.ticks(4).map((value) => ({ position: round1(y(value)), label: formatNumber(value) })),
  };
}

function targetsOf(kr: KeyResultHistory): { value: number; label: string }[] {
  switch (kr.kind) {
    case 'milestone':
      return [{ value: 1, label: 'done' }];
    case 'threshold':
      return [
        ...(kr.keep_above === undefined ? [] : [{ value: kr.keep_above, label: `above ${formatNumber(kr.keep_above)}` }]),
        ...(kr.keep_below === undefined ? [] : [{ value: kr.keep_below, label: `below ${formatNumber(kr.keep_below)}` }]),
      ];
    default:
      return kr.target === undefined ? [] : [{ value: kr.target, label: `target ${formatNumber(kr.target)}` }];
  }
}

/** Progress of an objective over time, 0–1, from its key results' series: the sparkline. */
export function progressSeries(keyResults: readonly Pick<KeyResultHistory, 'series' | 'weight' | 'status'>[], now: string): { date: string; progress: number }[] {
  const scored = keyResults.filter((kr) => kr.status !== 'dropped');
  const days = [...new Set(scored.flatMap((kr) => pointsUpTo(kr.series, now).map((point) => point.date.slice(0, 10))))].sort();
  const progressOn = scored.map((kr) => progressOnDays(kr.series, days));
  let weights = 0;
  for (const kr of scored) weights += kr.weight;
  return days.map((date, day) => {
    let total = 0;
    scored.forEach((kr, index) => (total += (progressOn[index]![day] ?? 0) * kr.weight));
    return { date, progress: weights === 0 ? 0 : total / weights };
  });
}

/**
 * For each of the ascending `days`, the progress of the series' last point (in series order)
 * on or before that day: one pass over the points sorted by day instead of a scan per day.
 */
function progressOnDays(series: readonly SeriesPoint[], days: readonly string[]): (number | undefined)[] {
  const byDay = series.map((point, index) => ({ day: point.date.slice(0, 10), index })).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.index - b.index));
  const progress: (number | undefined)[] = [];
  let latest = -1;
  let next = 0;
  for (const day of days) {
    for (; next < byDay.length && byDay[next]!.day <= day; next++) latest = Math.max(latest, byDay[next]!.index);
    progress.push(latest === -1 ? undefined : series[latest]!.progress);
  }
  return progress;
}

export interface Sparkline {
  width: number;
  height: number;
  path: string | null;
}

export function sparkline(series: readonly { date: string; progress: number }[], window: ChartWindow, now: string, box: ChartBox = SPARKLINE): Sparkline {
  const first = Math.min(dayNumber(window.start), ...series.map((point) => dayNumber(point.date)));
  const last = Math.max(window.end === null ? dayNumber(now) : dayNumber(window.end), first + 1);
  const x = scaleLinear()
    .domain([first, last])
    .range([box.margin.left, box.width - box.margin.right])
    .clamp(true);
  const y = scaleLinear()
    .domain([0, 1])
    .range([box.height - box.margin.bottom, box.margin.top])
    .clamp(true);
  const steps: [number, number][] = series.map((point) => [dayNumber(point.date), point.progress]);
  const tail = steps.at(-1);
  if (tail && dayNumber(now) > tail[0]) steps.push([Math.min(dayNumber(now), last), tail[1]]);
  const path = line<[number, number]>()
    .x(([day]) => x(day))
    .y(([, progress]) => y(progress))
    .curve(curveStepAfter)
    .digits(1);
  return { width: box.width, height: box.height, path: steps.length === 0 ? null : path(steps) };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
