import fc from 'fast-check';
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { withoutComments } from '../../src/core/obsidian-comments.ts';
import { renderMarkdown } from '../../src/site/markdown.ts';
import { XSS } from '../fixtures/hostile.ts';

interface Node {
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

function elements(html: string): Node[] {
  const found: Node[] = [];
  const walk = (node: Node) => {
    if (node.tagName !== undefined) found.push(node);
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parseFragment(html) as unknown as Node);
  return found;
}

describe('footnotes in a body', () => {
  it('link to the note and back to the same ids the page has', () => {
    const nodes = elements(renderMarkdown('Text[^x] and more[^long-one].\n\n[^x]: The note.\n[^long-one]: Another.\n').html);
    const ids = new Set(nodes.flatMap((node) => node.attrs?.filter((attr) => attr.name === 'id').map((attr) => attr.value) ?? []));
    const targets = nodes.flatMap((node) => node.attrs?.filter((attr) => attr.name === 'href' && attr.value.startsWith('#')).map((attr) => attr.value.slice(1)) ?? []);
    expect(targets.length).toBe(4);
    for (const target of targets) expect(ids, target).toContain(target);
    expect([...ids].some((id) => id.startsWith('user-content-user-content-'))).toBe(false);
  });
});

describe('Obsidian comments', () => {
  it('are removed inline and over several lines before rendering, and stay in fenced code', () => {
    const html = renderMarkdown('Shown %%hidden inline%% too.\n\n%%\nhidden block\n\nstill hidden\n%%\n\n```\n%% code stays %%\n```\n\nEnd %% unclosed hides the rest\n\nhidden tail\n').html;
    expect(html).toContain('Shown');
    expect(html).toContain('too.');
    expect(html).toContain('%% code stays %%');
    expect(html).not.toMatch(/hidden/);
  });

  it('never leave the text of a comment, whatever surrounds it', () => {
    const piece = fc
      .array(fc.oneof(fc.constantFrom('\n', '\n\n', 'a', ' ', '> ', '- ', '%', '# '), fc.string({ maxLength: 5 })), { maxLength: 8 })
      // Fences and tildes go first: removing them in the same pass as `%` could join two `%` into a marker.
      .map((parts) =>
        parts
          .join('')
          .replace(/[`~]/g, '')
          .replace(/%(?=%)/g, '')
          .replace(/%$/, ''),
      );
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, piece), { minLength: 1, maxLength: 5 }), (segments) => {
        // Visible text, then a comment holding a marker; the last comment may be left unclosed.
        const text = segments.map(([visible, hidden], index) => `${visible}%%SECRETZ${hidden}${index === segments.length - 1 && hidden.length % 2 === 1 ? '' : '%%'}`).join('');
        expect(withoutComments(text)).not.toContain('SECRETZ');
        expect(renderMarkdown(text).html).not.toContain('SECRETZ');
      }),
      { numRuns: 600 },
    );
  });
});

describe('rendering fuzzed bodies', () => {
  const TOKENS = [
    '*',
    '**',
    '_',
    '~~',
    '`',
    '```\n',
    '[',
    ']',
    '(',
    ')',
    '![',
    '[^a]',
    '[^a]: x\n',
    '<',
    '>',
    '> ',
    '- ',
    '1. ',
    '- [ ] ',
    '| a |',
    '\n',
    '\n\n',
    '#',
    '%%',
    'javascript:',
    'http://x',
    '&#106;',
    '\\',
    ...XSS,
  ];
  it('never throws and never lets a script, handler or javascript: URL through', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 40 }), (parts) => {
        const { html } = renderMarkdown(parts.join(''));
        for (const node of elements(html)) {
          expect(['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math']).not.toContain(node.tagName);
          for (const attr of node.attrs ?? []) {
            expect(attr.name).not.toMatch(/^on/i);
            expect(attr.value).not.toMatch(/^\s*(javascript|vbscript|data):/i);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
