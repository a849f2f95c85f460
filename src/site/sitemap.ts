/**
 * The sitemap of a site built by `okr build`: `sitemap-index.xml` pointing at
 * `sitemap-0.xml`, … of at most 45,000 pages each (the protocol allows 50,000),
 * the names and shape @astrojs/sitemap gives them.
 */
import { escapeHtml } from './html.ts';

const PAGES_PER_FILE = 45_000;
const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The files of the sitemap, given the absolute URL of each page and of the site's root folder. */
export function sitemapFiles(pageUrls: readonly string[], rootUrl: string): { name: string; xml: string }[] {
  const files: { name: string; xml: string }[] = [];
  const sorted = [...pageUrls].sort();
  for (let start = 0; start === 0 || start < sorted.length; start += PAGES_PER_FILE) {
    const urls = sorted.slice(start, start + PAGES_PER_FILE).map((url) => `<url><loc>${escapeHtml(url)}</loc></url>`);
    files.push({ name: `sitemap-${files.length}.xml`, xml: `${XML}<urlset xmlns="${NAMESPACE}">${urls.join('')}</urlset>\n` });
  }
  const entries = files.map((file) => `<sitemap><loc>${escapeHtml(new URL(file.name, rootUrl).href)}</loc></sitemap>`);
  return [{ name: 'sitemap-index.xml', xml: `${XML}<sitemapindex xmlns="${NAMESPACE}">${entries.join('')}</sitemapindex>\n` }, ...files];
}
