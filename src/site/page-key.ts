/**
 * The `cacheKey` of a page for Astro's incremental build: a digest of everything the page
 * shows that is not its code. Astro keeps a page from the previous build only when its
 * route's code (the module graph's hash), the config, the lockfile and this key are all
 * unchanged, so the key takes the page's props (each route hands its page the slice of the
 * data it renders) and the facts every page shows (the build day, the site's links).
 */
import { createHash } from 'node:crypto';
import { inputs, route, standalone } from 'virtual:gitops-okr/inputs';
import { showAlignment, siteFacts } from './content.ts';

/** Raised when what a page is keyed on changes shape, so every kept page is rendered again. */
const KEY_VERSION = 1;

let shared: Promise<string> | undefined;

/** What the layout shows on every page: the day, the navigation, where commits link to. */
function sharedFacts(): Promise<string> {
  return (shared ??= (async () => {
    const [facts, alignment] = await Promise.all([siteFacts(), showAlignment()]);
    return JSON.stringify([KEY_VERSION, route, standalone, facts, alignment]);
  })());
}

export async function pageKey(...parts: unknown[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await sharedFacts());
  for (const part of parts) hash.update(`\n${JSON.stringify(part) ?? 'undefined'}`);
  return hash.digest('base64url');
}

let all: string | undefined;

/**
 * The key of a page that lays out the whole site (a period, an owner, the timeline, a group,
 * the alignment map): a digest of all the inputs, so it is kept only when nothing changed.
 */
export function siteKey(...parts: unknown[]): Promise<string> {
  all ??= createHash('sha256').update(JSON.stringify(inputs)).digest('base64url');
  return pageKey(all, ...parts);
}
