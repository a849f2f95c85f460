import { describe, expect, it } from 'vitest';
import { renderMarkdown, wikiLinkTargets } from '../../src/site/markdown.ts';

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '<a href="javascript:alert(1)">a</a>',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '![x](javascript:alert(1))',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
];

describe('renderMarkdown', () => {
  it('renders GFM: emphasis, links, tables and strikethrough', () => {
    const { html } = renderMarkdown('**bold** [site](https://example.org) ~~old~~\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">site</a>');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<table>');
  });

  it.each(XSS)('leaves no script, event handler or javascript: URL from %s', (payload) => {
    const { html } = renderMarkdown(`Before\n\n${payload}\n\nAfter ${payload}`);
    expect(html).not.toMatch(/<script|<iframe|<svg|<style|<math/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/(href|src)="\s*javascript:/i);
    expect(html).not.toMatch(/style=/i);
  });

  it('counts task list items as initiatives and shows them as text, not form controls', () => {
    const { html, tasks } = renderMarkdown('Initiatives:\n- [x] Join the club\n- [ ] Record every talk\n- [ ] Ask for feedback\n- not a task\n');
    expect(tasks).toEqual({ done: 1, total: 3 });
    expect(html).not.toContain('<input');
    expect(html).toContain('Done:');
    expect(html).toContain('To do:');
  });

  it('demotes headings below the page title', () => {
    expect(renderMarkdown('# Why\n\n## Detail').html).toMatch(/<h2[^>]*>Why<\/h2>\s*<h3[^>]*>Detail<\/h3>/);
  });

  it('renders an empty body as nothing', () => {
    expect(renderMarkdown('')).toEqual({ html: '', tasks: { done: 0, total: 0 } });
  });

  it('turns an Obsidian wiki link to another objective into a link, and any other into its label', () => {
    const wikiLink = (note: string) => (note === 'work-pace' ? '../work-pace/' : undefined);
    const { html } = renderMarkdown('See [[Work-Pace]], [[2026-q4/work-pace#Why|my pace]], [[secret-plan|a plan]], [[Notes/Reading list]] and ![[chart.png]].', { wikiLink });
    expect(html).toBe('<p>See <a href="../work-pace/">Work-Pace</a>, <a href="../work-pace/">my pace</a>, a plan, Reading list and chart.png.</p>');
    expect(renderMarkdown('[[work-pace]]').html).toBe('<p>work-pace</p>');
    expect(wikiLinkTargets('[[A/Work-Pace#x|y]] and [[b]] and [[b]]')).toEqual(['work-pace', 'b']);
  });

  it('marks ==highlights== and leaves code as written', () => {
    expect(renderMarkdown('A ==key point== here, `==not== [[this]]`.').html).toBe('<p>A <mark>key point</mark> here, <code>==not== [[this]]</code>.</p>');
    expect(renderMarkdown('a == b == c').html).toBe('<p>a == b == c</p>');
  });

  it('renders `> [!type] Title` as a callout of that type, titled by its type when no title is given', () => {
    expect(renderMarkdown('> [!tip] Before the talk\n> Rehearse **twice**.').html).toBe(
      '<div class="callout callout-tip"><p class="callout-title">Before the talk</p>\n<p>Rehearse <strong>twice</strong>.</p>\n</div>',
    );
    expect(renderMarkdown('> [!WARNING]-\n> Folded.').html).toBe('<div class="callout callout-warning"><p class="callout-title">Warning</p>\n<p>Folded.</p>\n</div>');
    expect(renderMarkdown('> A plain quote').html).toBe('<blockquote>\n<p>A plain quote</p>\n</blockquote>');
  });

  it('keeps markup out of wiki links, highlights and callouts', () => {
    const { html } = renderMarkdown('[[<img src=x onerror=alert(1)>|<script>x</script>]] ==<b onclick=alert(1)>x</b>==\n\n> [!"><script>alert(1)</script>] <svg onload=alert(1)>', {
      wikiLink: () => '../x/',
    });
    expect(html).not.toMatch(/<script|<img|<svg|<b /i);
    expect(html).not.toMatch(/\son\w+=/i);
  });
});
