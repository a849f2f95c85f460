/**
 * The RSS items of check-ins: one per check-in per objective, newest first.
 *
 * Feed readers decode the XML once and then render `title`, `description` and
 * often `category` and the channel's texts as HTML. Every text field is therefore
 * HTML-escaped here (`feedText`) before @astrojs/rss escapes it as XML: after one
 * decode it is still text. The note as HTML is in `content:encoded`, built from
 * escaped text and `<p>`/`<br>` only.
 */
import type { CheckinView } from './model.ts';

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  content: string;
  categories: string[];
  customData: string;
}

export const FEED_LIMIT = 50;

export function feedItems(
  checkins: readonly CheckinView[],
  objectives: ReadonlyMap<string, { title: string; period: { label: string }; owner: string | null }>,
  linkOf: (objectiveId: string) => string,
  limit = FEED_LIMIT,
): FeedItem[] {
  return newestFirst(checkins)
    .slice(0, limit)
    .map((checkin) => {
      const objective = objectives.get(checkin.objective.id);
      const message = checkin.body === '' ? checkin.subject : `${checkin.subject}\n\n${checkin.body}`;
      return {
        title: feedText(`${checkin.objective.title} — ${checkin.summary}${checkin.syncedFrom === null ? '' : ' (synced)'}`),
        link: linkOf(checkin.objective.id),
        pubDate: new Date(checkin.date.length === 10 ? `${checkin.date}T00:00:00Z` : checkin.date),
        description: feedText(message),
        content: message
          .split(/\n{2,}/)
          .map((paragraph) => `<p>${escapeXml(paragraph).replace(/\n/g, '<br>')}</p>`)
          .join(''),
        categories: [objective?.period.label, objective?.owner ?? undefined, checkin.syncedFrom === null ? undefined : 'synced']
          .filter((category): category is string => Boolean(category))
          .map(feedText),
        // @astrojs/rss takes the guid from the link; a check-in needs its own, and the author as a name.
        customData:
          `<guid isPermaLink="false">${escapeXml(`${checkin.commit || 'working-tree'}:${checkin.objective.id}`)}</guid>` +
          (checkin.author === '' ? '' : `<dc:creator>${escapeXml(feedText(checkin.author))}</dc:creator>`),
      };
    });
}

export function newestFirst(checkins: readonly CheckinView[]): CheckinView[] {
  return [...checkins].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date < b.date ? 1 : -1));
}

/** Text for a feed field that readers may render as HTML: `<`, `>` and `&` as entities, so it stays text. */
export function feedText(text: string): string {
  return text.replace(/[&<>]/g, (char) => XML_ENTITIES[char] ?? char);
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
