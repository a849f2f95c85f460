/** Scoring: progress, expected pace, status and grade. Pure functions of the data and a date. */
import { clampUnit } from './numbers.ts';
import { daysBetween, type PeriodRange } from './period.ts';
import type { KeyResult, Objective } from './schema.ts';

export type KeyResultKind = 'increase' | 'decrease' | 'milestone' | 'threshold';
export type Status = 'not started' | 'on track' | 'at risk' | 'off track' | 'done';
/** A key result's status; a dropped one is kept on record but not scored. */
export type KeyResultStatus = Status | 'dropped';
export type Grade = 'green' | 'yellow' | 'red';

export function keyResultKind(kr: KeyResult): KeyResultKind {
  if (kr.done !== undefined) return 'milestone';
  if (kr.keep_above !== undefined || kr.keep_below !== undefined) return 'threshold';
  return (kr.target ?? 0) < (kr.baseline ?? 0) ? 'decrease' : 'increase';
}

/** The value a key result has now: `current`, or the baseline before the first check-in. */
export function currentValue(kr: KeyResult): number | undefined {
  return kr.current ?? kr.baseline;
}

export function isInsideThreshold(kr: KeyResult, value: number): boolean {
  return (kr.keep_above === undefined || value > kr.keep_above) && (kr.keep_below === undefined || value < kr.keep_below);
}

/** Progress in 0–1: metric share of the way from baseline to target, milestone 0/1, threshold 1 while inside. */
export function keyResultProgress(kr: KeyResult): number {
  switch (keyResultKind(kr)) {
    case 'milestone':
      return kr.done ? 1 : 0;
    case 'threshold':
      return kr.current !== undefined && isInsideThreshold(kr, kr.current) ? 1 : 0;
    default: {
      const baseline = kr.baseline ?? 0;
      const target = kr.target ?? 0;
      if (target === baseline) return (currentValue(kr) ?? baseline) === target ? 1 : 0;
      return clampUnit(((currentValue(kr) ?? baseline) - baseline) / (target - baseline));
    }
  }
}

export function isScored(kr: KeyResult): boolean {
  return kr.status !== 'dropped';
}

/** Weighted mean of the scored key results' progress; 0 without any. */
export function objectiveProgress(objective: Pick<Objective, 'key_results'>): number {
  let total = 0;
  let weights = 0;
  for (const kr of objective.key_results.filter(isScored)) {
    const weight = kr.weight ?? 1;
    total += keyResultProgress(kr) * weight;
    weights += weight;
  }
  return weights === 0 ? 0 : total / weights;
}

/** The window a key result is measured over: period start → `due` (default: period end). */
export function keyResultWindow(kr: KeyResult, period: PeriodRange): { start: string; end: string | undefined } {
  return { start: period.start, end: kr.due ?? period.end };
}

/**
 * Elapsed share of the window on `now`: 0 on the first day, 1 on the due date;
 * undefined when open-ended. A milestone cannot be partly done, so its expected
 * progress is a step: 0 until it is due, 1 from then on.
 */
export function expectedProgress(window: { start: string; end: string | undefined }, now: string, kind?: KeyResultKind): number | undefined {
  if (window.end === undefined) return undefined;
  if (kind === 'milestone') return now >= window.end ? 1 : 0;
  const length = daysBetween(window.start, window.end);
  if (length <= 0) return now >= window.end ? 1 : 0;
  return clampUnit(daysBetween(window.start, now) / length);
}

/** Status against pace: on track up to 10 points behind, at risk up to 25, off track beyond. */
export function status(progress: number, expected: number | undefined, window: { start: string }, now: string): Status {
  if (progress >= 1) return 'done';
  if (now < window.start) return 'not started';
  if (expected === undefined) return 'on track';
  const behind = expected - progress;
  if (behind <= 0.1 + 1e-9) return 'on track';
  if (behind <= 0.25 + 1e-9) return 'at risk';
  return 'off track';
}

/**
 * A key result's status on `now`: as `status`, except that an open milestone
 * has not started until it is due (it cannot be partly done, so it is never behind before then).
 */
export function keyResultStatus(kind: KeyResultKind, progress: number, expected: number | undefined, window: { start: string; end: string | undefined }, now: string): Status {
  if (kind === 'milestone' && progress < 1 && (window.end === undefined || now < window.end)) return 'not started';
  return status(progress, expected, window, now);
}

/** Google's scale: aspirational ≥ 0.7 green, 0.4–0.69 yellow, < 0.4 red; committed objectives are expected at 1.0. */
export function grade(score: number, type: Objective['type'] = 'aspirational'): Grade {
  if (type === 'committed') return score >= 1 ? 'green' : score >= 0.7 ? 'yellow' : 'red';
  if (score >= 0.7) return 'green';
  if (score >= 0.4) return 'yellow';
  return 'red';
}
