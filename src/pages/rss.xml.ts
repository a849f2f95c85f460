/** RSS 2.0 of all check-ins: one item per check-in per objective, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { checkinViews, missionEntries, objectiveEntries } from '../site/content.ts';
import { feedItems, feedText } from '../site/feed.ts';
import { absoluteLink } from '../site/links.ts';
import { paths } from '../site/urls.ts';

export async function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost/');
  const objectives = new Map((await objectiveEntries()).map((entry) => [entry.id, entry.data.view]));
  const mission = (await missionEntries())[0];
  return rss({
    title: feedText(mission ? `OKR check-ins: ${mission.data.mission}` : 'OKR check-ins'),
    description: feedText('Every check-in on the objectives and key results, newest first.'),
    site: absoluteLink(paths.home(), site),
    items: feedItems(await checkinViews(), objectives, (id) => absoluteLink(paths.objective(id), site)),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<atom:link href="${absoluteLink(paths.feed(), site)}" rel="self" type="application/rss+xml"/><language>en</language>`,
  });
}
