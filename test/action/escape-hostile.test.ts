/** Text the action writes into job summaries and pull-request comments renders as text, for every payload of the corpus. */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { escapeMessage, escapeText } from '../../action/src/escape.ts';
import { XSS } from '../fixtures/hostile.ts';
import { liveMarkup } from '../helpers/inert-html.ts';

/** Markdown as GitHub renders it before its own sanitiser: raw HTML passes through, so any that survives escaping shows. */
const render = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });

describe('escapeText and escapeMessage with the payload corpus', () => {
  it.each(XSS)('render %s as text only', (payload) => {
    for (const markdown of [escapeText(`Title ${payload}`), escapeMessage(`Unexpected \`title: ${payload}\` near ${payload}`)]) {
      const html = String(render.processSync(markdown));
      expect(liveMarkup(html, ['p', 'code']), html).toEqual([]);
    }
  });
});

it('would see markup that was not escaped', () => {
  expect(liveMarkup(String(render.processSync('<img src=x onerror=alert(1)>')), ['p', 'code'])).toContain('img[onerror]');
});
