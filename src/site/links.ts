/**
 * Links of the pages: under Astro's `base` and the integration's `route`
 * (`/` for `okr build`, e.g. `/okrs/` in another site), both known only
 * inside the Astro build.
 */
import { base, route } from 'virtual:gitops-okr/inputs';
import { absoluteUrl, withBase } from './urls.ts';

/** Where the OKR pages are, e.g. `/my-okrs/` or `/blog/okrs/`. */
export const prefix = withBase(route, base ?? import.meta.env.BASE_URL);

/** `link(paths.objective('x'))` → `/blog/okrs/objectives/x/`. */
export function link(path: string): string {
  return withBase(path, prefix);
}

/** An absolute URL of a page, for feeds, canonical links and Open Graph. */
export function absoluteLink(path: string, site: string | URL): string {
  return absoluteUrl(path, site, prefix);
}
