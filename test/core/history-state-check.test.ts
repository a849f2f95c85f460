import { describe, expect, it } from 'vitest';
import { isCheckinState, isSeriesPoint } from '../../src/core/history-state-check.ts';
import { CheckinStateSchema } from '../../src/core/history-state.ts';
import { SeriesPointSchema } from '../../src/core/history-types.ts';

/** Every value a key of a JSON object can hold, and those of each kind near a bound. */
const VALUES: unknown[] = [undefined, null, true, '', 'x', '2026-10-01', '2026-10-01T08:00', '26-10-01', -1, 0, 0.5, 1, 1.5, 3, 2 ** 53, [], {}, [0], { a: 1 }];

/** The value with one key changed to each of VALUES (undefined: left out), and with a key it never has. */
function* variants(value: Record<string, unknown>): Generator<Record<string, unknown>> {
  for (const key of Object.keys(value)) {
    for (const other of VALUES) {
      const changed = { ...value };
      if (other === undefined) delete changed[key];
      else changed[key] = other;
      yield changed;
    }
  }
}

const POINT = { date: '2026-10-01', commit: 'a'.repeat(40), value: 3.5, progress: 0.25, expected: 0.1, confidence: 0.7 };
const CHANGE = { kr: 'kr-1', from: 3, to: 3.5, progressFrom: 0, progressTo: 0.25, confidenceFrom: null, confidenceTo: 0.7 };
const CHECKIN = { commit: 'b'.repeat(40), date: '2026-10-01', committed: '2026-10-02', author: 'Jane', message: 'Check-in\n\nNotes', objective: 2, changes: [CHANGE] };

describe('the checks of the cached series points and check-ins', () => {
  it('accept what the schemas accept and refuse what they refuse, one key changed at a time', () => {
    let compared = 0;
    for (const point of [POINT, { ...POINT, value: null, expected: null }, ...variants(POINT)]) {
      expect([point, isSeriesPoint(point)]).toEqual([point, SeriesPointSchema.safeParse(point).success]);
      compared++;
    }
    const changes = [CHANGE, ...variants(CHANGE)];
    for (const checkin of [CHECKIN, { ...CHECKIN, changes: [] }, ...variants(CHECKIN), ...changes.map((change) => ({ ...CHECKIN, changes: [CHANGE, change] }))]) {
      expect([checkin, isCheckinState(checkin)]).toEqual([checkin, CheckinStateSchema.safeParse(checkin).success]);
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('refuse a key the cache never writes, which the schemas would drop', () => {
    expect(isSeriesPoint({ ...POINT, private: true })).toBe(false);
    expect(isCheckinState({ ...CHECKIN, title: 'x' })).toBe(false);
    expect(isCheckinState({ ...CHECKIN, changes: [{ ...CHANGE, weight: 2 }] })).toBe(false);
    expect(isSeriesPoint(JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(POINT).slice(1)}`))).toBe(false);
  });

  it('refuse what is not an object', () => {
    for (const value of [null, undefined, 3, 'x', [], [POINT]]) {
      expect(isSeriesPoint(value)).toBe(false);
      expect(isCheckinState(value)).toBe(false);
    }
  });
});
