/**
 * The alignment map, from the mission down, in pages: the tree of primary
 * parents (an objective with several parents sits under its first) is walked in
 * order and cut every `size` objectives; a page that starts inside a branch
 * first repeats the objectives above it (marked as continued), so every page
 * is a tree of its own and no page grows with the organisation.
 */
import type { AlignedMember, Alignment } from '../core/alignment.ts';

export interface MapNode<T> {
  objective: T;
  /** Shown on an earlier page; repeated here as the branch it continues. */
  continued: boolean;
  children: MapNode<T>[];
}

export function alignmentMapPages<T extends AlignedMember>(alignment: Alignment<T>, roots: readonly T[], size: number): MapNode<T>[][] {
  const order: { objective: T; above: T[] }[] = [];
  const seen = new Set<string>();
  const walk = (objective: T, above: T[]) => {
    if (seen.has(objective.id)) return;
    seen.add(objective.id);
    order.push({ objective, above });
    for (const child of alignment.children(objective.id)) walk(child, [...above, objective]);
  };
  for (const root of roots) walk(root, []);
  const pages: MapNode<T>[][] = [];
  for (let start = 0; start < order.length; start += size) pages.push(pageTree(order.slice(start, start + size)));
  return pages;
}

function pageTree<T extends AlignedMember>(slice: readonly { objective: T; above: T[] }[]): MapNode<T>[] {
  const roots: MapNode<T>[] = [];
  const nodes = new Map<string, MapNode<T>>();
  const place = (objective: T, parent: T | undefined, continued: boolean): MapNode<T> => {
    const known = nodes.get(objective.id);
    if (known) return known;
    const node: MapNode<T> = { objective, continued, children: [] };
    nodes.set(objective.id, node);
    (parent === undefined ? roots : nodes.get(parent.id)!.children).push(node);
    return node;
  };
  for (const { objective, above } of slice) {
    above.forEach((ancestor, index) => place(ancestor, above[index - 1], true));
    place(objective, above.at(-1), false);
  }
  return roots;
}

/** How many objectives a page tree holds, the continued ones left out. */
export function countNodes<T>(nodes: readonly MapNode<T>[]): number {
  return nodes.reduce((sum, node) => sum + (node.continued ? 0 : 1) + countNodes(node.children), 0);
}
