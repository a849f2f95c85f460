import { isCalendarDate } from '../core/schema.ts';
import { today } from '../core/period.ts';

/** A mistake in how the command was called: exit code 2, a message, no stack. */
export class UsageError extends Error {}

export function parseNow(value: string | undefined): string {
  if (value === undefined) return today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isCalendarDate(value)) throw new UsageError(`--now takes a date such as 2026-11-25, got \`${value}\``);
  return value;
}
