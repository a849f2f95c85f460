/** The feed of one group's check-ins: on its objectives and those of every group below it, in the dashboard's period. */
import type { APIContext } from 'astro';
import { objectiveViewsById, groupEntries, newestCheckinsOf, subtreeObjectives } from '../../../site/content.ts';
import { feedItems, feedObjectivesOf, feedText, renderFeed, type FeedObjective } from '../../../site/feed.ts';
import { absoluteLink } from '../../../site/links.ts';
import { pageKey } from '../../../site/page-key.ts';
import { paths } from '../../../site/urls.ts';

export async function getStaticPaths() {
  const groups = await groupEntries();
  if (groups.length < 2) return [];
  const objectives = await objectiveViewsById();
  return Promise.all(
    groups.map(async (entry) => {
      const checkins = await newestCheckinsOf(subtreeObjectives(entry));
      const props: Props = { slug: entry.slug, name: entry.group.name, mission: entry.group.mission, checkins, objectives: feedObjectivesOf(checkins, objectives) };
      return { params: { group: entry.slug }, props, cacheKey: await pageKey(props) };
    }),
  );
}

interface Props {
  slug: string;
  name: string;
  mission: string;
  /** The newest check-ins, at most a feed's worth, and the objectives they are on. */
  checkins: Awaited<ReturnType<typeof newestCheckinsOf>>;
  objectives: Record<string, FeedObjective>;
}

export async function GET(context: APIContext) {
  const { slug, name, mission, checkins, objectives } = context.props as Props;
  const site = context.site ?? new URL('http://localhost/');
  const channel = {
    title: feedText(`Check-ins: ${name}`),
    description: feedText(`Check-ins on the objectives of ${name} and the groups below it: ${mission}`),
    link: absoluteLink(paths.group(slug), site),
    self: absoluteLink(paths.groupFeed(slug), site),
  };
  const items = feedItems(checkins, new Map(Object.entries(objectives)), (objectiveId) => absoluteLink(paths.objective(objectiveId), site));
  return new Response(renderFeed(channel, items), { headers: { 'Content-Type': 'application/xml' } });
}
