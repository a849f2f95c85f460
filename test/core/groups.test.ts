import { describe, expect, it } from 'vitest';
import { groupChain, groupsOf, rollupOf, type GroupMember } from '../../src/core/groups.ts';
import { compareNatural } from '../../src/core/natural.ts';

const mission = (path: string, text = `Mission of ${path}`) => ({ path, mission: text, owner: null });
const member = (id: string, path: string, progress: number, extra: Partial<GroupMember> = {}): GroupMember => ({
  id,
  path,
  title: id,
  progress,
  expected: 0.5,
  status: 'on track',
  lastCheckin: null,
  ...extra,
});

describe('groups from the folder tree', () => {
  it('makes a group of every folder with a mission and nests them by folder', () => {
    const groups = groupsOf([mission('okrs/mission.md'), mission('okrs/teams/platform/mission.md'), mission('okrs/teams/platform/ana/mission.md'), mission('okrs/web/mission.md')], []);
    expect(groups.map((group) => [group.id, group.parent, group.depth])).toEqual([
      ['', null, 0],
      ['teams/platform', '', 1],
      ['teams/platform/ana', 'teams/platform', 2],
      ['web', '', 1],
    ]);
    expect(groups[0]!.children).toEqual(['teams/platform', 'web']);
    expect(groupChain(groups, 'teams/platform/ana').map((group) => group.id)).toEqual(['', 'teams/platform', 'teams/platform/ana']);
  });

  it('puts an objective in the nearest group above its file and rolls it up to every group above', () => {
    const groups = groupsOf(
      [mission('okrs/mission.md'), mission('okrs/platform/mission.md')],
      [
        member('company', 'okrs/2026-q4/company.md', 0.2, { lastCheckin: { date: '2026-11-02' } }),
        member('latency', 'okrs/platform/2026-q4/latency.md', 0.6, { status: 'at risk', expected: null, lastCheckin: { date: '2026-11-09T10:00:00Z' } }),
      ],
    );
    const [top, platform] = groups;
    expect(top!.objectives).toEqual(['company']);
    expect(platform!.objectives).toEqual(['latency']);
    expect(platform!.rollup).toMatchObject({ objectives: 1, progress: 0.6, expected: null, lastCheckin: '2026-11-09' });
    expect(top!.rollup.objectives).toBe(2);
    expect(top!.rollup.progress).toBeCloseTo(0.4);
    expect(top!.rollup.expected).toBe(0.5);
    expect(top!.rollup.statuses).toMatchObject({ 'on track': 1, 'at risk': 1, 'off track': 0 });
    expect(top!.rollup.lastCheckin).toBe('2026-11-09');
  });

  it('sorts groups and objectives in natural order', () => {
    const groups = groupsOf(['team 10', 'team 2', 'team 1'].map((name) => mission(`okrs/${name}/mission.md`)).concat(mission('okrs/mission.md')), [
      member('part-10', 'okrs/q/10.md', 0, { title: 'part 10' }),
      member('part-2', 'okrs/q/2.md', 0, { title: 'part 2' }),
    ]);
    expect(groups.map((group) => group.name)).toEqual(['okrs', 'team 1', 'team 2', 'team 10']);
    expect(groups[0]!.objectives).toEqual(['part-2', 'part-10']);
  });

  it('leaves an objective outside every group out of the roll-ups, and has several tops without a common mission', () => {
    const groups = groupsOf([mission('okrs/a/mission.md'), mission('okrs/b/mission.md')], [member('loose', 'okrs/2026-q4/loose.md', 1)]);
    expect(groups.map((group) => [group.id, group.parent])).toEqual([
      ['a', null],
      ['b', null],
    ]);
    expect(groups.every((group) => group.rollup.objectives === 0)).toBe(true);
  });

  it('rolls up nothing as zero objectives without a mean', () => {
    expect(rollupOf([])).toMatchObject({ objectives: 0, progress: 0, expected: null, lastCheckin: null });
  });
});

describe('natural order', () => {
  it('orders numbers inside names by value', () => {
    expect(['part 100', 'part 10', 'part 1', 'part 2'].sort(compareNatural)).toEqual(['part 1', 'part 2', 'part 10', 'part 100']);
  });
});
