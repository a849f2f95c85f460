/**
 * Objective and mission bodies: Markdown → sanitised HTML with our own unified
 * pipeline, so what is allowed through is decided (and tested) here.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { initiativesOf } from '../core/body.ts';
import { bodyOverBudget } from '../core/body-budget.ts';
import { withoutComments } from '../core/obsidian-comments.ts';

export interface RenderedBody {
  html: string;
  /** GFM task list items (`- [ ]` / `- [x]`): the initiatives. */
  tasks: { done: number; total: number };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(countTasks)
  // Raw HTML in the Markdown is dropped, never passed through.
  // The sanitiser prefixes every id with `user-content-`; a prefix here too would make it twice.
  .use(remarkRehype, { allowDangerousHtml: false, clobberPrefix: '' })
  .use(rehypeSanitize, defaultSchema)
  .use(inPageLinks)
  .use(imagesWithoutSource)
  .use(demoteHeadings)
  .use(taskBoxesAsText)
  .use(externalLinks)
  .use(rehypeStringify);

/** A body over the bounds of src/core/body-budget.ts, or one the renderer fails on, is shown as plain text. */
export function renderMarkdown(markdown: string): RenderedBody {
  const text = withoutComments(markdown);
  if (bodyOverBudget(text) !== undefined) return plainText(text);
  try {
    const file = processor.processSync(text);
    const tasks = (file.data as { tasks?: RenderedBody['tasks'] }).tasks ?? { done: 0, total: 0 };
    return { html: String(file.value).trim(), tasks };
  } catch {
    return plainText(text);
  }
}

function plainText(text: string): RenderedBody {
  const escaped = text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
  return { html: `<pre class="body-plain">${escaped}</pre>`, tasks: { done: 0, total: 0 } };
}

function countTasks() {
  return (tree: MdastRoot, file: { data: Record<string, unknown> }) => {
    const found = initiativesOf(tree);
    file.data.tasks = { done: found.filter((initiative) => initiative.done).length, total: found.length };
  };
}

/** `#fn-x` points at the id the sanitiser made of it, `user-content-fn-x` (footnotes and their back links). */
function inPageLinks() {
  return (tree: HastRoot) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      let fragment: string;
      try {
        fragment = decodeURIComponent(href.slice(1));
      } catch {
        return;
      }
      const target = `${defaultSchema.clobberPrefix ?? 'user-content-'}${fragment}`;
      if (!ids.has(fragment) && ids.has(target)) node.properties.href = `#${target}`;
    });
  };
}

/** An image whose source was unsafe (and so removed) leaves its alt text. */
function imagesWithoutSource() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || node.properties.src || !parent || index === undefined) return;
      parent.children.splice(index, 1, { type: 'text', value: String(node.properties.alt ?? '') });
    });
  };
}

/** The page has its own `h1`; a body's `# Heading` becomes an `h2`, and so on down. */
function demoteHeadings() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      const match = /^h([1-6])$/.exec(node.tagName);
      if (match) node.tagName = `h${Math.min(6, Number(match[1]) + 1)}`;
    });
  };
}

/**
 * A read-only checkbox is a form control without a label; the site shows the
 * state as text instead, which reads the same to everyone.
 */
function taskBoxesAsText() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'input' || node.properties.type !== 'checkbox' || !parent || index === undefined) return;
      const done = Boolean(node.properties.checked);
      const box: ElementContent = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['task', done ? 'task-done' : 'task-open'] },
        children: [
          { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: done ? '☑' : '☐' }] },
          { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: done ? 'Done:' : 'To do:' }] },
        ],
      };
      parent.children.splice(index, 1, box);
    });
  };
}

/** Links that leave the site never pass the referrer or `window.opener`. */
function externalLinks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      if (/^https?:/i.test(node.properties.href)) node.properties.rel = ['noopener', 'noreferrer'];
    });
  };
}
