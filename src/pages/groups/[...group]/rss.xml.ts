/** The feed of one group's check-ins: on its objectives and those of every group below it, in the dashboard's period. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { objectiveViewsById, groupEntries, newestCheckinsOf, subtreeObjectives, type GroupEntry } from '../../../site/content.ts';
import { feedItems, feedText } from '../../../site/feed.ts';
import { absoluteLink } from '../../../site/links.ts';
import { paths } from '../../../site/urls.ts';

export async function getStaticPaths() {
  const groups = await groupEntries();
  if (groups.length < 2) return [];
  return groups.map((entry) => ({ params: { group: entry.slug }, props: { entry } }));
}

export async function GET(context: APIContext) {
  const { entry } = context.props as { entry: GroupEntry };
  const site = context.site ?? new URL('http://localhost/');
  const objectives = await objectiveViewsById();
  return rss({
    title: feedText(`Check-ins: ${entry.group.name}`),
    description: feedText(`Check-ins on the objectives of ${entry.group.name} and the groups below it: ${entry.group.mission}`),
    site: absoluteLink(paths.group(entry.slug), site),
    items: feedItems(await newestCheckinsOf(subtreeObjectives(entry)), objectives, (objectiveId) => absoluteLink(paths.objective(objectiveId), site)),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<atom:link href="${absoluteLink(paths.groupFeed(entry.slug), site)}" rel="self" type="application/rss+xml"/><language>en</language>`,
  });
}
