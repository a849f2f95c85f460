/**
 * Changes a key result's value in an objective file in place. The YAML
 * document gives the position of each value; only those characters change,
 * so comments, key order, quoting and the body stay exactly as written.
 */
import { isMap, isScalar, parseDocument, type Document, type YAMLMap } from 'yaml';

export interface KeyResultEdit {
  current?: number;
  done?: boolean;
  confidence?: number;
  as_of?: string;
}

/** Where a new key goes: after the first of these that the key result has, else at its end. */
const PLACE_AFTER: Record<keyof KeyResultEdit, string[]> = {
  current: ['target', 'keep_below', 'keep_above', 'baseline'],
  done: ['title'],
  confidence: ['current', 'done', 'target', 'keep_below', 'keep_above'],
  as_of: ['confidence', 'current', 'done'],
};

const KEYS: (keyof KeyResultEdit)[] = ['current', 'done', 'confidence', 'as_of'];

/** The file's text with the key result at `index` of `key_results` edited; throws when the frontmatter cannot be found. */
export function editKeyResult(text: string, index: number, edit: KeyResultEdit): string {
  let result = text;
  for (const key of KEYS) {
    const value = edit[key];
    if (value !== undefined) result = setValue(result, index, key, value);
  }
  return result;
}

function setValue(text: string, index: number, key: keyof KeyResultEdit, value: number | boolean | string): string {
  const { start, yaml } = frontmatterOf(text);
  const document = parseDocument(yaml, { keepSourceTokens: false });
  const map = document.getIn(['key_results', index], true);
  if (!isMap(map)) throw new Error(`No key result at position ${index + 1} of \`key_results\``);
  const literal = String(value);
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (pair && isScalar(pair.value) && pair.value.range) {
    const [from, to] = pair.value.range;
    return text.slice(0, start + from) + literal + text.slice(start + to);
  }
  if (map.flow || pair) return text.slice(0, start) + redump(document, index, key, value) + text.slice(start + yaml.length);
  const at = insertionPoint(yaml, map, key);
  return `${text.slice(0, start + at)}\n${' '.repeat(indentOf(yaml, map))}${key}: ${literal}${text.slice(start + at)}`;
}

/** Where the YAML between the `---` fences starts in the file, and its text. */
function frontmatterOf(text: string): { start: number; yaml: string } {
  const open = /^(\uFEFF)?---[ \t]*\r?\n/.exec(text);
  if (!open) throw new Error('The file has no frontmatter between `---` lines');
  const start = open[0].length;
  const close = /^---[ \t]*(\r?\n|$)/m;
  const rest = text.slice(start);
  const match = close.exec(rest);
  if (!match) throw new Error('The frontmatter is not closed by a `---` line');
  return { start, yaml: rest.slice(0, match.index) };
}

/** The end of the line that holds the value after which `key` belongs. */
function insertionPoint(yaml: string, map: YAMLMap, key: keyof KeyResultEdit): number {
  const pairs = map.items.filter((item) => isScalar(item.key));
  const anchor = PLACE_AFTER[key].map((name) => pairs.find((item) => (item.key as { value: unknown }).value === name)).find(Boolean) ?? pairs.at(-1);
  const node = (anchor?.value ?? anchor?.key) as { range?: [number, number, number] } | undefined;
  const end = node?.range?.[1] ?? map.range?.[1] ?? yaml.length;
  if (end > 0 && yaml[end - 1] === '\n') return end - 1;
  const lineEnd = yaml.indexOf('\n', end);
  return lineEnd === -1 ? yaml.length : lineEnd;
}

function indentOf(yaml: string, map: YAMLMap): number {
  const first = map.items[0]?.key as { range?: [number, number, number] } | undefined;
  const offset = first?.range?.[0] ?? 0;
  return offset - (yaml.lastIndexOf('\n', offset - 1) + 1);
}

/** Flow-style key results (`{ id: a, current: 1 }`) are written back by the YAML library. */
function redump(document: Document, index: number, key: string, value: unknown): string {
  document.setIn(['key_results', index, key], value);
  return document.toString({ lineWidth: 0 });
}
