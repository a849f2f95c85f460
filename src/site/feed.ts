/**
 * The RSS feeds: items of check-ins (one per check-in per objective, newest first) and
 * the one function that writes a feed, `renderFeed(channel, items)`, which every feed
 * endpoint calls.
 *
 * Feed readers decode the XML once and then render `title`, `description` and
 * often `category` and the channel's texts as HTML. Every text field is therefore
 * HTML-escaped (`feedText`) before `renderFeed` escapes it as XML: after one
 * decode it is still text. The note as HTML is in `content:encoded`, built from
 * escaped text and `<p>`/`<br>` only.
 */
import type { CheckinView } from './model.ts';

/** One item; every text already passed through `feedText` (or, for `content`, is the escaped HTML). */
export interface FeedItem {
  title: string;
  link: string;
  /** Not a permalink: one check-in of one objective. */
  guid: string;
  pubDate: Date;
  description: string;
  content: string;
  categories: string[];
  /** `dc:creator`; empty for none. */
  author: string;
}

export interface FeedChannel {
  /** Already through `feedText`, as the items' texts. */
  title: string;
  description: string;
  /** The page the feed belongs to, absolute. */
  link: string;
  /** The feed's own address, absolute (`atom:link rel="self"`). */
  self: string;
}

export const FEED_LIMIT = 50;

/** What an item shows of the objective a check-in is on. */
export interface FeedObjective {
  title: string;
  period: { label: string };
  owner: string | null;
}

/** The objectives some check-ins are on, only what their items show: a feed page's data stays small, and its cache key with it. */
export function feedObjectivesOf(checkins: readonly CheckinView[], objectives: ReadonlyMap<string, FeedObjective>): Record<string, FeedObjective> {
  const used: Record<string, FeedObjective> = {};
  for (const { objective } of checkins) {
    const view = objectives.get(objective.id);
    if (view) used[objective.id] = { title: view.title, period: { label: view.period.label }, owner: view.owner };
  }
  return used;
}

export function feedItems(checkins: readonly CheckinView[], objectives: ReadonlyMap<string, FeedObjective>, linkOf: (objectiveId: string) => string, limit = FEED_LIMIT): FeedItem[] {
  return newestFirst(checkins)
    .slice(0, limit)
    .map((checkin) => {
      const objective = objectives.get(checkin.objective.id);
      const message = checkin.body === '' ? checkin.subject : `${checkin.subject}\n\n${checkin.body}`;
      return {
        title: feedText(`${checkin.objective.title} — ${checkin.summary}${checkin.syncedFrom === null ? '' : ' (synced)'}`),
        link: linkOf(checkin.objective.id),
        guid: `${checkin.commit || 'working-tree'}:${checkin.objective.id}`,
        pubDate: new Date(checkin.date.length === 10 ? `${checkin.date}T00:00:00Z` : checkin.date),
        description: feedText(message),
        content: message
          .split(/\n{2,}/)
          .map((paragraph) => `<p>${escapeXml(paragraph).replace(/\n/g, '<br>')}</p>`)
          .join(''),
        categories: [objective?.period.label, objective?.owner ?? undefined, checkin.syncedFrom === null ? undefined : 'synced']
          .filter((category): category is string => Boolean(category))
          .map(feedText),
        author: feedText(checkin.author),
      };
    });
}

/**
 * RSS 2.0 with the content, Atom and Dublin Core namespaces, as one string: each field written
 * once, XML-escaped, with no tree of objects built per item.
 */
export function renderFeed(channel: FeedChannel, items: readonly FeedItem[]): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>',
    element('title', channel.title),
    element('description', channel.description),
    element('link', channel.link),
    `<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/><language>en</language>`,
  ];
  for (const item of items) {
    parts.push(
      '<item>',
      element('title', item.title),
      element('link', item.link),
      `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
      element('description', item.description),
      element('pubDate', item.pubDate.toUTCString()),
      element('content:encoded', item.content),
      item.author === '' ? '' : element('dc:creator', item.author),
      ...item.categories.map((category) => element('category', category)),
      '</item>',
    );
  }
  parts.push('</channel></rss>');
  return parts.join('');
}

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

export function newestFirst(checkins: readonly CheckinView[]): CheckinView[] {
  return [...checkins].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date < b.date ? 1 : -1));
}

/** Text for a feed field that readers may render as HTML: `<`, `>` and `&` as entities, so it stays text. */
export function feedText(text: string): string {
  return text.replace(/[&<>]/g, (char) => XML_ENTITIES[char] ?? char);
}

/**
 * The five XML characters as entities; characters XML 1.0 cannot carry at all (control
 * characters, lone surrogates) are dropped, so a feed reader never meets a malformed feed.
 */
export function escapeXml(text: string): string {
  // Most texts have none of them: a test is cheaper than two replacements.
  if (!XML_SPECIAL.test(text)) return text;
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

/** Any character `escapeXml` changes: the five, the control characters XML cannot carry, and any surrogate (a lone one is dropped). */
const XML_SPECIAL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
