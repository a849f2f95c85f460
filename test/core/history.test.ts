import { describe, expect, it } from 'vitest';
import type { CommitStep, FileChange } from '../../src/core/history.ts';
import { HIDDEN_MESSAGE, publicHistory } from '../../src/core/publish.ts';
import { build, change } from '../fixtures/builder-steps.ts';
import { MISSION, objectiveText, type KeyResultFields } from '../helpers/git-repo.ts';

function step(commit: string, date: string, changes: FileChange[], message = `check-in ${commit}`): CommitStep {
  return { commit, date, author: 'Jane Doe', message, changes };
}

function talks(krs: KeyResultFields[], extra: Record<string, unknown> = {}): string {
  return objectiveText({ key_results: krs, ...extra });
}

const feedback = (current?: number, more: Record<string, unknown> = {}) => ({ id: 'feedback', baseline: 3.6, target: 4.5, ...(current === undefined ? {} : { current }), ...more });

describe('HistoryBuilder', () => {
  it('adds a point only when a value or the confidence changes', () => {
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks([feedback()]))]),
      step('b', '2026-10-08', [change('M', 'okrs/q4/talks.md', talks([feedback(3.9)]))]),
      step('c', '2026-10-09', [change('M', 'okrs/q4/talks.md', talks([feedback(3.9)], { title: 'Give engaging talks' }))]),
      step('d', '2026-10-15', [change('M', 'okrs/q4/talks.md', talks([feedback(3.9, { confidence: 0.8 })], { title: 'Give engaging talks' }))]),
    ]);
    const [objective] = history.objectives;
    expect(objective?.title).toBe('Give engaging talks');
    expect(objective?.keyResults[0]?.series.map((point) => [point.commit, point.value, point.confidence])).toEqual([
      ['a', null, undefined],
      ['b', 3.9, undefined],
      ['d', 3.9, 0.8],
    ]);
  });

  it('turns each commit that moves a key result into a check-in, newest first', () => {
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks([feedback(3.6, { confidence: 0.5 })]))]),
      step('b', '2026-10-08', [change('M', 'okrs/q4/talks.md', talks([feedback(4.05, { confidence: 0.5 })]))], 'First talk\n\nGood room.'),
      step('c', '2026-10-15', [change('M', 'okrs/q4/talks.md', talks([feedback(4.05, { confidence: 0.7 })]))]),
    ]);
    expect(history.checkins.map((checkin) => checkin.commit)).toEqual(['c', 'b']);
    expect(history.checkins[1]).toEqual({
      commit: 'b',
      date: '2026-10-08',
      author: 'Jane Doe',
      message: 'First talk\n\nGood room.',
      objective: 'talks',
      changes: [{ kr: 'feedback', from: 3.6, to: 4.05, progressFrom: 0, progressTo: 0.5 }],
    });
    expect(history.checkins[0]?.changes).toEqual([{ kr: 'feedback', from: 4.05, to: 4.05, progressFrom: 0.5, progressTo: 0.5, confidenceFrom: 0.5, confidenceTo: 0.7 }]);
  });

  it('scores each point with the definition and the pace of its own day', () => {
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks([{ id: 'course', done: false, due: '2026-10-31' }]))]),
      step('b', '2026-10-16', [change('M', 'okrs/q4/talks.md', talks([{ id: 'course', done: true, due: '2026-10-31' }]))]),
    ]);
    expect(history.objectives[0]?.keyResults[0]?.series.map((point) => [point.value, point.progress, point.expected])).toEqual([
      [0, 0, 0],
      [1, 1, 0], // a milestone is expected only from its due date
    ]);
  });

  it('follows an objective through a delete and an add with the same id in one commit', () => {
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks([feedback(3.6)], { id: 'speaking' }))]),
      step('b', '2026-10-08', [change('D', 'okrs/q4/talks.md'), change('A', 'okrs/q4/a-new-name.md', talks([feedback(4)], { id: 'speaking', title: 'Speak well' }))]),
    ]);
    expect(history.objectives).toHaveLength(1);
    expect(history.objectives[0]).toMatchObject({ id: 'speaking', path: 'okrs/q4/a-new-name.md', previousPaths: ['okrs/q4/talks.md'], deleted: null });
    expect(history.objectives[0]?.keyResults[0]?.series.map((point) => point.value)).toEqual([3.6, 4]);
    expect(history.checkins).toHaveLength(1);
  });

  it('keeps the id from creation when a file without `id:` is renamed, and says how to pin it', () => {
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks([feedback(3.6)]))]),
      step('b', '2026-10-08', [change('R', 'okrs/q4/speaking.md', talks([feedback(3.8)]), 'okrs/q4/talks.md')]),
    ]);
    expect(history.objectives.map((objective) => [objective.id, objective.path, objective.previousPaths])).toEqual([['talks', 'okrs/q4/speaking.md', ['okrs/q4/talks.md']]]);
    expect(history.warnings).toEqual([expect.objectContaining({ commit: 'b', path: 'okrs/q4/speaking.md', message: expect.stringContaining('Add `id: talks`') })]);
  });

  it('splits a git rename whose versions name two different ids', () => {
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks([feedback(3.6)], { id: 'talks' }))]),
      step('b', '2026-10-08', [change('R', 'okrs/q4/writing.md', talks([feedback(3.6)], { id: 'writing' }), 'okrs/q4/talks.md')]),
    ]);
    expect(history.objectives.map((objective) => [objective.id, objective.deleted?.commit ?? null])).toEqual([
      ['talks', 'b'],
      ['writing', null],
    ]);
  });

  it('archives a deleted objective and brings it back when the file returns', () => {
    const deleted = build([step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks([feedback(3.6)]))]), step('b', '2026-10-08', [change('D', 'okrs/q4/talks.md')])]);
    expect(deleted.objectives[0]?.deleted).toEqual({ date: '2026-10-08', commit: 'b' });
    const restored = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks([feedback(3.6)]))]),
      step('b', '2026-10-08', [change('D', 'okrs/q4/talks.md')]),
      step('c', '2026-10-09', [change('A', 'okrs/q4/talks.md', talks([feedback(3.7)]))]),
    ]);
    expect(restored.objectives).toHaveLength(1);
    expect(restored.objectives[0]?.deleted).toBeNull();
    expect(restored.objectives[0]?.keyResults[0]?.series.map((point) => point.value)).toEqual([3.6, 3.7]);
  });

  it('skips a version that fails the schema with a warning and continues from the next valid one', () => {
    const broken = talks([feedback(3.6)]).replace('current: 3.6', 'current: "3,9"');
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks([feedback(3.6)]))]),
      step('b', '2026-10-08', [change('M', 'okrs/q4/talks.md', broken)]),
      step('c', '2026-10-09', [change('M', 'okrs/q4/talks.md', talks([feedback(3.9)]))]),
    ]);
    expect(history.objectives[0]?.keyResults[0]?.series.map((point) => [point.commit, point.value])).toEqual([
      ['a', 3.6],
      ['c', 3.9],
    ]);
    expect(history.checkins.map((checkin) => [checkin.commit, checkin.changes[0]?.from])).toEqual([['c', 3.6]]);
    expect(history.warnings).toEqual([{ message: expect.stringMatching(/okrs\/q4\/talks\.md at commit b, line 9: .*current/), commit: 'b', path: 'okrs/q4/talks.md', line: 9 }]);
  });

  it('dates a change by `as_of` when it is set with the change, and by the commit otherwise', () => {
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks([feedback(3.6)]))]),
      step('b', '2026-10-20', [change('M', 'okrs/q4/talks.md', talks([feedback(3.8, { as_of: '2026-10-12' })]))]),
      step('c', '2026-10-27', [change('M', 'okrs/q4/talks.md', talks([feedback(4.0, { as_of: '2026-10-12' })]))]),
      step('d', '2026-11-03', [change('M', 'okrs/q4/talks.md', talks([feedback(4.1, { as_of: '2026-11-09' })]))]),
    ]);
    expect(history.objectives[0]?.keyResults[0]?.series.map((point) => point.date)).toEqual(['2026-10-01', '2026-10-12', '2026-10-27', '2026-11-03']);
    expect(history.checkins.find((checkin) => checkin.commit === 'b')).toMatchObject({ date: '2026-10-12', committed: '2026-10-20' });
    expect(history.warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('`as_of: 2026-11-09` of key result `feedback` is after the commit date')]);
  });

  it('never dates a point before the point before it', () => {
    const history = build([
      step('a', '2026-10-10', [change('A', 'okrs/q4/talks.md', talks([feedback(3.6)]))]),
      step('b', '2026-10-20', [change('M', 'okrs/q4/talks.md', talks([feedback(3.8, { as_of: '2026-10-02' })]))]),
    ]);
    expect(history.objectives[0]?.keyResults[0]?.series.map((point) => point.date)).toEqual(['2026-10-10', '2026-10-10']);
  });

  it('takes the owner from the nearest mission when the objective names none', () => {
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/mission.md', MISSION), change('A', 'okrs/q4/talks.md', talks([feedback()])), change('A', 'okrs/q4/own.md', talks([feedback()], { owner: 'sam' }))]),
    ]);
    expect(history.missions).toEqual([{ path: 'okrs/mission.md', mission: 'Be an ideal candidate for promotion or hire.', owner: 'jane', body: 'The why.\n' }]);
    expect(history.objectives.map((objective) => [objective.id, objective.owner])).toEqual([
      ['own', 'sam'],
      ['talks', 'jane'],
    ]);
  });

  it('marks an objective private by its latest version, and publicHistory leaves it and its check-ins out', () => {
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks([feedback(3.6)])), change('A', 'okrs/q4/health.md', talks([feedback(3.6)], { title: 'Sleep more' }))]),
      step('b', '2026-10-08', [change('M', 'okrs/q4/health.md', talks([feedback(3.9)], { title: 'Sleep more', private: true })), change('M', 'okrs/q4/talks.md', talks([feedback(3.8)]))]),
    ]);
    expect(history.objectives.map((objective) => [objective.id, objective.private])).toEqual([
      ['health', true],
      ['talks', false],
    ]);
    const published = publicHistory(history);
    expect(published.objectives.map((objective) => objective.id)).toEqual(['talks']);
    expect(published.checkins.map((checkin) => [checkin.objective, checkin.message])).toEqual([['talks', HIDDEN_MESSAGE]]);
  });

  it('lists two objectives that claim one id under distinct ids, with a warning', () => {
    const history = build([step('a', '2026-10-01', [change('A', 'okrs/q3/talks.md', talks([feedback()])), change('A', 'okrs/q4/talks.md', talks([feedback()]))])]);
    expect(history.objectives.map((objective) => objective.id)).toEqual(['talks', 'talks-2']);
    expect(history.warnings[0]?.message).toContain('`talks` is used twice');
  });

  it('is empty, without errors, when nothing was ever committed', () => {
    expect(build([])).toEqual({ generatedAt: '2026-11-25', repo: 'repo', missions: [], objectives: [], checkins: [], warnings: [] });
  });
});
