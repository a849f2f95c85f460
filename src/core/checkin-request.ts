/**
 * What a check-in asks of a key result (a value, `done`, or no change; a confidence; a note)
 * turned into the edit of its file. A check-in without a change is one too: its `as_of`
 * moves to the day, the value stays, and the history reads that as a check-in.
 */
import type { KeyResultEdit } from './checkin-edit.ts';
import type { KeyResult } from './schema.ts';
import { keyResultKind } from './score.ts';

export interface CheckinRequest {
  /** A number, `done` or `not-done`; undefined for no change. */
  value: string | undefined;
  /** Said "no change" (`--no-change`, `/checkin … no change`): a value given as well must be the one the file has. */
  noChange?: boolean;
  confidence: number | undefined;
  note: string;
  /** The day the check-in is for; today when left out. */
  asOf?: string;
}

/**
 * Why a check-in is refused, so that each place words its own hint (a flag on the command line, a
 * form in a comment) for the same decision.
 */
export type CheckinRefusal = 'value' | 'confidence' | 'no-change-moves' | 'nothing-changed' | 'already-recorded';

export type PlannedCheckin = { ok: true; edit: KeyResultEdit; summary: string; unchanged: boolean } | { ok: false; reason: CheckinRefusal; problem: string };

/** The one decision of a check-in, for `okr checkin` and `/checkin` alike: what to write, or why nothing. */
export function planCheckin(kr: KeyResult, request: CheckinRequest, today: string): PlannedCheckin {
  const refuse = (reason: CheckinRefusal, problem: string): PlannedCheckin => ({ ok: false, reason, problem });
  const edit: KeyResultEdit = {};
  if (request.value !== undefined) {
    if (keyResultKind(kr) === 'milestone') {
      if (request.value !== 'done' && request.value !== 'not-done') return refuse('value', `\`${kr.id}\` is a milestone: give \`done\` or \`not-done\`, got \`${request.value}\``);
      edit.done = request.value === 'done';
    } else {
      const value = Number(request.value);
      if (request.value.trim() === '' || !Number.isFinite(value)) return refuse('value', `the value of \`${kr.id}\` must be a plain number such as 4.2 (no units or commas), got \`${request.value}\``);
      edit.current = value;
    }
  }
  if (request.confidence !== undefined) {
    if (!(request.confidence >= 0 && request.confidence <= 1)) return refuse('confidence', `confidence takes a number from 0 to 1, e.g. 0.7; got \`${request.confidence}\``);
    edit.confidence = request.confidence;
  }
  const day = request.asOf ?? today;
  const sameValue = (edit.current === undefined || edit.current === kr.current) && (edit.done === undefined || edit.done === (kr.done ?? false));
  const unchanged = sameValue && (edit.confidence === undefined || edit.confidence === kr.confidence);
  if ((request.noChange ?? request.value === undefined) && !sameValue) return refuse('no-change-moves', `no change keeps the value \`${kr.id}\` has (${shownValue(kr)})`);
  if (!unchanged) {
    if (request.asOf !== undefined) edit.as_of = request.asOf;
    return { ok: true, edit, summary: describeEdit(kr, edit), unchanged };
  }
  if (request.note.trim() === '') return refuse('nothing-changed', `nothing changed: \`${kr.id}\` is already ${shownValue(kr)}; to check in without a change, add a note`);
  // The value still holds on this day: `as_of` says so, and the history reads that as a check-in.
  if (kr.as_of === day) return refuse('already-recorded', `\`${kr.id}\` is already ${shownValue(kr)} as of ${day}, so there is nothing to record`);
  edit.as_of = day;
  return { ok: true, edit, summary: `no change: still ${shownValue(kr)}, as of ${day}`, unchanged };
}

export function shownValue(kr: KeyResult): string {
  if (keyResultKind(kr) === 'milestone') return kr.done ? 'done' : 'not done';
  const value = kr.current ?? kr.baseline;
  return value === undefined ? 'without a value' : `${value}${kr.unit ? ` ${kr.unit}` : ''}`;
}

export function describeEdit(kr: KeyResult, edit: KeyResultEdit): string {
  const parts: string[] = [];
  if (edit.done !== undefined) parts.push(`${kr.done ? 'done' : 'not done'} → ${edit.done ? 'done' : 'not done'}`);
  if (edit.current !== undefined) parts.push(`${kr.current ?? kr.baseline ?? '–'} → ${edit.current}${kr.unit ? ` ${kr.unit}` : ''}`);
  if (edit.confidence !== undefined) parts.push(`confidence ${kr.confidence ?? '–'} → ${edit.confidence}`);
  if (edit.as_of !== undefined) parts.push(`as of ${edit.as_of}`);
  return parts.join(', ');
}
