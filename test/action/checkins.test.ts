import { expect, test } from 'vitest';
import { lastCheckins } from '../../action/src/checkins.ts';
import type { History, KeyResultHistory, ObjectiveHistory } from '../../src/core/history-types.ts';

const kr = (id: string, dates: string[]): KeyResultHistory => ({
  id,
  title: id,
  kind: 'increase',
  due: null,
  weight: 1,
  status: 'active',
  trend: null,
  series: dates.map((date) => ({ date, commit: 'c', value: 1, progress: 0.1, expected: 0.1 })),
});

const objective = (id: string, keyResults: KeyResultHistory[], deleted = false): ObjectiveHistory => ({
  id,
  title: id,
  path: `okrs/2026-q4/${id}.md`,
  previousPaths: [],
  period: { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
  owner: null,
  type: 'aspirational',
  alignedTo: 'mission',
  private: false,
  created: { date: '2026-10-01', commit: 'c' },
  deleted: deleted ? { date: '2026-11-01', commit: 'd' } : null,
  keyResults,
});

const history = (objectives: ObjectiveHistory[], checkins: History['checkins'] = []): History => ({ generatedAt: '2026-11-20', repo: '.', missions: [], objectives, checkins, warnings: [] });

const checkin = (date: string, krs: string[]): History['checkins'][number] => ({
  commit: `c-${date}`,
  date,
  author: 'Jane',
  message: 'Check-in',
  objective: 'talks',
  changes: krs.map((id) => ({ kr: id, from: 1, to: 1, progressFrom: 0.1, progressTo: 0.1 })),
});

test('the last check-in of a key result is its newest check-in up to the day, backdated ones included', () => {
  // The point of 2026-11-05 is a rescored target, not a check-in; 2026-11-25 is after the day.
  const objectives = [objective('talks', [kr('feedback', ['2026-10-01', '2026-10-18', '2026-10-20', '2026-11-05']), kr('course', [])])];
  const last = lastCheckins(history(objectives, [checkin('2026-11-25', ['feedback']), checkin('2026-10-20', ['feedback']), checkin('2026-10-18', ['feedback', 'course'])]));
  expect(last('talks', 'feedback')).toBe('2026-10-20');
  expect(last('talks', 'course')).toBe('2026-10-18');
  expect(last('other', 'feedback')).toBeUndefined();
});

test('without a check-in, the day the key result was written down counts', () => {
  const last = lastCheckins(history([objective('talks', [kr('feedback', ['2026-10-01', '2026-11-05']), kr('course', [])])]));
  expect(last('talks', 'feedback')).toBe('2026-10-01');
  expect(last('talks', 'course')).toBeUndefined();
});

test('an archived objective has no running check-ins', () => {
  const last = lastCheckins(history([objective('talks', [kr('feedback', ['2026-10-01'])], true)]));
  expect(last('talks', 'feedback')).toBeUndefined();
});
