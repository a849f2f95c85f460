/**
 * `okr history --format json`: the same text as `JSON.stringify(history, null, 2)`,
 * produced piece by piece so a long history is never one huge string. The C1 controls and
 * bidirectional overrides, which JSON leaves raw, are written as `\u` escapes: the same data,
 * and nothing a terminal would act on.
 */
import type { History } from '../core/history-types.ts';

export function* historyJsonChunks(history: History): Generator<string> {
  const entries = Object.entries(history);
  yield '{';
  for (const [index, [key, value]] of entries.entries()) {
    yield `\n  ${json(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      for (const [position, element] of value.entries()) {
        yield `${position === 0 ? '' : ','}\n    ${indent(json(element), '    ')}`;
      }
      yield '\n  ]';
    } else {
      yield indent(json(value), '  ');
    }
    if (index < entries.length - 1) yield ',';
  }
  yield '\n}\n';
}

const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function json(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function indent(text: string, by: string): string {
  return text.replaceAll('\n', `\n${by}`);
}
