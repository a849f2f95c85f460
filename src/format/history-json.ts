/**
 * `okr history --format json`: the same text as `JSON.stringify(history, null, 2)`,
 * produced piece by piece so a long history is never one huge string.
 */
import type { History } from '../core/history-types.ts';

export function* historyJsonChunks(history: History): Generator<string> {
  const entries = Object.entries(history);
  yield '{';
  for (const [index, [key, value]] of entries.entries()) {
    yield `\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      for (const [position, element] of value.entries()) {
        yield `${position === 0 ? '' : ','}\n    ${indent(JSON.stringify(element, null, 2), '    ')}`;
      }
      yield '\n  ]';
    } else {
      yield indent(JSON.stringify(value, null, 2), '  ');
    }
    if (index < entries.length - 1) yield ',';
  }
  yield '\n}\n';
}

function indent(text: string, by: string): string {
  return text.replaceAll('\n', `\n${by}`);
}
