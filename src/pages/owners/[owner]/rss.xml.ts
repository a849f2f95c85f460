/** The feed of one owner's check-ins: on the objectives they own and those where they own a key result. */
import type { APIContext } from 'astro';
import { objectiveViewsById, newestCheckinsOf, overview } from '../../../site/content.ts';
import { feedItems, feedObjectivesOf, feedText, renderFeed, type FeedObjective } from '../../../site/feed.ts';
import { absoluteLink } from '../../../site/links.ts';
import { pageKey } from '../../../site/page-key.ts';
import { paths } from '../../../site/urls.ts';

export async function getStaticPaths() {
  const { owners } = await overview();
  if (owners.length < 2) return [];
  const objectives = await objectiveViewsById();
  return Promise.all(
    owners.map(async (owner) => {
      const checkins = await newestCheckinsOf([...owner.objectives.map((objective) => objective.id), ...owner.keyResults.map(({ objective }) => objective.id)]);
      const props: Props = { slug: owner.slug, name: owner.name, checkins, objectives: feedObjectivesOf(checkins, objectives) };
      return { params: { owner: owner.slug }, props, cacheKey: await pageKey(props) };
    }),
  );
}

interface Props {
  slug: string;
  name: string;
  /** The newest check-ins, at most a feed's worth, and the objectives they are on. */
  checkins: Awaited<ReturnType<typeof newestCheckinsOf>>;
  objectives: Record<string, FeedObjective>;
}

export async function GET(context: APIContext) {
  const { slug, name, checkins, objectives } = context.props as Props;
  const site = context.site ?? new URL('http://localhost/');
  const channel = {
    title: feedText(`Check-ins: ${name}`),
    description: feedText(`Check-ins on the objectives and key results of ${name}, newest first.`),
    link: absoluteLink(paths.owner(slug), site),
    self: absoluteLink(paths.ownerFeed(slug), site),
  };
  const items = feedItems(checkins, new Map(Object.entries(objectives)), (objectiveId) => absoluteLink(paths.objective(objectiveId), site));
  return new Response(renderFeed(channel, items), { headers: { 'Content-Type': 'application/xml' } });
}
