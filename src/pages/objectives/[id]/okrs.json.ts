/** One objective's history (its series) and check-ins, newest first: what `/okrs.json` leaves out. */
import type { APIContext } from 'astro';
import { objectiveEntries } from '../../../site/content.ts';
import { objectiveHistoryJson } from '../../../site/exports.ts';
import { pageKey } from '../../../site/page-key.ts';

export async function getStaticPaths() {
  return Promise.all((await objectiveEntries()).map(async (entry) => ({ params: { id: entry.id }, props: { id: entry.id }, cacheKey: await pageKey(entry.data.history, entry.data.checkins) })));
}

// Looked up by id: searching the list for each of an organisation's thousands of routes grows with their square.
let byId: Promise<Map<string, Awaited<ReturnType<typeof objectiveEntries>>[number]>> | undefined;
const entriesById = () => (byId ??= objectiveEntries().then((entries) => new Map(entries.map((entry) => [entry.id, entry]))));

export async function GET(context: APIContext) {
  const { id } = context.props as { id: string };
  const entry = (await entriesById()).get(id)!;
  const checkins = [...entry.data.checkins].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return new Response(objectiveHistoryJson(entry.data.history, checkins), { headers: { 'Content-Type': 'application/json' } });
}
