import { describe, expect, it } from 'vitest';
import { alignedRollup, alignmentOf, progressFromAligned } from '../../src/core/alignment.ts';

const objective = (id: string, alignedTo: string | null | string[], progress = 0, extra: { expected?: number | null; fromAligned?: boolean } = {}) => ({
  id,
  title: id,
  alignedTo: Array.isArray(alignedTo) ? (alignedTo[0] ?? null) : alignedTo,
  parents: Array.isArray(alignedTo) ? alignedTo : alignedTo === null ? [] : [alignedTo],
  progress,
  expected: extra.expected ?? null,
  fromAligned: extra.fromAligned ?? false,
});

describe('alignment', () => {
  const members = [
    objective('company', null),
    objective('team 10', 'company'),
    objective('team 2', 'company'),
    objective('ana', 'team 2'),
    objective('loop-a', 'loop-b'),
    objective('loop-b', 'loop-a'),
  ];
  const alignment = alignmentOf(members);

  it('lists what an objective serves up to the mission, nearest first', () => {
    expect(alignment.serves('ana').map((member) => member.id)).toEqual(['team 2', 'company']);
    expect(alignment.serves('company')).toEqual([]);
  });

  it('lists what is aligned to an objective in natural order', () => {
    expect(alignment.alignedTo('company').map((member) => member.id)).toEqual(['team 2', 'team 10']);
    expect(alignment.roots().map((member) => member.id)).toEqual(['company']);
  });

  it('stops a chain that loops where it would repeat', () => {
    expect(alignment.serves('loop-a').map((member) => member.id)).toEqual(['loop-b']);
  });

  it('rolls up the aligned objectives as a count and a mean', () => {
    expect(alignedRollup([{ progress: 0.5 }, { progress: 0.66 }])).toEqual({ count: 2, progress: 0.58 });
    expect(alignedRollup([])).toBeNull();
  });
});

describe('alignment with several parents', () => {
  const alignment = alignmentOf([
    objective('company', null),
    objective('sales', 'company'),
    objective('platform', 'company'),
    objective('billing', ['platform', 'sales']),
    objective('invoices', 'billing'),
  ]);

  it('places an objective in the tree under its primary parent only', () => {
    expect(alignment.children('platform').map((member) => member.id)).toEqual(['billing']);
    expect(alignment.children('sales')).toEqual([]);
  });

  it('counts an objective as aligned to each of its parents', () => {
    expect(alignment.alignedTo('platform').map((member) => member.id)).toEqual(['billing']);
    expect(alignment.alignedTo('sales').map((member) => member.id)).toEqual(['billing']);
  });

  it('lists every parent, the primary first, then the primary chain up to the mission', () => {
    expect(alignment.serves('billing').map((member) => member.id)).toEqual(['platform', 'sales', 'company']);
    expect(alignment.serves('invoices').map((member) => member.id)).toEqual(['billing', 'platform', 'company']);
  });

  it('lists a parent that is also higher up the primary chain once, and keeps climbing past it', () => {
    const chain = alignmentOf([objective('company', null), objective('group', 'company'), objective('team', 'group'), objective('ana', ['team', 'group'])]);
    expect(chain.serves('ana').map((member) => member.id)).toEqual(['team', 'group', 'company']);
  });

  it('lets an objective name a parent twice or itself without counting it twice', () => {
    const odd = alignmentOf([objective('a', null), objective('b', ['a', 'a', 'b'])]);
    expect(odd.alignedTo('a').map((member) => member.id)).toEqual(['b']);
    expect(odd.alignedTo('b')).toEqual([]);
  });
});

describe('progress: from-aligned', () => {
  it('counts an objective with several parents, whole, in the mean of each', () => {
    const result = progressFromAligned([
      objective('sales', null, 0, { fromAligned: true }),
      objective('platform', null, 0, { fromAligned: true }),
      objective('billing', ['platform', 'sales'], 0.6),
      objective('api', 'platform', 0.2),
    ]);
    expect(result.get('sales')).toEqual({ progress: 0.6, expected: null });
    expect(result.get('platform')).toEqual({ progress: 0.4, expected: null });
  });

  it('takes the mean of the aligned objectives, through children that opt in too', () => {
    const result = progressFromAligned([
      objective('company', null, 0.9, { fromAligned: true }),
      objective('team', 'company', 0.1, { fromAligned: true, expected: 0.5 }),
      objective('ana', 'team', 0.4, { expected: 0.5 }),
      objective('bo', 'team', 0.8),
      objective('web', 'company', 0.2),
    ]);
    expect(result.get('team')).toEqual({ progress: 0.6, expected: 0.5 });
    expect(result.get('company')!.progress).toBeCloseTo(0.4);
    expect(result.has('web')).toBe(false);
  });

  it('leaves an objective that does not opt in, or has nothing aligned, with its own progress', () => {
    const result = progressFromAligned([objective('company', null, 0.9), objective('team', 'company', 0.1), objective('alone', null, 0.3, { fromAligned: true })]);
    expect(result.size).toBe(0);
  });

  it('ends on a loop of objectives that opt in', () => {
    const result = progressFromAligned([objective('a', 'b', 0.2, { fromAligned: true }), objective('b', 'a', 0.4, { fromAligned: true })]);
    expect([...result.keys()].sort()).toEqual(['a', 'b']);
  });
});
