/** RSS 2.0 of all check-ins: one item per check-in per objective, newest first. */
import type { APIContext } from 'astro';
import { checkinViews, missionEntries, objectiveEntries } from '../site/content.ts';
import { feedItems, feedText, renderFeed } from '../site/feed.ts';
import { absoluteLink } from '../site/links.ts';
import { paths } from '../site/urls.ts';

export async function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost/');
  const objectives = new Map((await objectiveEntries()).map((entry) => [entry.id, entry.data.view]));
  const mission = (await missionEntries())[0];
  const channel = {
    title: feedText(mission ? `OKR check-ins: ${mission.data.mission}` : 'OKR check-ins'),
    description: feedText('Every check-in on the objectives and key results, newest first.'),
    link: absoluteLink(paths.home(), site),
    self: absoluteLink(paths.feed(), site),
  };
  const items = feedItems(await checkinViews(), objectives, (id) => absoluteLink(paths.objective(id), site));
  return new Response(renderFeed(channel, items), { headers: { 'Content-Type': 'application/xml' } });
}
