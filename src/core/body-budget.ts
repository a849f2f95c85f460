/**
 * What one body may cost to render. Markdown parsing is linear for prose but
 * quadratic for runs of emphasis, bracket and table delimiters, and recursive
 * in the nesting of block quotes and lists. Within these bounds a body renders
 * in well under a second (docs/format.md); over them, lint reports the body
 * and the site shows it as plain text.
 */
export const BODY_BUDGET = {
  /** Characters of the body. */
  characters: 64_000,
  /** Characters that open or close inline markup: `*`, `_`, `~`, backticks, `[`, `]`, `|`, `<`. */
  markup: 2_000,
  /** Block quotes and lists inside one another. */
  depth: 32,
} as const;

/**
 * `64000` → `64,000`. Not `toLocaleString('en')`: its first call sets up ICU's number formats, 10–30 ms
 * that every `okr lint` paid when the rules were loaded.
 */
export function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export interface OverBudget {
  /** Line of the body (1 = its first line) where the bound is passed. */
  line: number;
  message: string;
  hint: string;
}

const MARKUP = new Set(['*', '_', '~', '`', '[', ']', '|', '<']);
/** The containers a line opens: `>` quotes and list markers, each with what follows it. */
const CONTAINER = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/;

export function bodyOverBudget(body: string): OverBudget | undefined {
  let characters = 0;
  let markup = 0;
  const lines = body.split('\n');
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    characters += line.length + 1;
    if (characters > BODY_BUDGET.characters + 1) {
      return {
        line: number,
        message: `The body is longer than ${thousands(BODY_BUDGET.characters)} characters (${thousands(body.length)}), so the site shows it as plain text`,
        hint: 'Keep the notes short and link to longer documents outside `okrs/`',
      };
    }
    for (const char of line) if (MARKUP.has(char)) markup++;
    if (markup > BODY_BUDGET.markup) {
      return {
        line: number,
        message: `The body has more than ${thousands(BODY_BUDGET.markup)} markup characters (\`*\`, \`_\`, \`~\`, backticks, brackets, \`|\`, \`<\`), so the site shows it as plain text`,
        hint: 'Use less emphasis and fewer links or table cells, or move the long part to a document outside `okrs/`',
      };
    }
    const depth = nesting(line);
    if (depth > BODY_BUDGET.depth) {
      return {
        line: number,
        message: `Block quotes and lists are nested ${depth} deep here, more than ${BODY_BUDGET.depth}, so the site shows the body as plain text`,
        hint: 'Nest quotes and lists a few levels at most',
      };
    }
  }
  return undefined;
}

/** How many quotes and lists a line sits in, counting its indentation as one level per two spaces. */
function nesting(line: string): number {
  const indentation = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
  let depth = 0;
  let rest = line;
  for (let match = CONTAINER.exec(rest); match !== null; match = CONTAINER.exec(rest)) {
    depth++;
    rest = rest.slice(match[0].length);
  }
  return depth + Math.floor(indentation / 2);
}
