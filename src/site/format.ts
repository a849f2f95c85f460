/** Text for numbers and days, the same on every machine (no locale, no time zone). */
import { daysBetween } from '../core/period.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `0.634` → `63%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Up to two decimals, no trailing zeros: `3.90` → `3.9`. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function formatValue(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined) return '–';
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** `2026-11-20` (or an ISO instant) → `20 Nov 2026`. */
export function formatDay(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1] ?? '?'} ${year}`;
}

/** How long ago a day was, seen from `now`: `today`, `yesterday`, `5 days ago`. */
export function age(date: string, now: string): string {
  const days = daysBetween(date.slice(0, 10), now);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export { plural } from '../core/words.ts';

/** First line of a commit message. */
export function subjectOf(message: string): string {
  return message.split('\n', 1)[0]?.trim() ?? '';
}

/** Everything after the subject line and the blank line. */
export function bodyOf(message: string): string {
  const newline = message.indexOf('\n');
  return newline === -1 ? '' : message.slice(newline + 1).trim();
}
