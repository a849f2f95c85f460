import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../src/core/history-types.ts';
import { keyResultTrend, leastSquares, recentPoints } from '../../src/core/trend.ts';

function point(date: string, value: number | null): SeriesPoint {
  return { date, commit: 'c', value, progress: 0, expected: null };
}

describe('leastSquares', () => {
  it('fits the exact line through points on a line', () => {
    const line = leastSquares([
      { day: 0, value: 1 },
      { day: 2, value: 5 },
      { day: 4, value: 9 },
    ]);
    expect(line?.slopePerDay).toBeCloseTo(2);
    expect(line?.intercept).toBeCloseTo(1);
  });

  it('has no line when every point is on the same day', () => {
    expect(
      leastSquares([
        { day: 3, value: 1 },
        { day: 3, value: 2 },
      ]),
    ).toBeUndefined();
  });
});

describe('recentPoints', () => {
  it('keeps the last four weeks but at least three measured points', () => {
    const series = [point('2026-08-01', 1), point('2026-08-10', null), point('2026-09-01', 2), point('2026-10-01', 3), point('2026-10-20', 4)];
    expect(recentPoints(series).map((p) => p.value)).toEqual([2, 3, 4]);
    const dense = [point('2026-09-01', 1), point('2026-10-01', 2), point('2026-10-08', 3), point('2026-10-15', 4), point('2026-10-22', 5)];
    expect(recentPoints(dense).map((p) => p.value)).toEqual([2, 3, 4, 5]);
  });
});

describe('keyResultTrend', () => {
  it('projects the day an increasing metric reaches its target at the current pace', () => {
    const series = [point('2026-10-01', 0), point('2026-10-11', 1), point('2026-10-21', 2)];
    expect(keyResultTrend({ kind: 'increase', target: 5 }, series)).toEqual({ slopePerDay: 0.1, reachesTargetOn: '2026-11-20' });
  });

  it('projects a decreasing metric towards a lower target', () => {
    const series = [point('2026-10-01', 3), point('2026-10-11', 2.5)];
    expect(keyResultTrend({ kind: 'decrease', target: 1 }, series)).toEqual({ slopePerDay: -0.05, reachesTargetOn: '2026-11-10' });
  });

  it('gives no date when the metric moves away from its target', () => {
    const series = [point('2026-10-01', 3), point('2026-10-11', 2)];
    expect(keyResultTrend({ kind: 'increase', target: 5 }, series)).toEqual({ slopePerDay: -0.1, reachesTargetOn: null });
  });

  it('gives no date once the target is reached', () => {
    const series = [point('2026-10-01', 3), point('2026-10-11', 6)];
    expect(keyResultTrend({ kind: 'increase', target: 5 }, series)?.reachesTargetOn).toBeNull();
  });

  it('is null with one point, without movement, and for milestones', () => {
    expect(keyResultTrend({ kind: 'increase', target: 5 }, [point('2026-10-01', 1)])).toBeNull();
    expect(keyResultTrend({ kind: 'increase', target: 5 }, [point('2026-10-01', 1), point('2026-10-08', 1)])).toBeNull();
    expect(keyResultTrend({ kind: 'milestone', target: undefined }, [point('2026-10-01', 0), point('2026-10-08', 1)])).toBeNull();
  });

  it('counts the last value as still true today, so a stalled key result slows down', () => {
    const series = [point('2026-10-01', 0), point('2026-10-11', 1)];
    expect(keyResultTrend({ kind: 'increase', target: 2 }, series)?.reachesTargetOn).toBe('2026-10-21');
    const stalled = keyResultTrend({ kind: 'increase', target: 2 }, series, '2026-11-25');
    expect(stalled?.reachesTargetOn).not.toBeNull();
    expect(stalled!.reachesTargetOn! > '2026-11-25').toBe(true);
    expect(recentPoints(series, '2026-11-25').at(-1)).toEqual({ day: 20_782, value: 1 });
  });

  it('reports the slope of a threshold without a target date', () => {
    const series = [point('2026-10-01', 10), point('2026-10-11', 12)];
    expect(keyResultTrend({ kind: 'threshold', target: undefined }, series)).toEqual({ slopePerDay: 0.2, reachesTargetOn: null });
  });
});
