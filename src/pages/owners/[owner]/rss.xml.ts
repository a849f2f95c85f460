/** The feed of one owner's check-ins: on the objectives they own and those where they own a key result. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { objectiveViewsById, newestCheckinsOf, overview } from '../../../site/content.ts';
import { feedItems, feedText } from '../../../site/feed.ts';
import { absoluteLink } from '../../../site/links.ts';
import type { OwnerSummary } from '../../../site/summary.ts';
import { paths } from '../../../site/urls.ts';

export async function getStaticPaths() {
  const { owners } = await overview();
  if (owners.length < 2) return [];
  return owners.map((owner) => ({ params: { owner: owner.slug }, props: { owner } }));
}

export async function GET(context: APIContext) {
  const { owner } = context.props as { owner: OwnerSummary };
  const site = context.site ?? new URL('http://localhost/');
  const objectives = await objectiveViewsById();
  const ids = [...owner.objectives.map((objective) => objective.id), ...owner.keyResults.map(({ objective }) => objective.id)];
  return rss({
    title: feedText(`Check-ins: ${owner.name}`),
    description: feedText(`Check-ins on the objectives and key results of ${owner.name}, newest first.`),
    site: absoluteLink(paths.owner(owner.slug), site),
    items: feedItems(await newestCheckinsOf(ids), objectives, (objectiveId) => absoluteLink(paths.objective(objectiveId), site)),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<atom:link href="${absoluteLink(paths.ownerFeed(owner.slug), site)}" rel="self" type="application/rss+xml"/><language>en</language>`,
  });
}
