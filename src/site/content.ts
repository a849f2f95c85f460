/**
 * Typed access to the site's inputs for pages and components: the one place
 * that reads the virtual module the integration provides. Every page of a
 * build reads the same entries, so each view is computed (and sorted) once
 * per build.
 */
import { inputs } from 'virtual:gitops-okr/inputs';
import type { Checkin, HistoryWarning, ObjectiveHistory } from '../core/history-types.ts';
import type { Objective } from '../core/schema.ts';
import { alignedRollup, alignmentOf, progressFromAligned, type Alignment } from '../core/alignment.ts';
import { groupsOf, type Group } from '../core/groups.ts';
import { standingOn, type Standing } from '../core/standing.ts';
import { FEED_LIMIT, newestFirst } from './feed.ts';
import { syncedFrom } from '../core/sources/trailer.ts';
import { checkinId, checkinView, objectiveView, withAlignedProgress, type CheckinView, type ObjectiveView, type Problem } from './model.ts';
import { currentPeriod, ownerSummaries, periodSummaries, sortObjectives } from './summary.ts';
import { GROUP_PAGE, ownerSlug } from './urls.ts';

/** Check-ins an objective's page lists; the rest are on the timeline. */
export const LOG_LIMIT = 20;
/** Objectives aligned to one that its page lists; the rest are on the alignment map. */
export const ALIGNED_LIMIT = 100;

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
  problemCount: number;
  warnings: HistoryWarning[];
}

const once = <T>(read: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= read());
};

/** Where every public objective stands on the build day: the numbers every page shows. */
export const siteStanding = once(async (): Promise<Standing> => {
  return standingOn(inputs.history, inputs.now);
});

export const objectiveEntries = once(async (): Promise<ObjectiveEntry[]> => {
  const { history, now } = inputs;
  const files = new Map(inputs.objectives.map((file) => [file.id, file]));
  const checkins = new Map<string, Checkin[]>();
  for (const checkin of history.checkins) {
    const own = checkins.get(checkin.objective);
    if (own) own.push(checkin);
    else checkins.set(checkin.objective, [checkin]);
  }
  const standing = await siteStanding();
  const publicIds = new Set(history.objectives.map((objective) => objective.id));
  const standings = new Map(standing.objectives.map((objective) => [objective.id, objective]));
  const entries = history.objectives.flatMap((objective): ObjectiveEntry[] => {
    const file = files.get(objective.id);
    const own = standings.get(objective.id);
    if (!file || !own) return [];
    // The site shows the state on the build day: later check-ins are not there yet.
    const upToDay = (checkins.get(objective.id) ?? []).filter((checkin) => checkin.date.slice(0, 10) <= now);
    const synced = new Set(upToDay.filter((checkin) => syncedFrom(checkin.message) !== undefined).map((checkin) => checkin.commit));
    const view = objectiveView(objective, own, file.frontmatter ?? undefined, file.tasks, publicIds, synced, file.keyResultOwners);
    return [{ id: file.id, data: { frontmatter: file.frontmatter, history: objective, view, checkins: upToDay }, ...(file.html ? { rendered: { html: file.html } } : {}) }];
  });
  const rolled = progressFromAligned(entries.map(({ id, data }) => ({ ...data.view, fromAligned: data.frontmatter?.progress === 'from-aligned' || files.get(id)?.progressFromAligned === true })));
  for (const entry of entries) {
    const numbers = rolled.get(entry.id);
    if (numbers) entry.data.view = withAlignedProgress(entry.data.view, numbers);
  }
  const order = new Map(sortObjectives(entries.map((entry) => entry.data.view)).map((view, index) => [view.id, index]));
  return entries.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
});

/** The views by id, built once: what a feed's items look their objective up in. */
export const objectiveViewsById = once(async (): Promise<Map<string, ObjectiveView>> => new Map((await objectiveEntries()).map((entry) => [entry.id, entry.data.view])));

export async function objectiveViews(): Promise<ObjectiveView[]> {
  return (await objectiveEntries()).map((entry) => entry.data.view);
}

export const missionEntries = once(async (): Promise<MissionEntry[]> =>
  inputs.missions.map(({ html, ...data }) => ({ id: data.path, data, ...(html ? { rendered: { html } } : {}) })).sort((a, b) => (a.id < b.id ? -1 : 1)),
);

/** The entries by id: a page of one objective finds its own without searching the list, which across an organisation's thousands of routes grows with their square. */
export const objectiveEntriesById = once(async (): Promise<Map<string, ObjectiveEntry>> => new Map((await objectiveEntries()).map((entry) => [entry.id, entry])));

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

/** Site-wide facts: the day of the build, where commits link to, what needs attention. */
export const siteFacts = once(async (): Promise<SiteFacts> => {
  const { history, problems, problemCount, showProblems, now } = inputs;
  const repoUrl = /^https?:\/\//.test(history.repo) ? history.repo.replace(/\.git$/, '').replace(/\/+$/, '') : null;
  // The build machine's folder is nobody's business: the repository's public address, or nothing.
  return { now, generatedAt: history.generatedAt, repo: repoUrl ?? '', repoUrl, problems, problemCount, warnings: showProblems ? history.warnings : [] };
});

/** Where a check-in's commit is: an organisation's source's repository, or the site's (`fallback`). */
export const commitRepoOf = once(async (): Promise<(objectiveId: string, fallback: string | null) => string | null> => {
  const links = (inputs.commitLinks ?? []).map((entry) => ({ ...entry, repo: entry.repo.replace(/\.git$/, '').replace(/\/+$/, '') }));
  return (objectiveId, fallback) => {
    if (links.length === 0) return fallback;
    const source = links.find((entry) => objectiveId.startsWith(entry.prefix));
    // An objective of a source that has no public address has no commit to link to.
    return source ? source.repo : objectiveId.includes(':') ? null : fallback;
  };
});

/** Everything the dashboard-like pages share. */
export const overview = once(async () => {
  const [objectives, site, standing] = await Promise.all([objectiveViews(), siteFacts(), siteStanding()]);
  const periods = periodSummaries(objectives, standing.periods);
  const owners = ownerSummaries(objectives);
  return { objectives, site, periods, current: currentPeriod(periods), owners };
});

export interface GroupEntry {
  group: Group;
  slug: string;
  /** Its own objectives in the current period, in natural order. */
  objectives: ObjectiveView[];
  /** The groups right below it. */
  children: GroupEntry[];
  /** From the top group down to this one, itself included. */
  chain: GroupEntry[];
}

/**
 * The groups of the folder tree with their roll-ups over the dashboard's period (archived
 * objectives left out); one group or none means a repository of one person or team.
 */
export const groupEntries = once(async (): Promise<GroupEntry[]> => {
  const [{ current }, missions] = await Promise.all([overview(), missionEntries()]);
  const members = current?.counted ?? [];
  const groups = groupsOf(
    missions.map((mission) => mission.data),
    members,
  );
  const views = new Map(members.map((objective) => [objective.id, objective]));
  const slugs = groupSlugs(groups);
  const entries = new Map<string, GroupEntry>();
  for (const group of groups) {
    const parent = group.parent === null ? undefined : entries.get(group.parent);
    const entry: GroupEntry = { group, slug: slugs.get(group.id)!, objectives: group.objectives.map((id) => views.get(id)!), children: [], chain: [] };
    entry.chain = [...(parent?.chain ?? []), entry];
    entries.set(group.id, entry);
  }
  for (const entry of entries.values()) entry.children = entry.group.children.map((id) => entries.get(id)!);
  return [...entries.values()];
});

/** The group each public objective of the dashboard's period belongs to. */
export const groupOfObjective = once(async (): Promise<Map<string, GroupEntry>> => {
  const groups = await groupEntries();
  return new Map(groups.flatMap((entry) => entry.group.objectives.map((id) => [id, entry] as const)));
});

/** `teams/platform` → `teams/platform`, each segment made URL-safe; the top group by its folder's name. */
function groupSlugs(groups: readonly Group[]): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const group of groups) {
    // A segment `page` could end a slug in `page/<n>`, where the pages of a long sub-group table are.
    const base = (group.id === '' ? group.name : group.id)
      .split('/')
      .map((segment) => (ownerSlug(segment) === GROUP_PAGE ? `${GROUP_PAGE}-group` : ownerSlug(segment)))
      .join('/');
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(group.id, slug);
  }
  return slugs;
}

/** Ids of a group's objectives and those of every group below it, in the dashboard's period. */
export function subtreeObjectives(entry: GroupEntry): string[] {
  return [...entry.group.objectives, ...entry.children.flatMap(subtreeObjectives)];
}

/**
 * The newest check-ins on some objectives, at most a feed's worth: each objective's own list is
 * newest first already, so only its first FEED_LIMIT can be among them.
 */
export async function newestCheckinsOf(ids: Iterable<string>): Promise<CheckinView[]> {
  const byObjective = await checkinsByObjective();
  return newestFirst([...new Set(ids)].flatMap((id) => (byObjective.get(id) ?? []).slice(0, FEED_LIMIT))).slice(0, FEED_LIMIT);
}

/** Alignment between the public objectives, with their standing. */
export const siteAlignment = once(async (): Promise<Alignment<ObjectiveView>> => alignmentOf(await objectiveViews()));

export { alignedRollup };

/** Whether the site links the alignment map: something is aligned to another objective, or there are groups. */
export const showAlignment = once(async (): Promise<boolean> => (await objectiveViews()).some((view) => view.alignedTo !== null) || (await groupEntries()).length > 1);
/** The published retros of closed periods (`okr close`), by period label. */
export const retrosByPeriod = once(async (): Promise<Map<string, { path: string; html: string }[]>> => {
  const byPeriod = new Map<string, { path: string; html: string }[]>();
  for (const retro of inputs.retros ?? []) byPeriod.set(retro.period, [...(byPeriod.get(retro.period) ?? []), { path: retro.path, html: retro.html }]);
  return byPeriod;
});

/** Key results of later public objectives that carry forward one of the period's (`okr close --carry-forward`). */
export async function carriedForward(period: { objectives: readonly ObjectiveView[] }): Promise<{ from: ObjectiveView; kr: ObjectiveView['keyResults'][number]; to: ObjectiveView }[]> {
  const own = new Map(period.objectives.map((objective) => [objective.id, objective]));
  return (await objectiveViews()).flatMap((later) =>
    later.keyResults.flatMap((kr) => {
      const from = kr.carriedFrom === null ? undefined : own.get(kr.carriedFrom.slice(0, kr.carriedFrom.indexOf('/')));
      return from === undefined || later.id === from.id ? [] : [{ from, kr, to: later }];
    }),
  );
}
