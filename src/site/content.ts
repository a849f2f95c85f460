/**
 * Typed access to the site's collections for pages and components: the one
 * place that talks to `astro:content`. Every page of a build reads the same
 * entries, so each is read (and sorted) once per build.
 */
import { getCollection, getEntry } from 'astro:content';
import type { Checkin, HistoryWarning, ObjectiveHistory } from '../core/history-types.ts';
import type { Objective } from '../core/schema.ts';
import { newestFirst } from './feed.ts';
import { checkinView, type CheckinView, type ObjectiveView, type Problem } from './model.ts';
import { currentPeriod, ownerSummaries, periodSummaries, sortObjectives } from './summary.ts';

export interface ObjectiveEntry {
  id: string;
  data: { frontmatter: Objective | null; history: ObjectiveHistory; view: ObjectiveView; checkins: Checkin[] };
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
}

const once = <T>(read: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= read());
};

export const objectiveEntries = once(async (): Promise<ObjectiveEntry[]> => {
  const entries = (await getCollection('objectives')) as ObjectiveEntry[];
  const order = new Map(sortObjectives(entries.map((entry) => entry.data.view)).map((view, index) => [view.id, index]));
  return entries.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
});

export async function objectiveViews(): Promise<ObjectiveView[]> {
  return (await objectiveEntries()).map((entry) => entry.data.view);
}

export const missionEntries = once(async (): Promise<MissionEntry[]> =>
  ((await getCollection('missions')) as MissionEntry[]).sort((a, b) => (a.id < b.id ? -1 : 1)),
);

/** Every check-in, newest first. */
export const checkinViews = once(async (): Promise<CheckinView[]> =>
  newestFirst((await objectiveEntries()).flatMap((entry) => entry.data.checkins.map((checkin) => checkinView(checkin, entry.data.history)))),
);

/** One objective's check-ins, newest first. */
export async function checkinViewsOf(id: string): Promise<CheckinView[]> {
  return (await checkinsByObjective()).get(id) ?? [];
}

const checkinsByObjective = once(async () => {
  const byObjective = new Map<string, CheckinView[]>();
  for (const checkin of await checkinViews()) byObjective.set(checkin.objective.id, [...(byObjective.get(checkin.objective.id) ?? []), checkin]);
  return byObjective;
});

/** The check-ins as the history has them, newest first. */
export async function rawCheckins(): Promise<Checkin[]> {
  const entries = await objectiveEntries();
  const byId = new Map(entries.flatMap((entry) => entry.data.checkins.map((checkin) => [checkinView(checkin, entry.data.history).id, checkin] as const)));
  return (await checkinViews()).map((view) => byId.get(view.id)!);
}

export const siteFacts = once(async (): Promise<SiteFacts> => {
  const entry = (await getEntry('site', 'site')) as { data: SiteFacts } | undefined;
  if (!entry) throw new Error('The site entry is missing: the content loader did not run');
  return entry.data;
});

/** Everything the dashboard-like pages share. */
export const overview = once(async () => {
  const [objectives, site] = await Promise.all([objectiveViews(), siteFacts()]);
  const periods = periodSummaries(objectives, site.now);
  const owners = ownerSummaries(objectives);
  return { objectives, site, periods, current: currentPeriod(periods), owners };
});
