import { isCalendarDate } from '../core/schema.ts';
import { today } from '../core/period.ts';
import { UsageError } from './usage-error.ts';

export { UsageError };

/** `--root`: a folder inside the repository, given relative to it. */
export function parseRoot(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const segments = value.replace(/\\/g, '/').split('/');
  if (value.startsWith('/') || /^[A-Za-z]:/.test(value) || segments.includes('..')) {
    throw new UsageError(`--root takes a folder inside the repository, relative to it, such as \`okrs\`; got \`${value}\``);
  }
  return value;
}

export function parseNow(value: string | undefined): string {
  if (value === undefined) return today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isCalendarDate(value)) throw new UsageError(`--now takes a date such as 2026-11-25, got \`${value}\``);
  return value;
}
