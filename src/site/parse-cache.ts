/**
 * The parses of the current OKR files kept between builds (src/core/parsed-files.ts): after a
 * check-in, every other file's YAML is the same as at the last build, and parsing it again was most
 * of what reading the site's inputs cost. Beside the rendered bodies (src/site/body-cache.ts), in the
 * caches of the repository's builds; a missing, corrupt or foreign file keeps nothing.
 */
import { readFile } from 'node:fs/promises';
import { ParsedFiles, type StoredParse } from '../core/parsed-files.ts';
import { writeWhole } from '../io/write-whole.ts';

export async function readParseCache(file: string): Promise<ParsedFiles> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return new ParsedFiles(isCacheFile(data) ? new Map(data.parses) : new Map());
  } catch {
    return new ParsedFiles();
  }
}

/** Whole or not at all: written beside it, then renamed over it. */
export async function writeParseCache(file: string, parsed: ParsedFiles): Promise<void> {
  await writeWhole(file, JSON.stringify({ parses: parsed.stored() }));
}

function isCacheFile(data: unknown): data is { parses: [string, StoredParse][] } {
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { parses?: unknown }).parses)) return false;
  return (data as { parses: unknown[] }).parses.every((entry) => {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return false;
    const parse = entry[1] as Partial<StoredParse> | null;
    return typeof parse === 'object' && parse !== null && typeof parse.body === 'string' && Number.isInteger(parse.bodyLine) && Array.isArray(parse.findings);
  });
}
