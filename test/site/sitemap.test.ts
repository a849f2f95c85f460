import { describe, expect, it } from 'vitest';
import { sitemapFiles } from '../../src/site/sitemap.ts';

describe('sitemapFiles', () => {
  it('lists every page in sitemap-0.xml and points sitemap-index.xml at it, under the base', () => {
    const [index, pages, ...rest] = sitemapFiles(['https://jane.github.io/okrs/objectives/a/', 'https://jane.github.io/okrs/'], 'https://jane.github.io/okrs/');
    expect(rest).toEqual([]);
    expect(index).toEqual({
      name: 'sitemap-index.xml',
      xml: '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://jane.github.io/okrs/sitemap-0.xml</loc></sitemap></sitemapindex>\n',
    });
    expect(pages).toEqual({
      name: 'sitemap-0.xml',
      xml: '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://jane.github.io/okrs/</loc></url><url><loc>https://jane.github.io/okrs/objectives/a/</loc></url></urlset>\n',
    });
  });

  it('splits more than 45,000 pages over several files and escapes each address', () => {
    const urls = Array.from({ length: 45_001 }, (_, n) => `https://example.org/p/${n}/?a=1&b=2`);
    const files = sitemapFiles(urls, 'https://example.org/');
    expect(files.map((file) => file.name)).toEqual(['sitemap-index.xml', 'sitemap-0.xml', 'sitemap-1.xml']);
    expect(files[0]!.xml).toContain('<loc>https://example.org/sitemap-1.xml</loc>');
    expect(files[2]!.xml.match(/<url>/g)).toHaveLength(1);
    expect(files[1]!.xml).toContain('?a=1&amp;b=2');
    expect(files[1]!.xml).not.toMatch(/&b=/);
  });
});
