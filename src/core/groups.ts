/**
 * Groups from the folder tree: a folder with its own `mission.md` is a group
 * (a company, a team, a person). An objective belongs to the nearest group
 * folder above its file; a group's parent is the nearest group folder above
 * its own. A group rolls up its objectives and its sub-groups' objectives.
 *
 * Pure: the missions and the objectives' standings in, groups out. A roll-up
 * never recomputes an objective's numbers; it only counts and averages them.
 */
import { compareNatural } from './natural.ts';
import { round } from './numbers.ts';
import type { Status } from './score.ts';

export interface GroupMission {
  /** Path of the mission file, e.g. `okrs/teams/platform/mission.md`. */
  path: string;
  mission: string;
  owner: string | null;
}

/** What a roll-up reads of an objective: its file and its standing on the day. */
export interface GroupMember {
  id: string;
  path: string;
  title: string;
  progress: number;
  expected: number | null;
  status: Status;
  lastCheckin: { date: string } | null;
}

export interface GroupRollup {
  /** Objectives of the group and of every group below it. */
  objectives: number;
  /** Mean progress of those objectives; 0 without any. */
  progress: number;
  /** Mean expected progress of those that have one; null when none has. */
  expected: number | null;
  statuses: Record<Status, number>;
  /** Latest check-in day among them. */
  lastCheckin: string | null;
}

export interface Group {
  /** The folder relative to the top group's folder, `` for the top group itself; stable and readable. */
  id: string;
  folder: string;
  /** The folder's last name, e.g. `platform`. */
  name: string;
  mission: string;
  owner: string | null;
  parent: string | null;
  /** Ids of the groups right below, in natural order of their names. */
  children: string[];
  /** Ids of its own objectives (not those of sub-groups), in natural order of their titles. */
  objectives: string[];
  /** How deep below the top: 0 for a top group. */
  depth: number;
  rollup: GroupRollup;
}

export const STATUSES: readonly Status[] = ['on track', 'at risk', 'off track', 'not started', 'done'];

export function emptyRollup(): GroupRollup {
  return { objectives: 0, progress: 0, expected: null, statuses: Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>, lastCheckin: null };
}

/** Every group of the tree, parents before children, siblings in natural order of their names. */
export function groupsOf(missions: readonly GroupMission[], members: readonly GroupMember[]): Group[] {
  const folders = [...new Set(missions.map((mission) => folderOf(mission.path)))].sort((a, b) => depthOf(a) - depthOf(b) || compareNatural(a, b));
  const missionOf = new Map(missions.map((mission) => [folderOf(mission.path), mission]));
  const base = commonFolder(folders);
  const groups = new Map<string, Group>();
  for (const folder of folders) {
    const parentFolder = nearestGroup(parentOf(folder), groups);
    const parent = parentFolder === undefined ? null : groups.get(parentFolder)!;
    const mission = missionOf.get(folder)!;
    const group: Group = {
      id: relative(folder, base),
      folder,
      name: folder.split('/').at(-1) ?? folder,
      mission: mission.mission,
      owner: mission.owner,
      parent: parent?.id ?? null,
      children: [],
      objectives: [],
      depth: parent ? parent.depth + 1 : 0,
      rollup: emptyRollup(),
    };
    groups.set(folder, group);
    parent?.children.push(group.id);
  }
  const byId = new Map([...groups.values()].map((group) => [group.id, group]));
  const own = new Map<string, GroupMember[]>();
  for (const member of members) {
    const folder = nearestGroup(parentOf(member.path), groups);
    if (folder === undefined) continue;
    const group = groups.get(folder)!;
    own.set(group.id, [...(own.get(group.id) ?? []), member]);
  }
  const nameOf = (id: string) => byId.get(id)!.name;
  // Children before parents, so each roll-up adds up finished ones.
  const subtree = new Map<string, GroupMember[]>();
  for (const group of [...byId.values()].reverse()) {
    group.children.sort((a, b) => compareNatural(nameOf(a), nameOf(b)) || compareNatural(a, b));
    const mine = (own.get(group.id) ?? []).sort((a, b) => compareNatural(a.title, b.title) || compareNatural(a.id, b.id));
    group.objectives = mine.map((member) => member.id);
    const all = [...mine, ...group.children.flatMap((child) => subtree.get(child) ?? [])];
    subtree.set(group.id, all);
    group.rollup = rollupOf(all);
  }
  return orderTree(
    [...byId.values()].filter((group) => group.parent === null).sort((a, b) => compareNatural(a.name, b.name)),
    byId,
  );
}

/** Counts and means over objectives' standings. */
export function rollupOf(members: readonly Pick<GroupMember, 'progress' | 'expected' | 'status' | 'lastCheckin'>[]): GroupRollup {
  const rollup = emptyRollup();
  let progress = 0;
  let expected = 0;
  let paced = 0;
  for (const member of members) {
    rollup.objectives += 1;
    progress += member.progress;
    if (member.expected !== null) {
      expected += member.expected;
      paced += 1;
    }
    rollup.statuses[member.status] += 1;
    const day = member.lastCheckin?.date.slice(0, 10);
    if (day !== undefined && (rollup.lastCheckin === null || day > rollup.lastCheckin)) rollup.lastCheckin = day;
  }
  rollup.progress = members.length === 0 ? 0 : round(progress / members.length);
  rollup.expected = paced === 0 ? null : round(expected / paced);
  return rollup;
}

/** The chain from the top group down to `id`, both included. */
export function groupChain(groups: readonly Group[], id: string): Group[] {
  const byId = new Map(groups.map((group) => [group.id, group]));
  const chain: Group[] = [];
  for (let group = byId.get(id); group; group = group.parent === null ? undefined : byId.get(group.parent)) chain.unshift(group);
  return chain;
}

function orderTree(roots: readonly Group[], byId: ReadonlyMap<string, Group>): Group[] {
  return roots.flatMap((root) => [
    root,
    ...orderTree(
      root.children.map((child) => byId.get(child)!),
      byId,
    ),
  ]);
}

function nearestGroup(folder: string | undefined, groups: ReadonlyMap<string, Group>): string | undefined {
  for (let current = folder; current !== undefined; current = parentOf(current)) if (groups.has(current)) return current;
  return undefined;
}

function folderOf(path: string): string {
  return parentOf(path) ?? '';
}

function parentOf(path: string): string | undefined {
  if (path === '') return undefined;
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function depthOf(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
}

/** The deepest folder that holds every group folder: the top group's, when there is one. */
function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return '';
  let common = folders[0]!.split('/');
  for (const folder of folders.slice(1)) {
    const parts = folder.split('/');
    let same = 0;
    while (same < common.length && common[same] === parts[same]) same += 1;
    common = common.slice(0, same);
  }
  return common.join('/');
}

function relative(folder: string, base: string): string {
  if (folder === base) return '';
  return base === '' ? folder : folder.slice(base.length + 1);
}
