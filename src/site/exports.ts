/** The machine-readable files of the site: `/okrs.json` and the shields.io endpoint `/badge.json`. */
import type { History } from '../core/history-types.ts';
import type { Grade } from '../core/score.ts';
import { percent } from './format.ts';

/**
 * The published history, with `<`, `>` and `&` escaped as `\u003c`… so the
 * JSON stays the same data yet can never be read as markup.
 */
export function okrsJson(history: History): string {
  return `${safeJson(history)}\n`;
}

const GRADE_COLORS: Record<Grade, string> = { green: 'brightgreen', yellow: 'yellow', red: 'red' };

/** https://shields.io/badges/endpoint-badge */
export function badgeJson(period: { label: string; score: number; grade: Grade } | undefined): string {
  const badge = period
    ? { schemaVersion: 1, label: `OKRs ${period.label}`, message: percent(period.score), color: GRADE_COLORS[period.grade] }
    : { schemaVersion: 1, label: 'OKRs', message: 'none yet', color: 'lightgrey' };
  return `${safeJson(badge)}\n`;
}

function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
