/**
 * Typed access to the site's collections for pages and components: the one
 * place that talks to `astro:content`. Every page of a build reads the same
 * entries, so each is read (and sorted) once per build; the history-derived
 * views are joined to them here, computed once per build from the same inputs
 * as the loaders.
 */
import { getCollection, getEntry } from 'astro:content';
import type { Checkin, HistoryWarning, ObjectiveHistory } from '../core/history-types.ts';
import type { Objective } from '../core/schema.ts';
import { standingOn, type Standing } from '../core/standing.ts';
import { newestFirst } from './feed.ts';
import { siteInputs } from './inputs.ts';
import type { RenderedBody } from './markdown.ts';
import { checkinId, checkinView, objectiveView, type CheckinView, type ObjectiveView, type Problem } from './model.ts';
import { currentPeriod, ownerSummaries, periodSummaries, sortObjectives } from './summary.ts';

/** What the content store keeps of an objective. */
interface StoredObjective {
  id: string;
  data: { frontmatter: Objective | null; tasks: RenderedBody['tasks'] };
  rendered?: { html: string };
}

export interface ObjectiveEntry {
  id: string;
  /** `checkins` in the history's order. */
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

/** Where every public objective stands on the build day: the numbers every page shows. */
export const siteStanding = once(async (): Promise<Standing> => {
  const { history, settings } = await siteInputs();
  return standingOn(history, settings.now);
});

export const objectiveEntries = once(async (): Promise<ObjectiveEntry[]> => {
  const [stored, { history, checkins, settings }, standing] = await Promise.all([getCollection('objectives') as Promise<StoredObjective[]>, siteInputs(), siteStanding()]);
  const byId = new Map(stored.map((entry) => [entry.id, entry]));
  const publicIds = new Set(history.objectives.map((objective) => objective.id));
  const standings = new Map(standing.objectives.map((objective) => [objective.id, objective]));
  const entries = history.objectives.flatMap((objective): ObjectiveEntry[] => {
    const entry = byId.get(objective.id);
    const own = standings.get(objective.id);
    if (!entry || !own) return [];
    // The site shows the state on the build day: later check-ins are not there yet.
    const upToDay = (checkins.get(objective.id) ?? []).filter((checkin) => checkin.date.slice(0, 10) <= settings.now);
    const view = objectiveView(objective, own, entry.data.frontmatter ?? undefined, entry.data.tasks, publicIds);
    return [{ id: entry.id, data: { frontmatter: entry.data.frontmatter, history: objective, view, checkins: upToDay }, ...(entry.rendered ? { rendered: entry.rendered } : {}) }];
  });
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
  for (const checkin of await checkinViews()) {
    const own = byObjective.get(checkin.objective.id);
    if (own) own.push(checkin);
    else byObjective.set(checkin.objective.id, [checkin]);
  }
  return byObjective;
});

/** The check-ins as the history has them, newest first. */
export async function rawCheckins(): Promise<Checkin[]> {
  const entries = await objectiveEntries();
  const byId = new Map(entries.flatMap((entry) => entry.data.checkins.map((checkin) => [checkinId(checkin), checkin] as const)));
  return (await checkinViews()).map((view) => byId.get(view.id)!);
}

export const siteFacts = once(async (): Promise<SiteFacts> => {
  const entry = (await getEntry('site', 'site')) as { data: SiteFacts } | undefined;
  if (!entry) throw new Error('The site entry is missing: the content loader did not run');
  return entry.data;
});

/** Everything the dashboard-like pages share. */
export const overview = once(async () => {
  const [objectives, site, standing] = await Promise.all([objectiveViews(), siteFacts(), siteStanding()]);
  const periods = periodSummaries(objectives, standing.periods);
  const owners = ownerSummaries(objectives);
  return { objectives, site, periods, current: currentPeriod(periods), owners };
});
