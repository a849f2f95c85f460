/**
 * Changes a key result's value in an objective file in place. The YAML
 * document gives the position of each value; only those characters change,
 * so comments, key order, quoting, flow style and the body stay exactly as
 * written. Every edit is checked afterwards: the file must read as before
 * with exactly the asked values changed, or the edit is refused with a
 * `CheckinEditError` that says why (a value shared through a YAML anchor,
 * line ends the editor does not handle, …).
 */
import { isAlias, isMap, isScalar, visit, type Document, type Node, type YAMLMap } from 'yaml';
import { readFrontmatter, splitFrontmatter } from './frontmatter.ts';

export interface KeyResultEdit {
  current?: number;
  done?: boolean;
  confidence?: number;
  as_of?: string;
}

/** The edit cannot be made safely; nothing is written. */
export class CheckinEditError extends Error {}

/** Where a new key goes: after the first of these that the key result has, else at its end. */
const PLACE_AFTER: Record<keyof KeyResultEdit, string[]> = {
  current: ['target', 'keep_below', 'keep_above', 'baseline'],
  done: ['title'],
  confidence: ['current', 'done', 'target', 'keep_below', 'keep_above'],
  as_of: ['confidence', 'current', 'done'],
};

const KEYS: (keyof KeyResultEdit)[] = ['current', 'done', 'confidence', 'as_of'];

/** The file's text with the key result at `index` of `key_results` edited; throws `CheckinEditError` when it cannot be done safely. */
export function editKeyResult(text: string, index: number, edit: KeyResultEdit): string {
  if (/\r(?!\n)/.test(text)) {
    throw new CheckinEditError('The file has line ends of a lone carriage return (CR), which `okr checkin` does not edit; save it with LF or CRLF line ends and check in again');
  }
  let result = text;
  for (const key of KEYS) {
    const value = edit[key];
    if (value !== undefined) result = setValue(result, index, key, value);
  }
  verify(text, result, index, edit);
  return result;
}

function setValue(text: string, index: number, key: keyof KeyResultEdit, value: number | boolean | string): string {
  const split = splitFrontmatter(text);
  if (!split.ok) throw new CheckinEditError(`${split.finding.message} at line ${split.finding.line}; run \`okr lint\` on the file, fix it and check in again`);
  const { yamlStart: start, yaml, document } = split;
  if (document.errors.length > 0) throw new CheckinEditError(`The frontmatter does not read as YAML: ${document.errors[0]?.message.split('\n')[0]}`);
  const list = document.get('key_results', true);
  const node = isMap(document.contents) && list !== undefined ? (list as { items?: unknown[] }).items?.[index] : undefined;
  if (isAlias(node) || isAlias(list)) throw shared(key);
  if (!isMap(node)) throw new CheckinEditError(`No key result at position ${index + 1} of \`key_results\``);
  const map = node;
  const literal = String(value);
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (pair && isAlias(pair.value) && pair.value.range) {
    // The value is `*name`: this key result gets a value of its own, the anchor's other users keep theirs.
    const [from, to] = pair.value.range;
    return text.slice(0, start + from) + literal + text.slice(start + to);
  }
  if (pair && isScalar(pair.value) && pair.value.range) {
    if (pair.value.anchor !== undefined && aliased(document, pair.value.anchor)) throw shared(key);
    const [from, to] = pair.value.range;
    return text.slice(0, start + from) + literal + text.slice(start + to);
  }
  if (pair) throw new CheckinEditError(`\`${key}\` of this key result is not a plain value; write it as \`${key}: ${literal}\` and check in again`);
  if (map.flow) return insertInFlow(text, start, yaml, map, key, literal);
  const at = insertionPoint(yaml, map, key);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lineEnd = at > 0 && yaml[at - 1] === '\r' ? at - 1 : at;
  return `${text.slice(0, start + lineEnd)}${newline}${' '.repeat(indentOf(yaml, map))}${key}: ${literal}${text.slice(start + lineEnd)}`;
}

function shared(key: string): CheckinEditError {
  return new CheckinEditError(
    `\`${key}\` of this key result is shared with others through a YAML anchor (\`&name\` … \`*name\`), so changing it would change them too; write the values out and check in again`,
  );
}

function aliased(document: Document.Parsed, anchor: string): boolean {
  let found = false;
  visit(document, {
    Alias(_, alias) {
      if (alias.source === anchor) found = true;
    },
  });
  return found;
}

/** `{ id: a, current: 1 }` gets `, confidence: 0.7` before its closing brace; nothing else of it changes. */
function insertInFlow(text: string, start: number, yaml: string, map: YAMLMap, key: string, literal: string): string {
  const end = (map as Node).range?.[1];
  const close = end === undefined ? -1 : yaml.lastIndexOf('}', end);
  if (close === -1) throw new CheckinEditError(`Could not find where to add \`${key}\` in this key result; add \`${key}: ${literal}\` by hand`);
  const before = yaml.slice(0, close).trimEnd();
  const separator = map.items.length === 0 || before.endsWith(',') || before.endsWith('{') ? (before.endsWith('{') ? '' : ' ') : ', ';
  const at = before.length;
  return `${text.slice(0, start + at)}${separator}${key}: ${literal}${text.slice(start + at)}`;
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

/** The edited file reads exactly as the original with the asked values set: nothing else moved. */
function verify(before: string, after: string, index: number, edit: KeyResultEdit): void {
  const old = readFrontmatter(before);
  const now = readFrontmatter(after);
  const expected = structuredClone(old.data) as { key_results?: Record<string, unknown>[] };
  const target = expected.key_results?.[index];
  if (target === undefined || now.findings.length > 0) throw new CheckinEditError('The edit would break the file; nothing was changed. Edit the value by hand');
  for (const key of KEYS) if (edit[key] !== undefined) target[key] = edit[key];
  if (canonical(expected) !== canonical(now.data) || old.body !== now.body) {
    throw new CheckinEditError(
      'The edit would change more than the asked value (the frontmatter shares values through YAML anchors or merge keys); nothing was changed. Write the values out and check in again',
    );
  }
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1))) : inner,
  );
}
