import { describe, expect, it } from 'vitest';
import { alignmentOf } from '../../src/core/alignment.ts';
import { alignmentMapPages, countNodes, type MapNode } from '../../src/site/alignment-map.ts';

const objective = (id: string, alignedTo: string | null) => ({ id, title: id, alignedTo, progress: 0 });
const shape = (nodes: MapNode<{ id: string }>[]): unknown[] => nodes.map((node) => [node.continued ? `(${node.objective.id})` : node.objective.id, ...shape(node.children)]);

describe('the alignment map in pages', () => {
  const members = [objective('company', null), objective('team 1', 'company'), objective('ana', 'team 1'), objective('bo', 'team 1'), objective('team 2', 'company'), objective('other', null)];
  const alignment = alignmentOf(members);

  it('holds the whole tree on one page when it fits', () => {
    const pages = alignmentMapPages(alignment, alignment.roots(), 10);
    expect(pages.map(shape)).toEqual([[['company', ['team 1', ['ana'], ['bo']], ['team 2']], ['other']]]);
  });

  it('cuts the tree in order and repeats the branch a page continues', () => {
    const pages = alignmentMapPages(alignment, alignment.roots(), 3);
    expect(pages.map(shape)).toEqual([[['company', ['team 1', ['ana']]]], [['(company)', ['(team 1)', ['bo']], ['team 2']], ['other']]]);
    expect(pages.map(countNodes)).toEqual([3, 3]);
  });

  it('lists an objective of a loop once', () => {
    const looped = alignmentOf([objective('a', 'b'), objective('b', 'a'), objective('c', null)]);
    const pages = alignmentMapPages(looped, [...looped.roots(), looped.alignedTo('b')[0]!], 10);
    expect(pages.flatMap((page) => page.map((node) => node.objective.id))).toEqual(['c', 'a']);
  });
});
