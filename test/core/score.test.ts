import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../src/core/period.ts';
import type { KeyResult } from '../../src/core/schema.ts';
import { expectedProgress, grade, keyResultKind, keyResultProgress, keyResultWindow, objectiveProgress, status } from '../../src/core/score.ts';

const kr = (fields: Partial<KeyResult>): KeyResult => ({ id: 'k', title: 'Get 3 invitations', ...fields });

describe('keyResultKind', () => {
  it('tells the four kinds apart', () => {
    expect(keyResultKind(kr({ baseline: 3.6, target: 4.5 }))).toBe('increase');
    expect(keyResultKind(kr({ baseline: 3, target: 1 }))).toBe('decrease');
    expect(keyResultKind(kr({ done: false }))).toBe('milestone');
    expect(keyResultKind(kr({ keep_above: 99.5 }))).toBe('threshold');
    expect(keyResultKind(kr({ keep_below: 200 }))).toBe('threshold');
  });
});

describe('keyResultProgress', () => {
  it('is the share of the way from baseline to target for an increase', () => {
    expect(keyResultProgress(kr({ baseline: 3.6, target: 4.5, current: 3.9 }))).toBeCloseTo(0.3333, 4);
  });
  it('is the share of the way down for a decrease', () => {
    expect(keyResultProgress(kr({ baseline: 3, target: 1, current: 2.5 }))).toBeCloseTo(0.25, 10);
  });
  it('is clamped to 0–1', () => {
    expect(keyResultProgress(kr({ baseline: 0, target: 3, current: 5 }))).toBe(1);
    expect(keyResultProgress(kr({ baseline: 10, target: 20, current: 4 }))).toBe(0);
  });
  it('is 0 before the first check-in (current defaults to the baseline)', () => {
    expect(keyResultProgress(kr({ baseline: 0, target: 3 }))).toBe(0);
  });
  it('is 0 or 1 for a milestone', () => {
    expect(keyResultProgress(kr({ done: false }))).toBe(0);
    expect(keyResultProgress(kr({ done: true }))).toBe(1);
  });
  it('is 1 while a threshold holds and 0 when it is broken or unmeasured', () => {
    expect(keyResultProgress(kr({ keep_above: 99.5, current: 99.8 }))).toBe(1);
    expect(keyResultProgress(kr({ keep_above: 99.5, current: 99.5 }))).toBe(0);
    expect(keyResultProgress(kr({ keep_below: 200, current: 150 }))).toBe(1);
    expect(keyResultProgress(kr({ keep_above: 10, keep_below: 20, current: 25 }))).toBe(0);
    expect(keyResultProgress(kr({ keep_above: 99.5 }))).toBe(0);
  });
});

describe('objectiveProgress', () => {
  it('is the weighted mean of its key results, dropped ones left out', () => {
    const progress = objectiveProgress({
      key_results: [kr({ baseline: 0, target: 4, current: 1, weight: 3 }), kr({ done: true }), kr({ baseline: 0, target: 4, current: 4, status: 'dropped' })],
    });
    expect(progress).toBeCloseTo((0.25 * 3 + 1) / 4, 10);
    expect(progress).toBeCloseTo(0.4375, 10);
  });
  it('is 0 without key results', () => {
    expect(objectiveProgress({ key_results: [] })).toBe(0);
  });
});

describe('expectedProgress', () => {
  const q4 = resolvePeriod('2026-Q4');
  it('is the elapsed share of the window from period start to due', () => {
    expect(expectedProgress(keyResultWindow(kr({}), q4), '2026-10-01')).toBe(0);
    expect(expectedProgress(keyResultWindow(kr({}), q4), '2026-11-15')).toBeCloseTo(45 / 91, 10);
    expect(expectedProgress(keyResultWindow(kr({}), q4), '2026-12-31')).toBe(1);
    expect(expectedProgress(keyResultWindow(kr({ due: '2026-11-30' }), q4), '2026-11-15')).toBeCloseTo(45 / 60, 10);
  });
  it('is clamped before the start and after the due date', () => {
    expect(expectedProgress(keyResultWindow(kr({}), q4), '2026-09-01')).toBe(0);
    expect(expectedProgress(keyResultWindow(kr({}), q4), '2027-02-01')).toBe(1);
  });
  it('is a step for a milestone: 0 until it is due, 1 from the due date', () => {
    const window = keyResultWindow(kr({ done: false, due: '2026-12-15' }), q4);
    expect(expectedProgress(window, '2026-12-14', 'milestone')).toBe(0);
    expect(expectedProgress(window, '2026-12-15', 'milestone')).toBe(1);
    expect(status(0, expectedProgress(window, '2026-11-15', 'milestone'), window, '2026-11-15')).toBe('on track');
    expect(status(0, expectedProgress(window, '2026-12-20', 'milestone'), window, '2026-12-20')).toBe('off track');
  });

  it('is undefined for an open-ended period without a due date', () => {
    expect(expectedProgress(keyResultWindow(kr({}), resolvePeriod({ start: '2026-10-05' })), '2026-11-15')).toBeUndefined();
  });
});

describe('status', () => {
  const window = { start: '2026-10-01' };
  it('is on track up to 10 points behind pace', () => {
    expect(status(0.4, 0.5, window, '2026-11-15')).toBe('on track');
    expect(status(0.6, 0.5, window, '2026-11-15')).toBe('on track');
  });
  it('is at risk up to 25 points behind', () => {
    expect(status(0.39, 0.5, window, '2026-11-15')).toBe('at risk');
    expect(status(0.25, 0.5, window, '2026-11-15')).toBe('at risk');
  });
  it('is off track further behind', () => {
    expect(status(0.24, 0.5, window, '2026-11-15')).toBe('off track');
  });
  it('is done at full progress and not started before the window', () => {
    expect(status(1, 0.5, window, '2026-11-15')).toBe('done');
    expect(status(0, 0, window, '2026-09-20')).toBe('not started');
  });
});

describe('grade', () => {
  it('follows Google’s scale for aspirational objectives', () => {
    expect(grade(0.7)).toBe('green');
    expect(grade(0.69)).toBe('yellow');
    expect(grade(0.4)).toBe('yellow');
    expect(grade(0.39)).toBe('red');
  });
  it('expects committed objectives at 1.0', () => {
    expect(grade(1, 'committed')).toBe('green');
    expect(grade(0.9, 'committed')).toBe('yellow');
    expect(grade(0.6, 'committed')).toBe('red');
  });
});
