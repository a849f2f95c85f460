import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import { describe, expect, it } from 'vitest';
import { attribute, escapeAttribute, escapeHtml } from '../../src/site/html.ts';

const HOSTILE = [`&<>"'`, '<script>alert("x")</script>', `"><img src=x onerror='alert(1)'>`, 'Tom & Jerry’s “quotes” → 100 %', '&amp; already an entity', "' onmouseover='alert(1)", '', 'plain text'];

describe('escapeHtml', () => {
  it('writes the five characters that can end text or an attribute value as entities', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('leaves other text as it is, entities included escaped once more', () => {
    expect(escapeHtml('plain → text')).toBe('plain → text');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('escapes as the text of an Astro template does', () => {
    for (const text of HOSTILE) expect(escapeHtml(text)).toBe(escapeHTML(text));
  });
});

describe('escapeAttribute', () => {
  it('writes & and " as entities, so a value never leaves its double quotes', () => {
    expect(escapeAttribute(`"><img src=x onerror='alert(1)'>`)).toBe(`&quot;><img src=x onerror='alert(1)'>`);
    expect(escapeAttribute('/a?x=1&y="2"')).toBe('/a?x=1&amp;y=&quot;2&quot;');
  });

  it('writes numbers as Astro does', () => {
    expect(escapeAttribute(0.5)).toBe('0.5');
    expect(escapeAttribute(-12)).toBe('-12');
  });
});

describe('attribute', () => {
  it('writes a named value as an Astro template does', () => {
    for (const value of [...HOSTILE.filter((text) => text !== ''), 3, 0, 14.25]) expect(attribute('title', value)).toBe(String(addAttribute(value, 'title')));
  });

  it('writes nothing for null or undefined', () => {
    expect(attribute('class', null)).toBe('');
    expect(attribute('class', undefined)).toBe('');
  });
});
