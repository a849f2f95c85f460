/**
 * Rendered bodies kept between builds: Markdown → HTML is the costliest step of reading
 * the site's inputs, and most bodies do not change between two check-ins. A body is found
 * by a digest of its text and of everything its HTML depends on (where wiki links point),
 * so a kept entry is always what rendering it again would give. The file is plain data,
 * checked when read; a missing, corrupt or foreign one is an empty cache.
 */
import { createHash, type Hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeWhole } from '../io/write-whole.ts';
import type { RenderedBody } from './markdown.ts';

/** Raised whenever the renderer's output may change (src/site/markdown.ts), so old entries are never used. */
const BODY_CACHE_VERSION = 1;

export class BodyCache {
  readonly #previous: ReadonlyMap<string, RenderedBody>;
  readonly #used = new Map<string, RenderedBody>();
  /** The digest of each context so far, copied for each body: a context names every objective, so an organisation's is long. */
  readonly #contexts = new Map<string, Hash>();
  #render: ((markdown: string, options: { wikiLink?: (note: string) => string | undefined }) => RenderedBody) | undefined;
  misses = 0;

  constructor(previous: ReadonlyMap<string, RenderedBody> = new Map()) {
    this.#previous = previous;
  }

  /** `context` names what the links depend on (the notes a wiki link may name, the page's folder). */
  async render(markdown: string, context: string, wikiLink?: (note: string) => string | undefined): Promise<RenderedBody> {
    let digest = this.#contexts.get(context);
    if (digest === undefined) this.#contexts.set(context, (digest = createHash('sha256').update(`${BODY_CACHE_VERSION}\0${context}\0`)));
    // The same key as one digest of `${BODY_CACHE_VERSION}\0${context}\0${markdown}`: UTF-8 splits at the `\0`.
    const key = digest.copy().update(markdown).digest('base64url');
    let body = this.#used.get(key) ?? this.#previous.get(key);
    if (body === undefined) {
      this.misses += 1;
      // The Markdown pipeline is loaded only when a body has to be rendered.
      this.#render ??= (await import('./markdown.ts')).renderMarkdown;
      body = this.#render(markdown, wikiLink ? { wikiLink } : {});
    }
    this.#used.set(key, body);
    return body;
  }

  /** The bodies this build used: what the next build may reuse. */
  entries(): [string, RenderedBody][] {
    return [...this.#used];
  }
}

export async function readBodyCache(file: string): Promise<BodyCache> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as unknown;
    if (!isCacheFile(data)) return new BodyCache();
    return new BodyCache(new Map(data.bodies));
  } catch {
    return new BodyCache();
  }
}

/** Whole or not at all: written beside it, then renamed over it. */
export async function writeBodyCache(file: string, cache: BodyCache): Promise<void> {
  await writeWhole(file, JSON.stringify({ version: BODY_CACHE_VERSION, bodies: cache.entries() }));
}

function isCacheFile(data: unknown): data is { version: number; bodies: [string, RenderedBody][] } {
  if (typeof data !== 'object' || data === null) return false;
  const { version, bodies } = data as { version?: unknown; bodies?: unknown };
  return (
    version === BODY_CACHE_VERSION &&
    Array.isArray(bodies) &&
    bodies.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        typeof entry[1]?.html === 'string' &&
        Number.isInteger(entry[1]?.tasks?.done) &&
        Number.isInteger(entry[1]?.tasks?.total),
    )
  );
}
