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
  confidence: number | undefined;
  note: string;
}

export type PlannedCheckin = { ok: true; edit: KeyResultEdit; summary: string } | { ok: false; problem: string };

export function planCheckin(kr: KeyResult, request: CheckinRequest, today: string): PlannedCheckin {
  const edit: KeyResultEdit = {};
  if (request.value !== undefined) {
    if (keyResultKind(kr) === 'milestone') {
      if (request.value !== 'done' && request.value !== 'not-done') return { ok: false, problem: `\`${kr.id}\` is a milestone: give \`done\` or \`not-done\`, got \`${request.value}\`` };
      edit.done = request.value === 'done';
    } else {
      const value = Number(request.value);
      if (request.value.trim() === '' || !Number.isFinite(value))
        return { ok: false, problem: `the value of \`${kr.id}\` must be a plain number such as 4.2 (no units or commas), got \`${request.value}\`` };
      edit.current = value;
    }
  }
  if (request.confidence !== undefined) {
    if (!(request.confidence >= 0 && request.confidence <= 1)) return { ok: false, problem: `confidence takes a number from 0 to 1, e.g. 0.7; got \`${request.confidence}\`` };
    edit.confidence = request.confidence;
  }
  const sameValue = (edit.current === undefined || edit.current === kr.current) && (edit.done === undefined || edit.done === (kr.done ?? false));
  const unchanged = sameValue && (edit.confidence === undefined || edit.confidence === kr.confidence);
  if (request.value === undefined && !sameValue) return { ok: false, problem: 'no change keeps the value' };
  if (unchanged) {
    if (request.note.trim() === '') return { ok: false, problem: `nothing changed: \`${kr.id}\` is already ${shownValue(kr)}; to check in without a change, add a note after \`no change\`` };
    edit.as_of = today;
    if (kr.as_of === today) return { ok: false, problem: `\`${kr.id}\` is already ${shownValue(kr)} as of ${today}, so there is nothing to record` };
    return { ok: true, edit, summary: `no change: still ${shownValue(kr)}, as of ${today}` };
  }
  return { ok: true, edit, summary: describeEdit(kr, edit) };
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
