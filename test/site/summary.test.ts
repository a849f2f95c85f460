import { describe, expect, it } from 'vitest';
import { standingOn } from '../../src/core/standing.ts';
import type { ObjectiveView } from '../../src/site/model.ts';
import { currentPeriod, ownerSummaries, periodSummaries } from '../../src/site/summary.ts';
import { historyFrom } from '../fixtures/history-builder.ts';

function objective(id: string, period: ObjectiveView['period'], progress: number, owner: string | null = 'jane'): ObjectiveView {
  return { id, title: id, period, progress, owner, archived: false, type: 'aspirational', keyResults: [] } as unknown as ObjectiveView;
}

/** The site's period summaries for objectives with one key result each at `progress`, on `now`. */
function summaries(objectives: ObjectiveView[], now: string, deleted: Record<string, string> = {}) {
  const history = historyFrom({
    now,
    objectives: objectives.map((view) => ({
      id: view.id,
      title: view.title,
      period: view.period,
      created: view.period.start,
      ...(deleted[view.id] ? { deleted: deleted[view.id] } : {}),
      keyResults: [{ id: 'kr', title: 'KR', kind: 'increase' as const, baseline: 0, target: 1, start: view.progress }],
    })),
    checkins: [],
  });
  return periodSummaries(objectives, standingOn(history, now).periods);
}

const Q3 = { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' };
const Q4 = { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' };
const YEAR = { label: '2026', start: '2026-01-01', end: '2026-12-31' };
const Q1 = { label: '2027-Q1', start: '2027-01-01', end: '2027-03-31' };

describe('periodSummaries', () => {
  const periods = summaries([objective('a', Q4, 0.8), objective('b', Q4, 0.2), objective('c', Q3, 0.3), objective('d', Q1, 0), objective('e', YEAR, 0.5)], '2026-11-20');

  it('orders periods by start and tells past, current and future apart', () => {
    expect(periods.map((period) => [period.label, period.when])).toEqual([
      ['2026', 'current'],
      ['2026-Q3', 'past'],
      ['2026-Q4', 'current'],
      ['2027-Q1', 'future'],
    ]);
  });

  it('scores a period as the mean of its objectives and grades it', () => {
    const q4 = periods.find((period) => period.label === '2026-Q4')!;
    expect(q4.score).toBeCloseTo(0.5);
    expect(q4.grade).toBe('yellow');
    expect(periods.find((period) => period.label === '2026-Q3')!.grade).toBe('red');
  });

  it('leads with the running period that has the most objectives, then the shorter', () => {
    expect(currentPeriod(periods)?.label).toBe('2026-Q4');
  });

  it('falls back to the latest past period, then the next one', () => {
    expect(currentPeriod(summaries([objective('c', Q3, 0.3), objective('d', Q1, 0)], '2026-11-20'))?.label).toBe('2026-Q3');
    expect(currentPeriod(summaries([objective('d', Q1, 0)], '2026-11-20'))?.label).toBe('2027-Q1');
    expect(currentPeriod([])).toBeUndefined();
  });
});

describe('a deleted objective', () => {
  it('is listed with its period but not counted in its score once deleted during the period', () => {
    const [q4] = summaries([objective('a', Q4, 0.8), objective('b', Q4, 0.2), objective('gone', Q4, 0)], '2026-11-20', { gone: '2026-11-01' });
    expect(q4!.objectives.map((view) => view.id)).toEqual(['a', 'b', 'gone']);
    expect(q4!.counted.map((view) => view.id)).toEqual(['a', 'b']);
    expect(q4!.score).toBeCloseTo(0.5);
  });

  it('still counts in a past period when it was deleted after the period ended', () => {
    const [q3] = summaries([objective('c', Q3, 0.3), objective('d', Q3, 0.5)], '2026-11-20', { d: '2026-10-15' });
    expect(q3!.counted.map((view) => view.id)).toEqual(['c', 'd']);
    expect(q3!.score).toBeCloseTo(0.4);
  });
});

describe('ownerSummaries', () => {
  it('groups public objectives by owner with a slug each', () => {
    const owners = ownerSummaries([objective('a', Q4, 0, 'Jane Doe'), objective('b', Q4, 0, 'Sam'), objective('c', Q4, 0, null), objective('d', Q3, 0, 'Sam')]);
    expect(owners.map((owner) => [owner.name, owner.slug, owner.objectives.map((o) => o.id)])).toEqual([
      ['Jane Doe', 'jane-doe', ['a']],
      ['Sam', 'sam', ['b', 'd']],
    ]);
  });

  it('lists the key results someone owns in objectives of others, and gives them a page of their own', () => {
    const kr = (id: string, owner: string | null) => ({ id, title: id, owner }) as ObjectiveView['keyResults'][number];
    const team = { ...objective('team', Q4, 0, 'Team'), keyResults: [kr('latency', 'Ana'), kr('cost', null), kr('uptime', 'Team')] };
    const owners = ownerSummaries([team, objective('own', Q4, 0, 'Bo')]);
    expect(owners.map((owner) => [owner.name, owner.objectives.map((o) => o.id), owner.keyResults.map((entry) => `${entry.objective.id}/${entry.keyResult.id}`)])).toEqual([
      ['Ana', [], ['team/latency']],
      ['Bo', ['own'], []],
      ['Team', ['team'], []],
    ]);
  });
});
