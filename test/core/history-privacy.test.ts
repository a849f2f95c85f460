/** The history's identity rules at the line between private and public objectives. */
import { describe, expect, it } from 'vitest';
import type { CommitStep, FileChange } from '../../src/core/history.ts';
import { HIDDEN_MESSAGE, publicHistory } from '../../src/core/publish.ts';
import { build, change } from '../fixtures/builder-steps.ts';
import { objectiveText } from '../helpers/git-repo.ts';

function step(commit: string, date: string, changes: FileChange[], message = `note ${commit}`): CommitStep {
  return { commit, date, author: 'Jane Doe', message, changes };
}

const hiring = (current: number, extra: Record<string, unknown> = {}) => objectiveText({ title: 'Hire two engineers', key_results: [{ id: 'hires', baseline: 0, target: 2, current }], ...extra });
const secret = (current: number, extra: Record<string, unknown> = {}) =>
  objectiveText({ title: 'Quiet plan kq3v', owner: 'owner-kq3v', private: true, key_results: [{ id: 'layoffs-kq3v', baseline: 0, target: 5, current }], ...extra });
const talks = (current: number) => objectiveText({ title: 'Give talks', key_results: [{ id: 'feedback', baseline: 3.6, target: 4.5, current }] });

const published = (steps: CommitStep[]) => JSON.stringify(publicHistory(build(steps)));

describe('history never joins a private life to a public one', () => {
  it('starts a new objective, with a warning, when a public file takes the file name of a deleted private objective', () => {
    const steps = [
      step('a', '2026-07-01', [change('A', 'okrs/2026-q3/hiring.md', secret(1, { period: '2026-Q3' }))], 'Plan kq3v'),
      step('b', '2026-07-20', [change('M', 'okrs/2026-q3/hiring.md', secret(3, { period: '2026-Q3' }))], 'Told the board kq3v'),
      step('c', '2026-09-30', [change('D', 'okrs/2026-q3/hiring.md')], 'End of quarter kq3v'),
      step('d', '2026-10-01', [change('A', 'okrs/2026-q4/hiring.md', hiring(0))], 'Plan Q4'),
      step('e', '2026-10-08', [change('M', 'okrs/2026-q4/hiring.md', hiring(1))], 'First hire'),
    ];
    const history = build(steps);
    const open = history.objectives.find((objective) => objective.deleted === null)!;
    expect(open).toMatchObject({ id: 'hiring', path: 'okrs/2026-q4/hiring.md', previousPaths: [], private: false, created: { commit: 'd' } });
    expect(open.keyResults[0]?.series.map((point) => point.value)).toEqual([0, 1]);
    expect(history.warnings).toContainEqual(expect.objectContaining({ commit: 'd', message: expect.stringContaining('starts a new objective') }));
    expect(history.warnings.find((warning) => warning.commit === 'd')?.message).not.toContain('2026-q3');
    expect(published(steps)).not.toMatch(/kq3v|2026-q3/);
  });

  it('does not join a git rename from a private file to a public one, nor the other way', () => {
    const toPublic = [
      step('a', '2026-10-01', [change('A', 'okrs/q4/plan-kq3v.md', secret(1))]),
      step('b', '2026-10-08', [change('R', 'okrs/q4/hiring.md', hiring(1), 'okrs/q4/plan-kq3v.md')], 'Rename kq3v'),
    ];
    const history = build(toPublic);
    expect(history.objectives.map((objective) => [objective.id, objective.private, objective.previousPaths])).toEqual([
      ['hiring', false, []],
      ['plan-kq3v', true, []],
    ]);
    expect(published(toPublic)).not.toMatch(/kq3v/);

    const toPrivate = build([step('a', '2026-10-01', [change('A', 'okrs/q4/hiring.md', hiring(1))]), step('b', '2026-10-08', [change('R', 'okrs/q4/plan.md', secret(1), 'okrs/q4/hiring.md')])]);
    expect(toPrivate.objectives.map((objective) => [objective.id, objective.private, objective.deleted?.commit ?? null])).toEqual([
      ['hiring', false, 'b'],
      ['plan', true, null],
    ]);
  });

  it('keeps a renamed private file private, with its series', () => {
    const steps = [step('a', '2026-10-01', [change('A', 'okrs/q4/plan-kq3v.md', secret(1))]), step('b', '2026-10-08', [change('R', 'okrs/q4/other.md', secret(2), 'okrs/q4/plan-kq3v.md')])];
    const history = build(steps);
    expect(history.objectives.map((objective) => [objective.private, objective.previousPaths])).toEqual([[true, ['okrs/q4/plan-kq3v.md']]]);
    expect(published(steps)).not.toMatch(/kq3v|other\.md/);
  });

  it('starts over when a private objective is made public in place: nothing of its private past is published', () => {
    const steps = [
      step('a', '2026-10-01', [change('A', 'okrs/q4/plan.md', secret(1))], 'Start kq3v'),
      step('b', '2026-10-05', [change('M', 'okrs/q4/plan.md', secret(2))], 'Progress kq3v'),
      step('c', '2026-10-10', [change('M', 'okrs/q4/plan.md', hiring(2))], 'Going public kq3v'),
      step('d', '2026-10-15', [change('M', 'okrs/q4/plan.md', hiring(3))], 'Third hire'),
    ];
    const history = build(steps);
    expect(history.objectives[0]).toMatchObject({ private: false, created: { commit: 'c' } });
    expect(history.objectives[0]?.keyResults[0]?.series.map((point) => point.commit)).toEqual(['c', 'd']);
    expect(history.checkins.map((checkin) => checkin.commit)).toEqual(['d']);
    expect(published(steps)).not.toMatch(/kq3v/);
  });
});

describe('notes of commits that change a private file are hidden', () => {
  const base = [step('a', '2026-10-01', [change('A', 'okrs/q4/talks.md', talks(3.6)), change('A', 'okrs/q4/plan.md', secret(1))])];
  const mixed = (changes: FileChange[]) => {
    const steps = [...base, step('b', '2026-10-08', [change('M', 'okrs/q4/talks.md', talks(3.9)), ...changes], 'Talk one went well')];
    return publicHistory(build(steps)).checkins.map((checkin) => checkin.message);
  };

  it('when the commit creates a private objective', () => {
    expect(mixed([change('A', 'okrs/q4/new.md', secret(0, { title: 'Another one' }))])).toEqual([HIDDEN_MESSAGE]);
  });

  it('when the commit deletes a private objective', () => {
    expect(mixed([change('D', 'okrs/q4/plan.md')])).toEqual([HIDDEN_MESSAGE]);
  });

  it('when the commit edits a private objective without changing a value', () => {
    expect(mixed([change('M', 'okrs/q4/plan.md', secret(1, { title: 'Reworded' }))])).toEqual([HIDDEN_MESSAGE]);
  });

  it('when the commit makes a public objective private, or a private one public', () => {
    expect(mixed([change('A', 'okrs/q4/other.md', hiring(0)), change('M', 'okrs/q4/plan.md', hiring(1))])).toEqual([HIDDEN_MESSAGE]);
  });

  it('but not when no private file changed', () => {
    expect(mixed([change('A', 'okrs/q4/other.md', hiring(0))])).toEqual(['Talk one went well']);
  });
});

describe('a latest version that may be private is not published', () => {
  const cases: [string, string][] = [
    ['`private: yes`', hiring(1).replace('title:', 'private: yes\ntitle:')],
    ['`private: "true"`', hiring(1).replace('title:', 'private: "true"\ntitle:')],
    ['`private: 1`', hiring(1).replace('title:', 'private: 1\ntitle:')],
    ['`private: true` in a commit that also breaks the YAML', hiring(1).replace('title:', 'private: true\ntitle: [unclosed\nx:')],
    ['a version that cannot be read at all', 'binary\u0000'],
  ];
  for (const [what, text] of cases) {
    it(`with ${what}`, () => {
      const history = build([step('a', '2026-10-01', [change('A', 'okrs/q4/hiring.md', hiring(0))]), step('b', '2026-10-08', [change('M', 'okrs/q4/hiring.md', text)])]);
      expect(history.objectives[0]?.private).toBe(true);
      expect(history.warnings).toContainEqual(expect.objectContaining({ path: 'okrs/q4/hiring.md', message: expect.stringContaining('is not published') }));
      expect(publicHistory(history).objectives).toEqual([]);
    });
  }

  it('with a latest version that fails the schema after the objective was private', () => {
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/plan.md', secret(1))]),
      step('b', '2026-10-05', [change('M', 'okrs/q4/plan.md', hiring(1))]),
      step('c', '2026-10-08', [change('M', 'okrs/q4/plan.md', hiring(1).replace('period: 2026-Q4', 'period: Q9'))]),
    ]);
    expect(history.objectives[0]?.private).toBe(true);
  });

  it('but a public objective whose latest version only fails the schema keeps its last valid version', () => {
    const history = build([
      step('a', '2026-10-01', [change('A', 'okrs/q4/hiring.md', hiring(0))]),
      step('b', '2026-10-08', [change('M', 'okrs/q4/hiring.md', hiring(1).replace('period: 2026-Q4', 'period: Q9'))]),
    ]);
    expect(history.objectives[0]?.private).toBe(false);
  });
});
