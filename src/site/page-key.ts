/**
 * The `cacheKey` of a page for Astro's incremental build: a digest of everything the page
 * shows that is not its code. Astro keeps a page from the previous build only when its
 * route's code (the module graph's hash), the config, the lockfile and this key are all
 * unchanged, so the key takes the page's props (each route hands its page the slice of the
 * data it renders) and the facts every page shows (the build day, the site's links).
 */
import { createHash } from 'node:crypto';
import { inputs, route, standalone } from 'virtual:gitops-okr/inputs';
import type { TimelinePage } from './checkin-list.ts';
import { showAlignment, siteFacts } from './content.ts';
import type { CheckinView } from './model.ts';

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
  all ??= digestOfInputs();
  return pageKey(all, ...parts);
}

/**
 * The key of a page of the timeline: its own check-ins and links, and where commits link to
 * in an organisation's site. A numbered page never shows how many check-ins there are in all,
 * so a new check-in leaves its key as it was.
 */
export function timelineKey(page: TimelinePage<CheckinView>): Promise<string> {
  const { total, ...shown } = page;
  return pageKey('checkins', inputs.commitLinks ?? null, shown, page.number === null ? total : null);
}

/** Piece by piece, so an organisation's tens of megabytes of inputs never become one string. */
function digestOfInputs(): string {
  const hash = createHash('sha256');
  const { history, ...rest } = inputs;
  const { objectives, checkins, ...facts } = history;
  hash.update(JSON.stringify(rest));
  hash.update(JSON.stringify(facts));
  for (const objective of objectives) hash.update(`\n${JSON.stringify(objective)}`);
  hash.update('\ncheckins');
  for (const checkin of checkins) hash.update(`\n${JSON.stringify(checkin)}`);
  return hash.digest('base64url');
}
