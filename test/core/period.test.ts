import { describe, expect, it } from 'vitest';
import { addDays, contains, dayNumber, daysBetween, periodLength, resolvePeriod, today } from '../../src/core/period.ts';

describe('resolvePeriod', () => {
  it.each([
    ['2026-Q4', '2026-10-01', '2026-12-31', 92],
    ['2026-Q1', '2026-01-01', '2026-03-31', 90],
    ['2028-Q1', '2028-01-01', '2028-03-31', 91],
    ['2026-H2', '2026-07-01', '2026-12-31', 184],
    ['2026', '2026-01-01', '2026-12-31', 365],
    ['2026-02', '2026-02-01', '2026-02-28', 28],
    ['2024-02', '2024-02-01', '2024-02-29', 29],
  ])('reads %s as %s to %s (%i days)', (label, start, end, days) => {
    const range = resolvePeriod(label);
    expect(range).toEqual({ label, start, end });
    expect(periodLength(range)).toBe(days);
  });

  it('keeps an explicit range and an open end', () => {
    expect(resolvePeriod({ start: '2026-10-05', end: '2026-12-18' })).toEqual({ label: '2026-10-05..2026-12-18', start: '2026-10-05', end: '2026-12-18' });
    expect(periodLength(resolvePeriod({ start: '2026-10-05' }))).toBeUndefined();
  });
});

describe('calendar days', () => {
  it('counts days across months, years and daylight-saving changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(addDays('2026-10-25', 7)).toBe('2026-11-01');
  });
  it('numbers a day the same whether or not its month and day have leading zeros', () => {
    expect(dayNumber('2026-03-05')).toBe(dayNumber('2026-3-5'));
    expect(dayNumber('1970-01-02')).toBe(1);
  });
  it('tells whether a day falls inside a period', () => {
    const q4 = resolvePeriod('2026-Q4');
    expect(contains(q4, '2026-12-31')).toBe(true);
    expect(contains(q4, '2027-01-01')).toBe(false);
    expect(contains(resolvePeriod({ start: '2026-10-05' }), '2030-01-01')).toBe(true);
  });
  it('takes today from the local calendar', () => {
    expect(today(new Date(2026, 10, 25, 23, 59))).toBe('2026-11-25');
  });
});
