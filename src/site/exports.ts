/** The machine-readable files of the site: `/okrs.json` and the shields.io endpoint `/badge.json`. */
import type { History } from '../core/history-types.ts';
import type { Grade } from '../core/score.ts';
import type { Standing } from '../core/standing.ts';
import { percent } from './format.ts';

/**
 * The published history with each objective's and key result's standing on the
 * build day (`objectives[].standing`, `objectives[].keyResults[].standing`), with
 * `<`, `>` and `&` escaped as `\u003c`… so the JSON stays the same data yet can
 * never be read as markup.
 */
export function okrsJson(history: History, standing?: Standing): string {
  const byId = new Map(standing?.objectives.map((objective) => [objective.id, objective]));
  const objectives = history.objectives.map((objective) => {
    const own = byId.get(objective.id);
    if (own === undefined) return objective;
    const { keyResults, ...numbers } = own;
    return { ...objective, standing: numbers, keyResults: objective.keyResults.map((kr, index) => ({ ...kr, standing: keyResults[index] })) };
  });
  return `${safeJson({ ...history, objectives })}\n`;
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
