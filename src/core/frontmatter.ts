/**
 * Splits a markdown file into YAML frontmatter and body (gray-matter) and keeps
 * the YAML document (yaml) so every value can be traced to its line and column.
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

export function readFrontmatter(text: string): Frontmatter {
  // Lines and columns stay the same without the byte-order mark and the CR of CRLF.
  const source = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  if (!/^---[ \t]*\r?\n/.test(source) && source.trim() !== '---') {
    return {
      data: undefined,
      body: source,
      bodyLine: 1,
      locate: () => START_OF_FILE,
      findings: [
        {
          ruleId: 'schema',
          message: source.trim() === '' ? 'Empty file' : 'Missing frontmatter',
          hint: 'Start the file with YAML between `---` lines, e.g.\n---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results: []\n---',
          ...START_OF_FILE,
        },
      ],
    };
  }
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(source.slice(3))) {
    return {
      data: undefined,
      body: '',
      bodyLine: 1,
      locate: () => START_OF_FILE,
      findings: [{ ruleId: 'schema', message: 'Frontmatter is not closed', hint: 'End the YAML with a line that holds only `---`', ...START_OF_FILE }],
    };
  }

  let document: Document.Parsed | undefined;
  const lineCounter = new LineCounter();
  // Passing options also keeps gray-matter from caching by content.
  const file = matter(source, {
    engines: {
      yaml: {
        parse: (yamlText: string) => {
          document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
          return {};
        },
      },
    },
  });
  const bodyLine = lineOf(source, source.length - file.content.length);

  const locate = (path: YamlPath, part: 'key' | 'value' = 'value'): Position => {
    const range = document ? rangeOf(document, path, part) : undefined;
    if (!range) return START_OF_FILE;
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(Math.max(range[0], range[1]));
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  };

  if (!document) return { data: {}, body: file.content, bodyLine, locate, findings: [] };
  const findings: Finding[] = [...document.errors, ...document.warnings.filter((warning) => warning.code !== 'TAG_RESOLVE_FAILED')].map(
    (error) => {
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
    },
  );
  if (findings.length > 0) return { data: undefined, body: file.content, bodyLine, locate, findings };
  try {
    return { data: document.toJS({ maxAliasCount: 100 }) ?? {}, body: file.content, bodyLine, locate, findings };
  } catch (error) {
    // Aliases that point nowhere or expand without end only fail when the value is built.
    const message = error instanceof Error ? error.message : String(error);
    return {
      data: undefined,
      body: file.content,
      bodyLine,
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
