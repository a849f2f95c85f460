import { describe, expect, it } from 'vitest';
import type { KeyResultHistory } from '../../src/core/history-types.ts';
import { KR_CHART, keyResultChart, pointsUpTo, progressSeries, sparkline } from '../../src/site/chart.ts';

const feedback: KeyResultHistory = {
  id: 'feedback',
  title: 'Raise feedback from 3.6 to 4.5',
  kind: 'increase',
  baseline: 3.6,
  target: 4.5,
  due: '2026-12-31',
  weight: 1,
  status: 'active',
  series: [
    { date: '2026-10-01', commit: 'a', value: 3.6, progress: 0, expected: 0 },
    { date: '2026-10-15', commit: 'b', value: 3.9, progress: 1 / 3, expected: 0.15, confidence: 0.6 },
    { date: '2026-11-01', commit: 'c', value: 4.2, progress: 2 / 3, expected: 0.34 },
  ],
  trend: { slopePerDay: 0.02, reachesTargetOn: '2026-11-16' },
};
const window = { start: '2026-10-01', end: '2026-12-31' };

/** Pairs of numbers in an SVG path. */
function coordinates(path: string): [number, number][] {
  return [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
}

describe('keyResultChart', () => {
  const chart = keyResultChart(feedback, window, '2026-11-20');

  it('marks the dots of commits that okr sync made, and only those', () => {
    expect(chart.dots.map((dot) => dot.synced)).toEqual([false, false, false]);
    expect(keyResultChart(feedback, window, '2026-11-20', undefined, new Set(['c'])).dots.map((dot) => dot.synced)).toEqual([false, false, true]);
  });

  it('places one dot per measurement inside the plot, later ones to the right and higher values higher', () => {
    expect(chart.dots).toHaveLength(3);
    for (const dot of chart.dots) {
      expect(dot.x).toBeGreaterThanOrEqual(chart.plot.left);
      expect(dot.x).toBeLessThanOrEqual(chart.plot.right);
      expect(dot.y).toBeGreaterThanOrEqual(chart.plot.top);
      expect(dot.y).toBeLessThanOrEqual(chart.plot.bottom);
    }
    expect(chart.dots[0]!.x).toBe(chart.plot.left);
    expect(chart.dots[1]!.x).toBeGreaterThan(chart.dots[0]!.x);
    expect(chart.dots[2]!.y).toBeLessThan(chart.dots[1]!.y);
  });

  it('draws the actual values as steps held until today', () => {
    const points = coordinates(chart.actual!);
    // A step line turns at right angles: each segment is horizontal or vertical.
    for (let i = 1; i < points.length; i++) {
      const [x0, y0] = points[i - 1]!;
      const [x1, y1] = points[i]!;
      expect(x0 === x1 || y0 === y1).toBe(true);
    }
    expect(points.at(-1)![0]).toBe(chart.today);
  });

  it('draws the expected pace from the baseline at the start to the target at the due date', () => {
    const [from, to] = coordinates(chart.expected!) as [[number, number], [number, number]];
    expect(from[0]).toBe(chart.plot.left);
    expect(to[0]).toBe(chart.plot.right);
    expect(to[1]).toBeCloseTo(chart.targets[0]!.y, 0);
    expect(from[1]).toBeCloseTo(chart.dots[0]!.y, 0);
  });

  it('projects the trend from the last measurement to the due date', () => {
    const [from, to] = coordinates(chart.trend!) as [[number, number], [number, number]];
    expect(from).toEqual([chart.dots[2]!.x, chart.dots[2]!.y]);
    expect(to[0]).toBe(chart.plot.right);
    expect(to[1]).toBeLessThan(from[1]);
  });

  it('labels the target, the axis ends and readable value ticks', () => {
    expect(chart.targets).toEqual([{ y: expect.any(Number), label: 'target 4.5' }]);
    expect(chart.xTicks.map((tick) => tick.label)).toEqual(['1 Oct 2026', '31 Dec 2026']);
    expect(chart.yTicks.length).toBeGreaterThanOrEqual(3);
    expect(chart.width).toBe(KR_CHART.width);
  });

  it('shows no point after the day the site is built for', () => {
    const early = keyResultChart(feedback, window, '2026-10-20');
    expect(early.dots).toHaveLength(2);
    expect(pointsUpTo(feedback.series, '2026-10-20')).toHaveLength(2);
  });

  it('has no expected pace for an open-ended window and no line without measurements', () => {
    const empty = keyResultChart({ ...feedback, series: [], trend: null }, { start: '2026-10-01', end: null }, '2026-11-20');
    expect(empty.actual).toBeNull();
    expect(empty.expected).toBeNull();
    expect(empty.trend).toBeNull();
    expect(empty.dots).toEqual([]);
  });

  it('draws a threshold as its limits, without a pace line', () => {
    const threshold: KeyResultHistory = {
      ...feedback,
      kind: 'threshold',
      baseline: undefined,
      target: undefined,
      keep_above: 99,
      keep_below: 100,
      trend: null,
      series: [{ date: '2026-10-10', commit: 'a', value: 99.5, progress: 1, expected: 0.1 }],
    };
    const chart = keyResultChart(threshold, window, '2026-11-20');
    expect(chart.targets.map((target) => target.label)).toEqual(['above 99', 'below 100']);
    expect(chart.expected).toBeNull();
  });

  it('labels a milestone axis open and done', () => {
    const milestone: KeyResultHistory = {
      ...feedback,
      kind: 'milestone',
      baseline: undefined,
      target: undefined,
      trend: null,
      series: [{ date: '2026-10-01', commit: 'a', value: 0, progress: 0, expected: 0 }],
    };
    expect(keyResultChart(milestone, window, '2026-11-20').yTicks.map((tick) => tick.label)).toEqual(['open', 'done']);
  });
});

describe('progressSeries and sparkline', () => {
  it('weighs the key results and skips dropped ones', () => {
    const other: KeyResultHistory = { ...feedback, id: 'other', weight: 3, series: [{ date: '2026-10-15', commit: 'b', value: 1, progress: 1, expected: 0 }] };
    const dropped: KeyResultHistory = { ...feedback, id: 'dropped', status: 'dropped', series: [{ date: '2026-10-05', commit: 'x', value: 1, progress: 1, expected: 0 }] };
    const series = progressSeries([feedback, other, dropped], '2026-11-20');
    expect(series.map((point) => point.date)).toEqual(['2026-10-01', '2026-10-15', '2026-11-01']);
    expect(series[0]!.progress).toBe(0);
    expect(series[1]!.progress).toBeCloseTo((1 / 3 + 3) / 4);
  });

  it('takes, for each day, the last point of the series on or before it, even when the series is not in date order', () => {
    const kr: KeyResultHistory = {
      ...feedback,
      series: [
        { date: '2026-10-10', commit: 'a', value: 4, progress: 0.4, expected: 0 },
        { date: '2026-10-01', commit: 'b', value: 1, progress: 0.1, expected: 0 },
        { date: '2026-10-10T12:00:00Z', commit: 'c', value: 5, progress: 0.5, expected: 0 },
        { date: '2026-12-01', commit: 'd', value: 9, progress: 0.9, expected: 0 },
      ],
    };
    expect(progressSeries([kr], '2026-11-20')).toEqual([
      { date: '2026-10-01', progress: 0.1 },
      { date: '2026-10-10', progress: 0.5 },
    ]);
  });

  it('draws nothing without points and a path inside its box otherwise', () => {
    expect(sparkline([], window, '2026-11-20').path).toBeNull();
    const line = sparkline(
      [
        { date: '2026-10-01', progress: 0 },
        { date: '2026-11-01', progress: 0.5 },
      ],
      window,
      '2026-11-20',
    );
    for (const [x, y] of coordinates(line.path!)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(line.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(line.height);
    }
  });
});
