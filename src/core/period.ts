/** Periods and calendar days. Dates are calendar days (`YYYY-MM-DD`), never instants. */
import type { Period } from './schema.ts';

export interface PeriodRange {
  /** `2026-Q4`, or `2026-10-05..2026-12-18` for an explicit range. */
  label: string;
  start: string;
  /** Undefined for an open-ended period. */
  end: string | undefined;
}

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  // The usual `YYYY-MM-DD` is sliced rather than split: charts call this for every point.
  if (date.length === 10 && date[4] === '-' && date[7] === '-') {
    return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

function lastDayOfMonth(year: number, month: number): string {
  return dateOfDay(Date.UTC(year, month, 0) / DAY_MS);
}

function pad(month: number): string {
  return String(month).padStart(2, '0');
}

export function resolvePeriod(period: Period): PeriodRange {
  if (typeof period !== 'string') {
    return { label: period.end ? `${period.start}..${period.end}` : `${period.start}..`, start: period.start, end: period.end };
  }
  const year = Number(period.slice(0, 4));
  const part = period.slice(5);
  if (part === '') return { label: period, start: `${year}-01-01`, end: `${year}-12-31` };
  if (part.startsWith('Q')) {
    const first = (Number(part[1]) - 1) * 3 + 1;
    return { label: period, start: `${year}-${pad(first)}-01`, end: lastDayOfMonth(year, first + 2) };
  }
  if (part.startsWith('H')) {
    const first = part === 'H1' ? 1 : 7;
    return { label: period, start: `${year}-${pad(first)}-01`, end: lastDayOfMonth(year, first + 5) };
  }
  const month = Number(part);
  return { label: period, start: `${year}-${pad(month)}-01`, end: lastDayOfMonth(year, month) };
}

/** Length in calendar days, counting both the first and the last day. */
export function periodLength(range: PeriodRange): number | undefined {
  return range.end === undefined ? undefined : daysBetween(range.start, range.end) + 1;
}

export function isCalendarPeriod(period: Period): boolean {
  return typeof period === 'string';
}

export function contains(range: PeriodRange, date: string): boolean {
  return date >= range.start && (range.end === undefined || date <= range.end);
}

/** Today as a calendar day in the local time zone, unless `--now` says otherwise. */
export function today(clock: Date = new Date()): string {
  return `${clock.getFullYear()}-${pad(clock.getMonth() + 1)}-${String(clock.getDate()).padStart(2, '0')}`;
}
