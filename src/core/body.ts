/** The markdown body of an objective: its initiatives are the task list items (`- [ ]`, `- [x]`). */
import type { ListItem, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';

export interface Initiative {
  text: string;
  done: boolean;
  /** Line in the file (the body starts at `bodyLine`). */
  line: number;
}

const parser = unified().use(remarkParse).use(remarkGfm);

export function parseBody(body: string): Root {
  return parser.parse(body);
}

export function initiatives(body: string, bodyLine = 1): Initiative[] {
  return initiativesOf(parseBody(body), bodyLine);
}

/** The initiatives of a body already parsed (with GFM, so that task list items carry `checked`). */
export function initiativesOf(tree: Root, bodyLine = 1): Initiative[] {
  const found: Initiative[] = [];
  visit(tree, 'listItem', (item: ListItem) => {
    if (typeof item.checked !== 'boolean') return;
    found.push({
      text: item.children
        .filter((child) => child.type !== 'list')
        .map((child) => toString(child))
        .join(' ')
        .trim(),
      done: item.checked,
      line: (item.position?.start.line ?? 1) + bodyLine - 1,
    });
  });
  return found;
}
