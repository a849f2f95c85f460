import { describe, expect, it } from 'vitest';
import { standingOn } from '../../src/core/standing.ts';
import { historyFrom } from '../fixtures/history-builder.ts';

const Q3 = { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' };
const Q4 = { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' };

function sample() {
  return historyFrom({
    now: '2026-11-20',
    objectives: [
      {
        id: 'talks',
        title: 'Talks',
        period: Q4,
        created: '2026-10-01',
        keyResults: [
          { id: 'feedback', title: 'Feedback', kind: 'increase', baseline: 3.6, target: 4.5, confidence: 0.5 },
          { id: 'course', title: 'Course', kind: 'milestone', due: '2026-12-15' },
          { id: 'old', title: 'Old', kind: 'increase', baseline: 0, target: 1, dropped: true },
        ],
      },
      { id: 'gone', title: 'Gone', period: Q4, created: '2026-10-01', deleted: '2026-11-01', keyResults: [{ id: 'x', title: 'X', kind: 'increase', baseline: 0, target: 10, start: 10 }] },
      { id: 'summer', title: 'Summer', period: Q3, created: '2026-07-01', deleted: '2026-10-10', keyResults: [{ id: 'y', title: 'Y', kind: 'increase', baseline: 0, target: 4 }] },
    ],
    checkins: [
      { objective: 'talks', date: '2026-10-20', author: 'Jane', message: 'Talk one', values: { feedback: { value: 3.9, confidence: 0.6 } } },
      { objective: 'talks', date: '2026-11-25', author: 'Jane', message: 'Talk two', values: { feedback: { value: 4.5 } } },
      { objective: 'summer', date: '2026-09-01', author: 'Jane', message: 'Half way', values: { y: { value: 2 } } },
      { objective: 'summer', date: '2026-10-05', author: 'Jane', message: 'Late', values: { y: { value: 4 } } },
    ],
  });
}

describe('standingOn', () => {
  const standing = standingOn(sample(), '2026-11-20');
  const [talks, gone, summer] = standing.objectives;

  it('takes each key result as it was on the day: later check-ins do not count yet', () => {
    expect(talks!.keyResults[0]).toEqual({ id: 'feedback', value: 3.9, progress: 0.333, expected: 0.549, status: 'at risk', confidence: 0.6, lastCheckin: '2026-10-20', grade: 'red', weight: 1 });
    expect(talks!.checkinCount).toBe(1);
    expect(talks!.lastCheckin?.date.slice(0, 10)).toBe('2026-10-20');
  });

  it('shows an open milestone as not started before its due date and leaves a dropped key result out of the score', () => {
    expect(talks!.keyResults[1]).toMatchObject({ id: 'course', status: 'not started', expected: 0 });
    expect(talks!.keyResults[2]!.status).toBe('dropped');
    expect(talks!.progress).toBe(0.167);
    expect(talks!.expected).toBeCloseTo(0.549 / 2, 2);
    expect(standingOn(sample(), '2026-12-20').objectives[0]!.keyResults[1]!.status).toBe('off track');
  });

  it('grades a past period on its last day', () => {
    expect(summer).toMatchObject({ asOf: '2026-09-30', progress: 0.5, archived: true, counted: true, daysLeft: 0 });
  });

  it('leaves an objective deleted during its period out of the period score, but lists it', () => {
    expect(gone).toMatchObject({ archived: true, counted: false, progress: 1 });
    expect(standing.periods.find((period) => period.label === '2026-Q4')).toEqual({
      label: '2026-Q4',
      start: '2026-10-01',
      end: '2026-12-31',
      when: 'current',
      objectives: ['talks'],
      progress: talks!.progress,
      grade: 'red',
    });
    expect(standing.periods.find((period) => period.label === '2026-Q3')).toMatchObject({ when: 'past', objectives: ['summer'], progress: 0.5 });
  });

  it('counts an objective on a day before it was deleted', () => {
    const before = standingOn(sample(), '2026-10-25');
    expect(before.objectives[1]).toMatchObject({ archived: false, counted: true });
    expect(before.periods.find((period) => period.label === '2026-Q4')!.objectives).toEqual(['talks', 'gone']);
  });
});
