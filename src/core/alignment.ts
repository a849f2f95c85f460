/**
 * Alignment between objectives: what an objective serves (up the chain of
 * `aligned_to` to the mission) and what is aligned to it. Pure: objectives
 * with their standing in, chains and roll-ups out. A chain that loops (the
 * linter reports it) stops where it would repeat.
 *
 * An objective may serve several parents (`aligned_to: [a, b]`). The first is
 * its primary parent: its place in the tree (the alignment map) and the chain
 * up to the mission. It counts under every parent: each lists it as aligned to
 * it and rolls it up, `progress: from-aligned` included.
 */
import { compareNatural } from './natural.ts';
import { round } from './numbers.ts';

export interface AlignedMember {
  id: string;
  title: string;
  /** The primary public objective it is aligned to; null under the mission. */
  alignedTo: string | null;
  /** Every public objective it is aligned to, the primary first; `[alignedTo]` when left out. */
  parents?: readonly string[];
  progress: number;
}

export interface Alignment<T extends AlignedMember> {
  /** What `id` serves: its parents (the primary first), then up the primary's chain to the one under the mission. */
  serves(id: string): T[];
  /** Objectives aligned straight to `id`, through any of their parents, in natural order of their titles. */
  alignedTo(id: string): T[];
  /** Objectives whose primary parent is `id`, in natural order of their titles: the tree of the map. */
  children(id: string): T[];
  /** Objectives under the mission, in natural order of their titles. */
  roots(): T[];
}

/** `aligned_to` as the file writes it → the ids it names, the primary first; none for `mission`. */
export function alignedIds(value: string | readonly string[]): string[] {
  return (typeof value === 'string' ? [value] : [...value]).filter((id) => id !== 'mission');
}

export function parentsOf(member: AlignedMember): readonly string[] {
  return member.parents ?? (member.alignedTo === null ? [] : [member.alignedTo]);
}

export function alignmentOf<T extends AlignedMember>(members: readonly T[]): Alignment<T> {
  const byId = new Map(members.map((member) => [member.id, member]));
  const children = new Map<string, T[]>();
  const aligned = new Map<string, T[]>();
  const roots: T[] = [];
  const add = (map: Map<string, T[]>, key: string, member: T) => map.set(key, [...(map.get(key) ?? []), member]);
  for (const member of members) {
    const parent = member.alignedTo === null ? undefined : byId.get(member.alignedTo);
    if (parent === undefined || parent.id === member.id) roots.push(member);
    else add(children, parent.id, member);
    for (const id of new Set(parentsOf(member))) if (id !== member.id && byId.has(id)) add(aligned, id, member);
  }
  const byTitle = (a: T, b: T) => compareNatural(a.title, b.title) || compareNatural(a.id, b.id);
  for (const list of [...children.values(), ...aligned.values()]) list.sort(byTitle);
  roots.sort(byTitle);
  return {
    serves(id) {
      const chain: T[] = [];
      const listed = new Set([id]);
      const list = (member: T | undefined) => {
        if (member === undefined || listed.has(member.id)) return;
        listed.add(member.id);
        chain.push(member);
      };
      const direct = parentsOf(byId.get(id) ?? { id, title: '', alignedTo: null, progress: 0 });
      for (const parent of direct) list(byId.get(parent));
      // Up the primary parent's chain; a loop stops where it would repeat.
      const climbed = new Set([id]);
      for (let next = direct[0]; next !== undefined && !climbed.has(next);) {
        climbed.add(next);
        const parent = byId.get(next);
        list(parent);
        next = parent?.alignedTo ?? undefined;
      }
      return chain;
    },
    alignedTo: (id) => aligned.get(id) ?? [],
    children: (id) => children.get(id) ?? [],
    roots: () => roots,
  };
}

/** The roll-up line of an objective whose children are aligned to it: "12 objectives aligned, 58 % on average". */
export function alignedRollup(children: readonly Pick<AlignedMember, 'progress'>[]): { count: number; progress: number } | null {
  if (children.length === 0) return null;
  return { count: children.length, progress: round(children.reduce((sum, child) => sum + child.progress, 0) / children.length) };
}

/**
 * Progress of objectives with `progress: from-aligned`: the mean of what is aligned to them
 * (theirs in turn from their own children when they opt in too), instead of their key results.
 * An objective with several parents counts, whole, in the mean of each of them.
 * An opted-in objective with nothing aligned keeps its own. Off by default: a parent's key
 * results are its own commitments, and children's progress is shown beside them, not mixed in.
 */
export function progressFromAligned(members: readonly (AlignedMember & { expected: number | null; fromAligned: boolean })[]): Map<string, { progress: number; expected: number | null }> {
  const alignment = alignmentOf(members);
  const result = new Map<string, { progress: number; expected: number | null }>();
  const visiting = new Set<string>();
  const numbers = (member: (typeof members)[number]): { progress: number; expected: number | null } => {
    const done = result.get(member.id);
    if (done) return done;
    const own = { progress: member.progress, expected: member.expected };
    const children = alignment.alignedTo(member.id);
    if (!member.fromAligned || children.length === 0 || visiting.has(member.id)) return own;
    visiting.add(member.id);
    const values = children.map(numbers);
    visiting.delete(member.id);
    const paced = values.filter((value) => value.expected !== null);
    const rolled = {
      progress: round(values.reduce((sum, value) => sum + value.progress, 0) / values.length),
      expected: paced.length === 0 ? null : round(paced.reduce((sum, value) => sum + (value.expected ?? 0), 0) / paced.length),
    };
    result.set(member.id, rolled);
    return rolled;
  };
  for (const member of members) if (member.fromAligned) numbers(member);
  return result;
}
