/**
 * `/checkin presentations/feedback 4.1 confidence 0.7 Team demo went well` in a comment:
 * read as words, never run. The first line is the command; later lines continue the note.
 */
import type { CheckinRequest } from '../../src/core/checkin-request.ts';

export const CHECKIN_FORM = '/checkin <objective>/<key result> <value | done | not-done | no change> [confidence 0.7] [note]';
export const CHECKIN_EXAMPLE = '/checkin presentations/feedback 4.1 confidence 0.7 Team demo went well';

export type ParsedCommand = { ok: true; objective: string; keyResult: string; request: CheckinRequest } | { ok: false; problem: string };

/** Whether a comment is a check-in at all: its first line starts with `/checkin`. */
export function isCheckinComment(body: string): boolean {
  return /^\s*\/checkin(\s|$)/.test(body);
}

export function parseCheckinCommand(body: string): ParsedCommand {
  const [first = '', ...rest] = body.replace(/\r\n?/g, '\n').trim().split('\n');
  const words = first.trim().split(/\s+/).slice(1);
  const target = words.shift();
  if (target === undefined) return { ok: false, problem: 'The check-in names no key result' };
  const slash = target.indexOf('/');
  if (slash <= 0 || slash === target.length - 1 || target.indexOf('/', slash + 1) !== -1)
    return { ok: false, problem: `Name the key result as \`<objective>/<key result>\`, e.g. \`presentations/feedback\`; got \`${target}\`` };
  let value: string | undefined;
  if (words[0]?.toLowerCase() === 'no' && words[1]?.toLowerCase() === 'change') words.splice(0, 2);
  else if (words[0]?.toLowerCase() === 'no-change') words.shift();
  else {
    value = words.shift();
    if (value === undefined) return { ok: false, problem: `Give the new value of \`${target}\`, or \`no change\` and a note` };
  }
  let confidence: number | undefined;
  if (words[0]?.toLowerCase() === 'confidence') {
    const text = words[1] ?? '';
    confidence = Number(text);
    if (text === '' || !Number.isFinite(confidence)) return { ok: false, problem: `\`confidence\` takes a number from 0 to 1, e.g. 0.7; got \`${text}\`` };
    words.splice(0, 2);
  }
  const note = [words.join(' '), ...rest].join('\n').trim();
  return { ok: true, objective: target.slice(0, slash), keyResult: target.slice(slash + 1), request: { value, noChange: value === undefined, confidence, note } };
}
