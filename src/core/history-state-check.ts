/**
 * The checks of the history cache's two long lists, the series points and the check-ins: the same
 * rules as their schemas (SeriesPointSchema, and CheckinSchema with an objective index), written
 * out. A cache of 100,000 commits holds about as many of each, and zod's check of every element,
 * which copies it, cost more than reading the file; these look at each value in place and copy
 * nothing. They are stricter than the schemas in one way only: a key the cache never writes is
 * an error, not dropped. test/core/history-state-check.test.ts holds them to the schemas.
 */

/** What the checks accept, as the schemas' types say it. */
type Plain = Record<string, unknown>;

const DAY = /^\d{4}-\d{2}-\d{2}/;

const SERIES_POINT_KEYS = new Set(['date', 'commit', 'value', 'progress', 'expected', 'confidence']);
const CHECKIN_KEYS = new Set(['commit', 'date', 'committed', 'author', 'message', 'objective', 'changes']);
const CHANGE_KEYS = new Set(['kr', 'from', 'to', 'progressFrom', 'progressTo', 'confidenceFrom', 'confidenceTo']);

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only keys of `allowed`; the required ones are checked by the caller. */
function onlyKeys(value: Plain, allowed: Set<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A share, 0–1, as `z.number().min(0).max(1)`. */
function isShare(value: unknown): boolean {
  return isNumber(value) && value >= 0 && value <= 1;
}

function isDay(value: unknown): boolean {
  return typeof value === 'string' && DAY.test(value);
}

/** SeriesPointSchema. */
export function isSeriesPoint(value: unknown): boolean {
  return (
    isPlain(value) &&
    onlyKeys(value, SERIES_POINT_KEYS) &&
    isDay(value.date) &&
    typeof value.commit === 'string' &&
    (value.value === null || isNumber(value.value)) &&
    isShare(value.progress) &&
    (value.expected === null || isShare(value.expected)) &&
    (value.confidence === undefined || isShare(value.confidence))
  );
}

/** KeyResultChangeSchema. */
function isChange(value: unknown): boolean {
  return (
    isPlain(value) &&
    onlyKeys(value, CHANGE_KEYS) &&
    typeof value.kr === 'string' &&
    (value.from === null || isNumber(value.from)) &&
    (value.to === null || isNumber(value.to)) &&
    (value.progressFrom === null || isShare(value.progressFrom)) &&
    isShare(value.progressTo) &&
    (value.confidenceFrom === undefined || value.confidenceFrom === null || isShare(value.confidenceFrom)) &&
    (value.confidenceTo === undefined || value.confidenceTo === null || isShare(value.confidenceTo))
  );
}

/** CheckinSchema with `objective` an index (a whole number from 0); whether it names an objective is the caller's check. */
export function isCheckinState(value: unknown): boolean {
  return (
    isPlain(value) &&
    onlyKeys(value, CHECKIN_KEYS) &&
    typeof value.commit === 'string' &&
    isDay(value.date) &&
    (value.committed === undefined || isDay(value.committed)) &&
    typeof value.author === 'string' &&
    typeof value.message === 'string' &&
    Number.isSafeInteger(value.objective) &&
    (value.objective as number) >= 0 &&
    Array.isArray(value.changes) &&
    value.changes.every(isChange)
  );
}
