import { describe, expect, it } from 'vitest';
import { planCheckin, type CheckinRequest } from '../../src/core/checkin-request.ts';
import type { KeyResult } from '../../src/core/schema.ts';

const feedback = { id: 'feedback', title: 'Raise feedback from 3.6 to 4.5', baseline: 3.6, target: 4.5, current: 3.9, unit: 'points', weight: 1 } as KeyResult;
const course = { id: 'course', title: 'Pass the course', done: false, weight: 1 } as KeyResult;
const ask = (request: Partial<CheckinRequest>): CheckinRequest => ({ value: undefined, confidence: undefined, note: '', ...request });

describe('planCheckin', () => {
  it('refuses with the reason, so that each place words its own hint', () => {
    const reasons = [
      planCheckin(course, ask({ value: 'yes' }), '2026-11-02'),
      planCheckin(feedback, ask({ value: '4.1', confidence: 1.5 }), '2026-11-02'),
      planCheckin(feedback, ask({ value: '4.2', noChange: true, note: 'x' }), '2026-11-02'),
      planCheckin(feedback, ask({ value: '3.9' }), '2026-11-02'),
      planCheckin({ ...feedback, as_of: '2026-11-02' }, ask({ note: 'Again' }), '2026-11-02'),
    ].map((plan) => (plan.ok ? 'ok' : plan.reason));
    expect(reasons).toEqual(['value', 'confidence', 'no-change-moves', 'nothing-changed', 'already-recorded']);
  });

  it('dates a check-in without a change on its day, and a change only when a day is given', () => {
    expect(planCheckin(feedback, ask({ note: 'Waiting' }), '2026-11-02')).toEqual({
      ok: true,
      unchanged: true,
      edit: { as_of: '2026-11-02' },
      summary: 'no change: still 3.9 points, as of 2026-11-02',
    });
    expect(planCheckin(feedback, ask({ value: '3.9', noChange: true, note: 'Same', asOf: '2026-10-20' }), '2026-11-02')).toMatchObject({ ok: true, edit: { current: 3.9, as_of: '2026-10-20' } });
    expect(planCheckin(feedback, ask({ value: '4.1' }), '2026-11-02')).toEqual({ ok: true, unchanged: false, edit: { current: 4.1 }, summary: '3.9 → 4.1 points' });
    expect(planCheckin(feedback, ask({ value: '4.1', asOf: '2026-10-30' }), '2026-11-02')).toMatchObject({ ok: true, edit: { current: 4.1, as_of: '2026-10-30' } });
  });
});
