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

export interface MarkdownOptions {
  /**
   * Where an Obsidian wiki link (`[[note]]`, `[[note|label]]`) goes: the href
   * of the objective called `note`, or undefined to show its label as text.
   */
  wikiLink?: (note: string) => string | undefined;
}

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
  // Obsidian's syntax is read from the sanitised text, so every element it adds is made here.
  .use(obsidianCallouts)
  .use(obsidianInline)
  .use(imagesWithoutSource)
  .use(demoteHeadings)
  .use(taskBoxesAsText)
  .use(externalLinks)
  .use(rehypeStringify);

/** A body over the bounds of src/core/body-budget.ts, or one the renderer fails on, is shown as plain text. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): RenderedBody {
  const text = withoutComments(markdown);
  if (bodyOverBudget(text) !== undefined) return plainText(text);
  try {
    const file = processor.processSync({ value: text, data: { wikiLink: options.wikiLink } });
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

/** The notes that `[[wiki links]]` in a body point to, lower-cased, without folder, heading or label. */
export function wikiLinkTargets(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(WIKI_LINK)].map((match) => noteName(match[2]!)))];
}

const WIKI_LINK = /(!?)\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\]/g;
const HIGHLIGHT = /==(?=\S)([^=\n]*?\S)==/g;
const INLINE = new RegExp(`${WIKI_LINK.source}|${HIGHLIGHT.source}`, 'g');
const CALLOUT = /^\[!([A-Za-z][\w-]*)\][+-]?[ \t]*([^\n]*)\n?/;

/** `folder/Note#Heading` → `note`. */
function noteName(target: string): string {
  const name = target.split('#', 1)[0]!.trim();
  return name
    .slice(name.lastIndexOf('/') + 1)
    .replace(/\.md$/i, '')
    .toLowerCase();
}

/**
 * `[[note]]` and `[[note|label]]` become a link when `note` is an objective, else their label as text
 * (`![[embeds]]` too); `==text==` becomes `<mark>`. Text in code is left as written.
 */
function obsidianInline() {
  return (tree: HastRoot, file: { data: Record<string, unknown> }) => {
    const wikiLink = file.data.wikiLink as MarkdownOptions['wikiLink'];
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || (parent.type === 'element' && (parent.tagName === 'code' || parent.tagName === 'pre'))) return;
      const parts: ElementContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(INLINE)) {
        if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
        last = match.index + match[0].length;
        if (match[4] !== undefined) {
          parts.push({ type: 'element', tagName: 'mark', properties: {}, children: [{ type: 'text', value: match[4] }] });
          continue;
        }
        const [, embed, target, label] = match;
        const text = (label ?? target!.split('#', 1)[0]!.split('/').at(-1)!).trim();
        const href = embed ? undefined : wikiLink?.(noteName(target!));
        parts.push(href === undefined ? { type: 'text', value: text } : { type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: text }] });
      }
      if (parts.length === 0) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}

/** `> [!note] Title` becomes a callout box of that type, titled (by default with the type), as Obsidian shows it. */
function obsidianCallouts() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'blockquote') return;
      const first = node.children.find((child): child is Element => child.type === 'element');
      const lead = first?.tagName === 'p' ? first.children[0] : undefined;
      const match = lead?.type === 'text' ? CALLOUT.exec(lead.value) : null;
      if (!first || !lead || lead.type !== 'text' || !match) return;
      const type = match[1]!.toLowerCase();
      const title = match[2]!.trim() || type.charAt(0).toUpperCase() + type.slice(1);
      lead.value = lead.value.slice(match[0].length);
      if (first.children.length === 1 && lead.value.trim() === '') node.children.splice(node.children.indexOf(first), 1);
      else if (lead.value === '' && first.children[1]?.type === 'element' && first.children[1].tagName === 'br') first.children.splice(0, 2);
      node.tagName = 'div';
      node.properties = { className: ['callout', `callout-${type.replace(/[^a-z0-9-]/g, '')}`] };
      node.children.unshift({ type: 'element', tagName: 'p', properties: { className: ['callout-title'] }, children: [{ type: 'text', value: title }] });
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
