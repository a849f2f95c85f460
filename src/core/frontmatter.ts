/**
 * The one split of a file into YAML frontmatter and body, and the one YAML
 * parser. gray-matter finds the fences; the `yaml` package is its engine (never
 * gray-matter's own js-yaml, never its JavaScript engine; the package's bundle,
 * scripts/build-package.ts, leaves js-yaml out altogether), and the YAML document
 * is kept so every value can be traced to its line and column. Parsing, the
 * check-in editor and history all split here.
 */
import matter from 'gray-matter';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Finding, Position } from './finding.ts';
import { START_OF_FILE } from './finding.ts';

export type YamlPath = readonly (string | number)[];

export interface Frontmatter {
  data: unknown;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  /** Position of the value at `path`, or of the nearest enclosing value that exists. */
  locate(path: YamlPath, part?: 'key' | 'value'): Position;
  findings: Finding[];
}

/** A parsed YAML text and the line counter its positions are read with. */
export interface YamlText {
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/** A file split at its fences: offsets are into the text as given (a byte-order mark included). */
export type FrontmatterSplit =
  | (YamlText & {
      ok: true;
      /** Offset of the YAML text, right after the opening `---`: its line N is line N of the file. */
      yamlStart: number;
      yaml: string;
      /** Offset of the body, after the closing fence's line. */
      bodyStart: number;
      body: string;
      bodyLine: number;
    })
  /** `body` is the whole file when it has no frontmatter, and empty when the frontmatter is broken. */
  | { ok: false; finding: Finding; body: string };

const FENCE = '---';
const FENCE_LINE = /^---[ \t]*\r?$/;
const FRONTMATTER_HINT = 'Start the file with YAML between `---` lines, e.g.\n---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results: []\n---';

/** Every YAML text is parsed here, with the same options: one parser, one way of counting lines. */
export function parseYaml(text: string): YamlText {
  const lineCounter = new LineCounter();
  return { document: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter };
}

/** gray-matter's other engines (JSON, JavaScript through `eval`) are never reached: frontmatter is YAML, and data only. */
function refused(): object {
  throw new Error('Frontmatter is YAML only');
}

export function splitFrontmatter(text: string): FrontmatterSplit {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const source = bom === 1 ? text.slice(1) : text;
  if (source.trim() === '') return failed('Empty file', FRONTMATTER_HINT, 1, source);
  const newline = source.indexOf('\n');
  const opening = newline === -1 ? source : source.slice(0, newline);
  // gray-matter would read `---js` as a language and `----` as no fence: both are not frontmatter here.
  if (!FENCE_LINE.test(opening)) {
    if (opening.startsWith(FENCE) && !opening.startsWith(`${FENCE}-`)) {
      return failed(`Unexpected \`${opening.trimEnd()}\`: frontmatter opens with a line that holds only \`---\``, FRONTMATTER_HINT, 1);
    }
    return failed('Missing frontmatter', FRONTMATTER_HINT, 1, source);
  }

  let parsed: YamlText | undefined;
  const engine = (yaml: string) => {
    parsed = parseYaml(yaml);
    return {};
  };
  // Passing options also keeps gray-matter from caching by content.
  const file = matter(source, { language: 'yaml', engines: { yaml: { parse: engine }, json: { parse: refused }, javascript: { parse: refused } } });
  const yaml = file.matter;
  // gray-matter takes the YAML up to the first line that starts with `---`, or to the end when there is none.
  const closing = FENCE.length + yaml.length + 1;
  if (closing > source.length) return failed('Frontmatter is not closed', 'End the YAML with a line that holds only `---`', 1);
  const closingEnd = source.indexOf('\n', closing);
  const closingLine = source.slice(closing, closingEnd === -1 ? source.length : closingEnd);
  const bodyStart = closingEnd === -1 ? source.length : closingEnd + 1;
  const bodyLine = lineOf(source, bodyStart);
  if (!FENCE_LINE.test(closingLine)) {
    return failed(
      `Unexpected \`${closingLine.trimEnd()}\`: frontmatter closes with a line that holds only \`---\``,
      'End the YAML with a line that holds only `---`; start other lines of it with a space or a key',
      lineOf(source, closing),
    );
  }
  // gray-matter does not call its engine on a block of only comments; read it all the same.
  const { document, lineCounter } = parsed ?? parseYaml(yaml);
  return { ok: true, document, lineCounter, yamlStart: bom + FENCE.length, yaml, bodyStart: bom + bodyStart, body: source.slice(bodyStart), bodyLine };
}

function failed(message: string, hint: string, line: number, body = ''): FrontmatterSplit {
  return { ok: false, finding: { ruleId: 'schema', message, hint, line, column: 1, endLine: line, endColumn: 1 }, body };
}

export function readFrontmatter(text: string): Frontmatter {
  // Lines and columns stay the same without the byte-order mark and the CR of CRLF.
  const source = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const split = splitFrontmatter(source);
  if (!split.ok) return { data: undefined, body: split.body, bodyLine: 1, locate: () => START_OF_FILE, findings: [split.finding] };
  return { ...readYaml(split), body: split.body, bodyLine: split.bodyLine };
}

/** A YAML text's data, positions and findings: the frontmatter of a file, or a plain YAML file such as `okrs/config.yml`. */
export function readYaml({ document, lineCounter }: YamlText): Omit<Frontmatter, 'body' | 'bodyLine'> {
  const locate = (path: YamlPath, part: 'key' | 'value' = 'value'): Position => {
    const range = rangeOf(document, path, part);
    if (!range) return START_OF_FILE;
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(Math.max(range[0], range[1]));
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  };
  const findings: Finding[] = [...document.errors, ...document.warnings.filter((warning) => warning.code !== 'TAG_RESOLVE_FAILED')].map((error) => {
    const start = lineCounter.linePos(error.pos[0]);
    const end = lineCounter.linePos(Math.max(error.pos[0], error.pos[1]));
    const summary = error.message.split('\n')[0] ?? error.message;
    return {
      ruleId: 'schema',
      message: `Malformed YAML: ${summary.replace(/ at line \d+, column \d+.*$/, '')}`,
      hint: yamlHint(error.code),
      line: start.line,
      column: start.col,
      endLine: end.line,
      endColumn: end.col,
    };
  });
  if (findings.length > 0) return { data: undefined, locate, findings };
  try {
    return { data: document.toJS({ maxAliasCount: 100 }) ?? {}, locate, findings };
  } catch (error) {
    // Aliases that point nowhere or expand without end only fail when the value is built.
    const message = error instanceof Error ? error.message : String(error);
    return {
      data: undefined,
      locate,
      findings: [{ ruleId: 'schema', message: `Malformed YAML: ${message}`, hint: 'Define an anchor (`&name`) before its alias (`*name`), or write the value out', ...START_OF_FILE }],
    };
  }
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once; remove or rename the second one';
    case 'MISSING_CHAR':
      return 'Close the quote or bracket opened here; quote a value that holds `: ` or `#`, e.g. title: "Ship v2: the rewrite"';
    case 'BAD_INDENT':
      return 'Indent list items and nested keys with spaces, the same amount at each level';
    case 'TAB_AS_INDENT':
      return 'YAML is indented with spaces, not tabs';
    default:
      return 'Check the quoting and indentation of this line; values with `: ` or `#` need quotes, e.g. title: "Ship v2: the rewrite"';
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** The source range of the value (or key) at `path`, falling back to the nearest ancestor that exists. */
function rangeOf(document: Document.Parsed, path: YamlPath, part: 'key' | 'value'): [number, number] | undefined {
  let node: unknown = document.contents;
  let found: [number, number] | undefined = toRange(node);
  for (const [index, segment] of path.entries()) {
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return found;
      if (isLast && part === 'key') return toRange(pair.key) ?? found;
      node = pair.value;
      found = toRange(node) ?? toRange(pair.key) ?? found;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) return found;
      found = toRange(node) ?? found;
    } else {
      return found;
    }
  }
  return found;
}

function toRange(node: unknown): [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range;
  if (!range) return undefined;
  // A map or list spans its lines; point at its first line only.
  return [range[0], range[1]];
}
