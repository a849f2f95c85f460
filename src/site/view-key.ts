/**
 * A digest of an objective's view, written out once per build. The view of an objective with a
 * long history is tens of kilobytes (its key results' rows and chart geometry), and the pages
 * that list objectives (a period's, an owner's, what an objective serves and what is aligned to
 * it) would otherwise write every listed view out again for each page's cache key
 * (src/site/page-key.ts): at an organisation's 1,325 objectives, hundreds of megabytes of JSON.
 * A page's key takes its views' digests instead, which change exactly when the views do.
 */
import { createHash } from 'node:crypto';
import type { ObjectiveView } from './model.ts';

// By the view itself: the views are built once per build (src/site/content.ts) and never changed after.
const digests = new WeakMap<ObjectiveView, string>();

/** The SHA-256 of the view's JSON, as base64url; the same view gives the same digest. */
export function viewDigest(view: ObjectiveView): string {
  let digest = digests.get(view);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(view)).digest('base64url');
    digests.set(view, digest);
  }
  return digest;
}
