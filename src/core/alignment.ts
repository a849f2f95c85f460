/**
 * Alignment between objectives: what an objective serves (up the chain of
 * `aligned_to` to the mission) and what is aligned to it. Pure: objectives
 * with their standing in, chains and roll-ups out. A chain that loops (the
 * linter reports it) stops where it would repeat.
 */
import { compareNatural } from './natural.ts';
import { round } from './numbers.ts';

export interface AlignedMember {
  id: string;
  title: string;
  /** The public objective it is aligned to; null under the mission. */
  alignedTo: string | null;
  progress: number;
}

export interface Alignment<T extends AlignedMember> {
  /** What `id` serves, nearest first, up to the one under the mission. */
  serves(id: string): T[];
  /** Objectives aligned straight to `id`, in natural order of their titles. */
  alignedTo(id: string): T[];
  /** Objectives under the mission, in natural order of their titles. */
  roots(): T[];
}

export function alignmentOf<T extends AlignedMember>(members: readonly T[]): Alignment<T> {
  const byId = new Map(members.map((member) => [member.id, member]));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const member of members) {
    const parent = member.alignedTo === null ? undefined : byId.get(member.alignedTo);
    if (parent === undefined || parent.id === member.id) roots.push(member);
    else children.set(parent.id, [...(children.get(parent.id) ?? []), member]);
  }
  const byTitle = (a: T, b: T) => compareNatural(a.title, b.title) || compareNatural(a.id, b.id);
  for (const list of children.values()) list.sort(byTitle);
  roots.sort(byTitle);
  return {
    serves(id) {
      const chain: T[] = [];
      const seen = new Set([id]);
      for (let next = byId.get(id)?.alignedTo ?? null; next !== null && !seen.has(next);) {
        const parent = byId.get(next);
        if (!parent) break;
        chain.push(parent);
        seen.add(next);
        next = parent.alignedTo;
      }
      return chain;
    },
    alignedTo: (id) => children.get(id) ?? [],
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
