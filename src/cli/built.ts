/** What `okr build` (one repository or an organisation) says once the site is written. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export async function reportBuilt(out: string, now: string): Promise<void> {
  const pages = (await readdir(out, { recursive: true })).filter((file) => file.endsWith('.html')).length;
  process.stdout.write(`Built ${pages} pages for ${now} into ${path.relative(process.cwd(), out) || '.'}\n`);
}
