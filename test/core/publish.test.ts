import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIDDEN_MESSAGE, mentionsAny, publicHistory } from '../../src/core/publish.ts';
import { historyFrom } from '../fixtures/history-builder.ts';

const Q4 = { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' };

function sample(privateSecret = true) {
  const history = historyFrom({
    now: '2026-11-20',
    objectives: [
      { id: 'talks', title: 'Deliver engaging presentations', period: Q4, created: '2026-10-01', keyResults: [{ id: 'feedback', title: 'Feedback', kind: 'increase', baseline: 3.6, target: 4.5 }] },
      {
        id: 'secret-plan-zq7',
        title: 'Secret plan zq7',
        path: 'okrs/secret-plan-zq7.md',
        period: Q4,
        private: privateSecret,
        created: '2026-10-01',
        keyResults: [{ id: 'x', title: 'X', kind: 'increase', baseline: 0, target: 1 }],
      },
      { id: 'helper', title: 'Helper', period: Q4, alignedTo: 'secret-plan-zq7', created: '2026-10-01', keyResults: [] },
    ],
    checkins: [
      { objective: 'talks', date: '2026-10-20', author: 'Jane', message: 'Talk one\n\nGood room.', values: { feedback: { value: 3.9 } } },
      { objective: 'talks', date: '2026-10-25', author: 'Jane', message: 'Talk two, and Secret plan zq7 moved too', values: { feedback: { value: 4 } } },
      { objective: 'secret-plan-zq7', date: '2026-10-21', author: 'Jane', message: 'secret', values: { x: { value: 1 } } },
    ],
    warnings: [{ message: 'Malformed YAML', path: 'okrs/secret-plan-zq7.md', commit: 'abc' }, { message: 'Malformed YAML in okrs/secret-plan-zq7.md' }, { message: 'Shallow history', commit: 'def' }],
  });
  return history;
}

describe('publicHistory', () => {
  it('drops private objectives, their check-ins, warnings that name them and links to them', () => {
    const published = publicHistory(sample());
    expect(JSON.stringify(published)).not.toMatch(/secret/i);
    expect(published.objectives.map((objective) => objective.id)).toEqual(['talks', 'helper']);
    expect(published.objectives.find((objective) => objective.id === 'helper')!.alignedTo).toBe('mission');
    expect(published.warnings.map((warning) => warning.message)).toEqual(['Shallow history']);
  });

  it('hides the note of a public check-in whose commit also checked in a private objective, or that names it', () => {
    const history = sample();
    const secretCommit = history.checkins.find((checkin) => checkin.objective === 'secret-plan-zq7')!.commit;
    const mixed = { ...history, checkins: history.checkins.map((checkin) => (checkin.message.startsWith('Talk one') ? { ...checkin, commit: secretCommit } : checkin)) };
    const messages = publicHistory(mixed).checkins.map((checkin) => checkin.message);
    expect(messages).toEqual([HIDDEN_MESSAGE, HIDDEN_MESSAGE]);
  });

  it('hides objectives named private from outside the history', () => {
    const published = publicHistory(sample(false), new Set(['secret-plan-zq7']));
    expect(published.objectives.map((objective) => objective.id)).toEqual(['talks', 'helper']);
  });

  it('leaves a history without private objectives as it is', () => {
    const history = sample(false);
    expect(publicHistory(history)).toEqual(history);
  });

  it('hides the note of every commit the history lists as having changed a private file', () => {
    const history = sample();
    const talkOne = history.checkins.find((checkin) => checkin.message.startsWith('Talk one'))!;
    const published = publicHistory({ ...history, privateCommits: [talkOne.commit] });
    expect(published.checkins.find((checkin) => checkin.commit === talkOne.commit)?.message).toBe(HIDDEN_MESSAGE);
    expect(published).not.toHaveProperty('privateCommits');
  });

  it('links an objective aligned to a key result of a private objective, or to no published one, to the mission', () => {
    const history = sample();
    const aligned = (alignedTo: string) => ({ ...history, objectives: history.objectives.map((objective) => (objective.id === 'helper' ? { ...objective, alignedTo } : objective)) });
    const alignedTo = (published: ReturnType<typeof publicHistory>) => published.objectives.find((objective) => objective.id === 'helper')!.alignedTo;
    expect(alignedTo(publicHistory(aligned('secret-plan-zq7/x')))).toBe('mission');
    expect(alignedTo(publicHistory(aligned('nowhere-zq7')))).toBe('mission');
    expect(alignedTo(publicHistory(aligned('talks/feedback')))).toBe('talks/feedback');
  });

  it('drops a parent that is not published from a list of several, and keeps the order of the rest', () => {
    const history = historyFrom({
      now: '2026-11-20',
      objectives: ['sales', 'platform', 'web']
        .map((id) => ({ id, title: id, period: Q4, created: '2026-10-01', keyResults: [] }))
        .concat([
          { id: 'secret-zq7', title: 'Secret zq7', period: Q4, created: '2026-10-01', keyResults: [], private: true } as never,
          { id: 'billing', title: 'Billing', period: Q4, created: '2026-10-01', keyResults: [], alignedTo: ['platform', 'secret-zq7', 'sales'] } as never,
          { id: 'api', title: 'API', period: Q4, created: '2026-10-01', keyResults: [], alignedTo: ['secret-zq7', 'web'] } as never,
          { id: 'ops', title: 'Ops', period: Q4, created: '2026-10-01', keyResults: [], alignedTo: ['secret-zq7', 'gone-zq7'] } as never,
        ]),
      checkins: [],
    });
    const published = publicHistory(history);
    const alignedOf = (id: string) => published.objectives.find((objective) => objective.id === id)!.alignedTo;
    expect(alignedOf('billing')).toEqual(['platform', 'sales']);
    expect(alignedOf('api')).toBe('web');
    expect(alignedOf('ops')).toBe('mission');
    expect(JSON.stringify(published)).not.toMatch(/zq7/);
  });

  it('leaves Obsidian comments out of mission bodies', () => {
    const history = { ...sample(), missions: [{ path: 'okrs/mission.md', mission: 'M', owner: null, body: 'Why %% hidden zq7 %% we\n%%\nblock zq7\n%%\nend' }] };
    expect(publicHistory(history).missions[0]?.body).toBe('Why  we\nend');
  });

  it('finds a hidden word in a text exactly where a search for each word would, short words and shared beginnings included', () => {
    // Few letters, so that words overlap, share their first characters and turn up inside the texts.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '/', 'é', '😀'), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), fc.array(text, { maxLength: 8 }), (words, texts) => {
        const mentions = mentionsAny(words);
        for (const each of texts) expect(mentions(each)).toBe(words.some((word) => each.includes(word)));
        expect(mentions(undefined)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
