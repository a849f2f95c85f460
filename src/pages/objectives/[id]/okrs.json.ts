/** One objective's history (its series) and check-ins, newest first: what `/okrs.json` leaves out. */
import type { APIContext } from 'astro';
import { objectiveEntries, objectiveEntriesById } from '../../../site/content.ts';
import { objectiveHistoryJson } from '../../../site/exports.ts';
import { pageKey } from '../../../site/page-key.ts';

export async function getStaticPaths() {
  return Promise.all((await objectiveEntries()).map(async (entry) => ({ params: { id: entry.id }, props: { id: entry.id }, cacheKey: await pageKey(entry.data.history, entry.data.checkins) })));
}

export async function GET(context: APIContext) {
  const { id } = context.props as { id: string };
  const entry = (await objectiveEntriesById()).get(id)!;
  const checkins = [...entry.data.checkins].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return new Response(objectiveHistoryJson(entry.data.history, checkins), { headers: { 'Content-Type': 'application/json' } });
}
