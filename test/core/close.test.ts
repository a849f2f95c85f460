import { describe, expect, it } from 'vitest';
import { closePeriod, gradeOf, nextPeriod, setGrade } from '../../src/core/close.ts';
import { parseObjective } from '../../src/core/parse.ts';

const TEXT = `---
# the talks objective
title: Deliver engaging presentations   # kept
period: 2026-Q4
type: committed
key_results:
  - id: feedback
    title: Raise average audience feedback from 3.6 to 4.5
    baseline: 3.6
    target: 4.5
    current: 4.2   # after the November talk
  - id: course
    title: Pass the final assessment of a public-speaking course
    done: true
---
Body stays.
`;

function objective(path: string, text: string) {
  const parsed = parseObjective(path, text);
  return { path, id: parsed.data!.id ?? path.slice(path.lastIndexOf('/') + 1, -3), text, data: parsed.data! };
}

describe('closing a period', () => {
  it('grades on Google’s scale, one decimal', () => {
    expect(gradeOf(objective('okrs/2026-q4/talks.md', TEXT).data)).toBe(0.8);
  });

  it('writes the grade in place and keeps comments and formatting', () => {
    const graded = setGrade(TEXT, 0.8);
    expect(graded).toBe(TEXT.replace('type: committed\n', 'type: committed\ngrade: 0.8\n'));
    expect(setGrade(graded, 0.5)).toBe(TEXT.replace('type: committed\n', 'type: committed\ngrade: 0.5\n'));
  });

  it('names the next period of a quarter, half, year and month', () => {
    expect([nextPeriod('2026-Q4'), nextPeriod('2026-Q1'), nextPeriod('2026-H2'), nextPeriod('2026'), nextPeriod('2026-12'), nextPeriod('2026-10-01..2026-12-01')]).toEqual([
      '2027-Q1',
      '2026-Q2',
      '2027-H1',
      '2027',
      '2027-01',
      undefined,
    ]);
  });

  it('writes a retro with every key result, the headings to fill in and a postmortem section for a committed miss', () => {
    const plan = closePeriod([objective('okrs/2026-q4/talks.md', TEXT)], '2026-Q4', { carryForward: true, exists: () => false });
    expect(plan.graded.map((file) => [file.path, file.grade])).toEqual([['okrs/2026-q4/talks.md', 0.8]]);
    const retro = plan.created.find((file) => file.path === 'okrs/2026-q4/retro.md')!.text;
    expect(retro).toContain('| Raise average audience feedback from 3.6 to 4.5 | 4.2 | 67% | 0.7 |');
    expect(retro).toContain('| Pass the final assessment of a public-speaking course | done | 100% | 1.0 |');
    for (const heading of ['## What went well', '## What did not go well', '## What we change', '## Postmortems', '### talks', '## Carried forward']) expect(retro).toContain(heading);
    const carried = plan.created.find((file) => file.path === 'okrs/2027-q1/talks-2027-q1.md')!;
    const data = parseObjective(carried.path, carried.text).data!;
    expect(data).toMatchObject({ id: 'talks-2027-q1', period: '2027-Q1', type: 'committed' });
    expect(data.key_results).toEqual([{ id: 'feedback', title: 'Raise average audience feedback from 3.6 to 4.5', baseline: 4.2, target: 4.5, carried_from: 'talks/feedback' }]);
  });

  it('never overwrites: an edited grade, an existing retro and an existing next file stay', () => {
    const edited = objective('okrs/2026-q4/talks.md', setGrade(TEXT, 1));
    const plan = closePeriod([edited], '2026-Q4', { carryForward: true, exists: () => true });
    expect(plan).toEqual({ graded: [], created: [], kept: ['okrs/2027-q1/talks-2027-q1.md', 'okrs/2026-q4/retro.md'] });
  });
});
