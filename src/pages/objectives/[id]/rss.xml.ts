/** The feed of one objective's check-ins, linked from its page. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { checkinViewsOf, objectiveEntries } from '../../../site/content.ts';
import { feedItems, feedText } from '../../../site/feed.ts';
import { absoluteLink } from '../../../site/links.ts';
import { paths } from '../../../site/urls.ts';

export async function getStaticPaths() {
  return (await objectiveEntries()).map((entry) => ({ params: { id: entry.id }, props: { id: entry.id } }));
}

export async function GET(context: APIContext) {
  const { id } = context.props as { id: string };
  const site = context.site ?? new URL('http://localhost/');
  const objectives = new Map((await objectiveEntries()).map((entry) => [entry.id, entry.data.view]));
  const objective = objectives.get(id)!;
  const checkins = await checkinViewsOf(id);
  return rss({
    title: feedText(`Check-ins: ${objective.title}`),
    description: feedText(`Progress of “${objective.title}” (${objective.period.label}), one item per check-in.`),
    site: absoluteLink(paths.objective(id), site),
    items: feedItems(checkins, objectives, (objectiveId) => absoluteLink(paths.objective(objectiveId), site)),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<atom:link href="${absoluteLink(paths.objectiveFeed(id), site)}" rel="self" type="application/rss+xml"/><language>en</language>`,
  });
}
