/**
 * Every internal link of the site goes through `withBase` (the pages call it
 * through `link` in src/site/links.ts, with Astro's base and the integration's
 * route), so a GitHub Pages project site (`base: /my-okrs/`) and a route inside
 * another site (`/blog/okrs/`) work; slugs turn periods and owners into path
 * segments.
 */

/** `withBase('/objectives/x/', '/my-okrs/')` → `/my-okrs/objectives/x/`. */
export function withBase(path: string, base = '/'): string {
  const prefix = base.replace(/\/+$/, '');
  const rest = path.replace(/^\/+/, '');
  return `${prefix}/${rest}`;
}

/** An absolute URL of a site path, for feeds, canonical links and Open Graph. */
export function absoluteUrl(path: string, site: string | URL, base = '/'): string {
  return new URL(withBase(path, base), site).href;
}

export const paths = {
  home: () => '/',
  objective: (id: string) => `/objectives/${encodeURIComponent(id)}/`,
  objectiveFeed: (id: string) => `/objectives/${encodeURIComponent(id)}/rss.xml`,
  objectiveJson: (id: string) => `/objectives/${encodeURIComponent(id)}/okrs.json`,
  /** The timeline's index (its newest check-ins) without a number; numbered pages count from the oldest (src/site/checkin-list.ts). */
  checkins: (page?: number) => (page === undefined ? '/checkins/' : `/checkins/${page}/`),
  period: (label: string, page = 1) => (page <= 1 ? `/periods/${periodSlug(label)}/` : `/periods/${periodSlug(label)}/${page}/`),
  owner: (slug: string) => `/owners/${slug}/`,
  ownerFeed: (slug: string) => `/owners/${slug}/rss.xml`,
  group: (slug: string, page = 1) => (page <= 1 ? `/groups/${slug}/` : `/groups/${slug}/${GROUP_PAGE}/${page}/`),
  groupFeed: (slug: string) => `/groups/${slug}/rss.xml`,
  alignment: (page = 1) => (page <= 1 ? '/alignment/' : `/alignment/${page}/`),
  feed: () => '/rss.xml',
  json: () => '/okrs.json',
  badge: () => '/badge.json',
};

/**
 * The segment before a page number of a group's sub-groups (`/groups/<slug>/page/2/`). A group
 * slug's segments never end the slug in `page/<number>` (src/site/content.ts), so the two never meet.
 */
export const GROUP_PAGE = 'page';

/** Sub-groups to a page of a group: a flat group of hundreds (a company of people without teams) stays a small page. */
export const GROUPS_PER_PAGE = 100;

/** `2026-Q4` stays; an explicit range `2026-10-05..2026-12-18` becomes `2026-10-05--2026-12-18`. */
export function periodSlug(label: string): string {
  return label.replace(/\.\./g, '--');
}

/** A readable, URL-safe segment for an owner name; stable for the same name. */
export function ownerSlug(owner: string): string {
  const slug = owner
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? `owner-${shortHash(owner)}` : slug;
}

/** Slugs for every owner, made unique when two names slug alike. */
export function ownerSlugs(owners: readonly string[]): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const owner of [...new Set(owners)].sort()) {
    let slug = ownerSlug(owner);
    if (taken.has(slug)) slug = `${slug}-${shortHash(owner)}`;
    taken.add(slug);
    slugs.set(owner, slug);
  }
  return slugs;
}

function shortHash(text: string): string {
  let hash = 2166136261;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0).toString(36);
}
