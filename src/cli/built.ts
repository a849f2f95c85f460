/** What `okr build` (one repository or an organisation) says once the site is written, or when --strict stops it. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The hint of a strict build that stopped on a problem. */
export const STRICT_HINT = 'Fix what is listed above (`okr lint` shows each problem in okrs/ with an example of the right form), or build without --strict to list it on the site';

export async function reportBuilt(out: string, now: string): Promise<void> {
  const pages = (await readdir(out, { recursive: true })).filter((file) => file.endsWith('.html')).length;
  process.stdout.write(`Built ${pages} pages for ${now} into ${path.relative(process.cwd(), out) || '.'}\n`);
}
