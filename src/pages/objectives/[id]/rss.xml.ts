/** The feed of one objective's check-ins, linked from its page. */
import type { APIContext } from 'astro';
import { checkinViewsOf, objectiveEntries } from '../../../site/content.ts';
import { FEED_LIMIT, feedItems, feedText, renderFeed } from '../../../site/feed.ts';
import { absoluteLink } from '../../../site/links.ts';
import { pageKey } from '../../../site/page-key.ts';
import { paths } from '../../../site/urls.ts';

export async function getStaticPaths() {
  return Promise.all(
    (await objectiveEntries()).map(async (entry) => {
      const { title, period, owner } = entry.data.view;
      const props = { id: entry.id, objective: { title, period, owner }, checkins: (await checkinViewsOf(entry.id)).slice(0, FEED_LIMIT) };
      return { params: { id: entry.id }, props, cacheKey: await pageKey(props) };
    }),
  );
}

interface Props {
  id: string;
  objective: { title: string; period: { label: string }; owner: string | null };
  /** Its latest check-ins, newest first. */
  checkins: Awaited<ReturnType<typeof checkinViewsOf>>;
}

export async function GET(context: APIContext) {
  const { id, objective, checkins } = context.props as Props;
  const site = context.site ?? new URL('http://localhost/');
  const channel = {
    title: feedText(`Check-ins: ${objective.title}`),
    description: feedText(`Progress of “${objective.title}” (${objective.period.label}), one item per check-in.`),
    link: absoluteLink(paths.objective(id), site),
    self: absoluteLink(paths.objectiveFeed(id), site),
  };
  const items = feedItems(checkins, new Map([[id, objective]]), (objectiveId) => absoluteLink(paths.objective(objectiveId), site));
  return new Response(renderFeed(channel, items), { headers: { 'Content-Type': 'application/xml' } });
}
