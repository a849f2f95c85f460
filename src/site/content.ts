/**
 * Typed access to the site's collections for pages and components: the one
 * place that talks to `astro:content`.
 */
import { getCollection, getEntry } from 'astro:content';
import type { Checkin, HistoryWarning, ObjectiveHistory } from '../core/history-types.ts';
import type { Objective } from '../core/schema.ts';
import { newestFirst } from './feed.ts';
import type { CheckinView, ObjectiveView, Problem } from './model.ts';
import { currentPeriod, ownerSummaries, periodSummaries, sortObjectives } from './summary.ts';

export interface ObjectiveEntry {
  id: string;
  data: { frontmatter: Objective | null; history: ObjectiveHistory; view: ObjectiveView };
  rendered?: { html: string };
}

export interface MissionEntry {
  id: string;
  data: { path: string; mission: string; owner: string | null; body: string };
  rendered?: { html: string };
}

export interface SiteFacts {
  now: string;
  generatedAt: string;
  repo: string;
  repoUrl: string | null;
  problems: Problem[];
  warnings: HistoryWarning[];
  checkinCount: number;
}

export async function objectiveEntries(): Promise<ObjectiveEntry[]> {
  const entries = (await getCollection('objectives')) as ObjectiveEntry[];
  const order = new Map(sortObjectives(entries.map((entry) => entry.data.view)).map((view, index) => [view.id, index]));
  return entries.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

export async function objectiveViews(): Promise<ObjectiveView[]> {
  return (await objectiveEntries()).map((entry) => entry.data.view);
}

export async function missionEntries(): Promise<MissionEntry[]> {
  return ((await getCollection('missions')) as MissionEntry[]).sort((a, b) => (a.id < b.id ? -1 : 1));
}

let sortedCheckins: Promise<CheckinView[]> | undefined;

/** Newest first; sorted once per build, since every objective page asks. */
export function checkinViews(): Promise<CheckinView[]> {
  const sorted = (sortedCheckins ??= checkinEntries().then((entries) => newestFirst(entries.map((entry) => entry.data.view))));
  return sorted;
}

/** Astro warns about an empty collection; a site without check-ins is normal. */
async function checkinEntries(): Promise<{ data: { checkin: Checkin; view: CheckinView } }[]> {
  if ((await siteFacts()).checkinCount === 0) return [];
  return (await getCollection('checkins')) as { data: { checkin: Checkin; view: CheckinView } }[];
}

export async function rawCheckins(): Promise<Checkin[]> {
  const entries = await checkinEntries();
  const order = new Map(newestFirst(entries.map((entry) => entry.data.view)).map((view, index) => [view.id, index]));
  return entries.sort((a, b) => (order.get(a.data.view.id) ?? 0) - (order.get(b.data.view.id) ?? 0)).map((entry) => entry.data.checkin);
}

export async function siteFacts(): Promise<SiteFacts> {
  const entry = (await getEntry('site', 'site')) as { data: SiteFacts } | undefined;
  if (!entry) throw new Error('The site entry is missing: the content loader did not run');
  return entry.data;
}

/** Everything the dashboard-like pages share. */
export async function overview() {
  const [objectives, site] = await Promise.all([objectiveViews(), siteFacts()]);
  const periods = periodSummaries(objectives, site.now);
  const owners = ownerSummaries(objectives);
  return { objectives, site, periods, current: currentPeriod(periods), owners };
}
