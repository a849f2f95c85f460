import { describe, expect, it } from 'vitest';
import { objectiveStanding } from '../../src/core/standing.ts';
import { buildWorkspace } from '../../src/core/workspace.ts';
import { checkinSummary, checkinView, objectiveView } from '../../src/site/model.ts';
import { syncCommitMessage } from '../../src/core/sources/trailer.ts';
import { privateObjectiveIds, problemsOf } from '../../src/site/problems.ts';
import { historyFrom } from '../fixtures/history-builder.ts';

const Q4 = { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' };

function sample() {
  return historyFrom({
    now: '2026-11-20',
    objectives: [
      {
        id: 'talks',
        title: 'Deliver engaging presentations',
        period: Q4,
        owner: 'jane',
        created: '2026-10-01',
        keyResults: [
          { id: 'feedback', title: 'Feedback', kind: 'increase', baseline: 3.6, target: 4.5, confidence: 0.5 },
          { id: 'course', title: 'Course', kind: 'milestone', weight: 2 },
        ],
      },
      {
        id: 'secret-plan-zq7',
        title: 'Secret plan zq7',
        path: 'okrs/secret-plan-zq7.md',
        period: Q4,
        private: true,
        created: '2026-10-01',
        keyResults: [{ id: 'x', title: 'X', kind: 'increase', baseline: 0, target: 1 }],
      },
      { id: 'helper', title: 'Helper', period: Q4, alignedTo: 'secret-plan-zq7', created: '2026-10-01', keyResults: [] },
    ],
    checkins: [
      { objective: 'talks', date: '2026-10-20', author: 'Jane', message: 'Talk one\n\nGood room.', values: { feedback: { value: 3.9, confidence: 0.6 } } },
      { objective: 'talks', date: '2026-11-10', author: 'Jane', message: 'Course passed', values: { course: { value: 1 } } },
      { objective: 'secret-plan-zq7', date: '2026-10-21', author: 'Jane', message: 'secret', values: { x: { value: 1 } } },
    ],
    warnings: [{ message: 'Malformed YAML', path: 'okrs/secret-plan-zq7.md', commit: 'abc' }, { message: 'Malformed YAML in okrs/secret-plan-zq7.md' }, { message: 'Shallow history', commit: 'def' }],
  });
}

describe('objectiveView', () => {
  const history = sample();
  const talks = history.objectives[0]!;
  const checkins = history.checkins.filter((checkin) => checkin.objective === 'talks');
  const publicIds = new Set(['talks', 'helper']);

  it('scores as of the build day: weighted progress, pace, status, confidence, last check-in', () => {
    const view = objectiveView(talks, objectiveStanding(talks, checkins, '2026-11-20'), undefined, { done: 1, total: 2 }, publicIds);
    // feedback 3.9 of 3.6→4.5 is 1/3, the course (weight 2) is done.
    expect(view.progress).toBeCloseTo((1 / 3 + 2) / 3);
    // The course is a milestone, expected only from its due date.
    expect(view.expected).toBeCloseTo(50 / 91 / 3, 2);
    expect(view.status).toBe('on track');
    expect(view.grade).toBe('green');
    expect(view.confidence).toBe(0.6);
    expect(view.daysLeft).toBe(41);
    expect(view.lastCheckin?.date).toBe('2026-11-10T09:30:00Z');
    expect(view.checkinCount).toBe(2);
    expect(view.tasks).toEqual({ done: 1, total: 2 });
  });

  it('shows the state on the build day, not later check-ins', () => {
    const view = objectiveView(talks, objectiveStanding(talks, checkins, '2026-10-25'), undefined, { done: 0, total: 0 }, publicIds);
    expect(view.progress).toBeCloseTo(1 / 3 / 3);
    expect(view.keyResults[1]!.value).toBe(0);
  });

  it('grades a past period at its end', () => {
    const view = objectiveView(talks, objectiveStanding(talks, checkins, '2027-02-01'), undefined, { done: 0, total: 0 }, publicIds);
    expect(view.expected).toBe(1);
    expect(view.daysLeft).toBe(0);
    expect(view.keyResults[0]!.chart.today).toBe(view.keyResults[0]!.chart.plot.right);
  });

  it('links an objective only to a public one it supports', () => {
    const helper = history.objectives[2]!;
    expect(objectiveView(helper, objectiveStanding(helper, [], '2026-11-20'), undefined, { done: 0, total: 0 }, publicIds).alignedTo).toBeNull();
    expect(objectiveView({ ...helper, alignedTo: 'talks' }, objectiveStanding({ ...helper, alignedTo: 'talks' }, [], '2026-11-20'), undefined, { done: 0, total: 0 }, publicIds).alignedTo).toBe(
      'talks',
    );
  });

  it('lists every public parent it supports, the primary first, and drops the others', () => {
    const helper = { ...history.objectives[2]!, alignedTo: ['nowhere', 'talks'] };
    const view = objectiveView(helper, objectiveStanding(helper, [], '2026-11-20'), undefined, { done: 0, total: 0 }, publicIds);
    expect(view.parents).toEqual(['talks']);
    expect(view.alignedTo).toBe('talks');
  });

  it('takes the reason of an eased target from the current file', () => {
    const frontmatter = {
      title: 'Deliver engaging presentations',
      period: '2026-Q4',
      type: 'aspirational' as const,
      aligned_to: 'mission',
      private: false,
      key_results: [{ id: 'feedback', title: 'Feedback', baseline: 3.6, target: 4.5, reason: 'Fewer talks than planned' }],
    };
    expect(objectiveView(talks, objectiveStanding(talks, [], '2026-11-20'), frontmatter, { done: 0, total: 0 }, publicIds).keyResults[0]!.reason).toBe('Fewer talks than planned');
  });
});

describe('check-ins', () => {
  const history = sample();
  const talks = history.objectives[0]!;

  it('summarises what moved, with the target and a new confidence', () => {
    expect(
      checkinSummary(
        history.checkins.find((c) => c.message.startsWith('Talk'))!,
        talks,
      ),
    ).toBe('feedback 3.6 → 3.9 of 4.5 (confidence 0.6)');
    expect(
      checkinSummary(
        history.checkins.find((c) => c.message.startsWith('Course'))!,
        talks,
      ),
    ).toBe('course done');
    expect(checkinSummary({ ...history.checkins[0]!, changes: [] }, talks)).toBe('updated');
  });

  it('splits the commit message into subject and body', () => {
    const view = checkinView(
      history.checkins.find((c) => c.message.startsWith('Talk'))!,
      talks,
    );
    expect(view.subject).toBe('Talk one');
    expect(view.body).toBe('Good room.');
    expect(view.objective).toEqual({ id: 'talks', title: 'Deliver engaging presentations' });
  });

  it('names the source of a check-in that okr sync made, from its trailer', () => {
    const talk = history.checkins.find((c) => c.message.startsWith('Talk'))!;
    expect(checkinView(talk, talks).syncedFrom).toBeNull();
    const synced = { ...talk, message: syncCommitMessage('talks/feedback', 'https://x.test/m.json#/a', '3.6 → 3.9') };
    expect(checkinView(synced, talks)).toMatchObject({ syncedFrom: 'https://x.test/m.json#/a', subject: 'synced from https://x.test/m.json#/a' });
  });

  it('keeps the Okr-Sync and Imported-From trailers out of the body, and the synced mark', () => {
    const talk = history.checkins.find((c) => c.message.startsWith('Talk'))!;
    const synced = checkinView({ ...talk, message: syncCommitMessage('talks/feedback', 'https://x.test/m.json#/a', '3.6 → 3.9') }, talks);
    expect(synced.body).toBe('talks/feedback: 3.6 → 3.9');
    expect(synced.syncedFrom).toBe('https://x.test/m.json#/a');
    const imported = checkinView({ ...talk, message: 'Second talk\nwent better\n\nImported-From: viva-goals 2001 2025-02-14 17:00:00 UTC' }, talks);
    expect(imported).toMatchObject({ subject: 'Second talk', body: 'went better', syncedFrom: null });
  });
});
