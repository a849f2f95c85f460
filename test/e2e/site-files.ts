/** Reading a built site: its pages, and the internal links in them. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export async function allFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

export async function htmlPages(dir: string): Promise<string[]> {
  return (await allFiles(dir)).filter((file) => file.endsWith('.html'));
}

/** The site path a file is served at: `objectives/x/index.html` → `objectives/x/`. */
export function pagePath(file: string): string {
  return file.replace(/(^|\/)index\.html$/, '$1');
}

/** Every `href`/`src` of an HTML page, every `<loc>`/`<link>` of an XML file. */
export async function linksIn(dir: string, file: string): Promise<string[]> {
  const text = await readFile(path.join(dir, file), 'utf8');
  const pattern = file.endsWith('.xml') ? /<(?:loc|link)>([^<]+)<\/(?:loc|link)>|<atom:link href="([^"]+)"/g : /\s(?:href|src)="([^"]*)"/g;
  return [...text.matchAll(pattern)].map((match) => (match[1] ?? match[2] ?? '').replace(/&amp;/g, '&'));
}
