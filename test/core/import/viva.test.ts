import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseViva, readCheckinCell, readParents } from '../../../src/core/import/viva.ts';

const FIXTURE = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/import/viva-export.csv'), 'utf8');
const USERS = [
  { name: 'Jane Doe', email: 'jane@example.com', github: 'janedoe' },
  { name: 'Bob Smith', email: 'bob@example.com', github: '@bobsmith' },
];

describe('the Viva Goals export', () => {
  it('reads several parents, highest weight first, with parentheses and commas in their titles', () => {
    expect(readParents('Grow, fast (2025)(weight: 14.29%, Id: 2295704), Hire well(weight: 85.71%, Id: 7)')).toEqual([
      { id: '7', weight: 85.71 },
      { id: '2295704', weight: 14.29 },
    ]);
  });

  it('splits the Checkins cell into records, notes with semicolons kept whole', () => {
    const records = readCheckinCell(
      'Checkin Date: 2025-03-10; User: Jane Doe; Note: went ok; mostly; Metric Name: X; Status: On Track; Current Value: 25%; Activity Date: 2025-03-10 20:57:08 UTC;\nCheckin Date: 2025-03-11; User: Bob; Note: ; Current Value: 30%;',
    );
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ 'Checkin Date': '2025-03-10', User: 'Jane Doe', Note: 'went ok; mostly', 'Current Value': '25%', 'Activity Date': '2025-03-10 20:57:08 UTC' });
    expect(records[1]).toMatchObject({ User: 'Bob', Note: '', 'Current Value': '30%' });
  });

  it('maps objectives, key results, deliverables and check-ins of the fixture', () => {
    const plan = parseViva(FIXTURE, USERS);
    expect(plan.report.counts).toEqual({ objectives: 3, keyResults: 4, initiatives: 2, checkins: 5 });
    const talks = plan.objectives.find((objective) => objective.sourceId === '1002')!;
    expect(talks).toMatchObject({ type: 'committed', owner: 'janedoe', coOwners: ['bobsmith'], folder: 'platform/2025-q1', period: '2025-Q1', alignedTo: ['grow-the-company', 'hire-well-2025'] });
    expect(talks.description).toContain('talks bring customers\nand hires');
    expect(talks.initiatives).toEqual([
      { title: 'Book the venue, the screen and the mics', done: true },
      { title: 'Write the speaker guide', done: false },
    ]);
    const [feedback, trained, contract] = talks.keyResults;
    expect(feedback).toMatchObject({ baseline: 3.2, target: 4.5 });
    expect(feedback!.checkins.map((checkin) => [checkin.date, checkin.user, checkin.note, checkin.value])).toEqual([
      ['2025-01-20', 'janedoe', 'First talk; feedback was "ok", not great', 3.6],
      ['2025-02-14', 'bobsmith', 'Second talk\nwent better', 4.1],
    ]);
    expect(trained).toMatchObject({ baseline: 0, target: 100, unit: '%' });
    expect(contract).toMatchObject({ done: false });
    expect(contract!.checkins[0]).toMatchObject({ done: true });
    const hiring = plan.objectives.find((objective) => objective.sourceId === '1003')!;
    expect(hiring.keyResults[0]).toMatchObject({ baseline: 60, target: 40, unit: 'days' });
  });

  it('reads renamed object types leniently and says how it read each', () => {
    const { objectTypes } = parseViva(FIXTURE).report;
    expect(objectTypes).toMatchObject({ Goal: 'objective', Outcome: 'key result', Project: 'deliverable', objective: 'objective' });
  });

  it('reports a malformed row and an unreadable cell with their lines, and imports the rest', () => {
    const { report } = parseViva(FIXTURE, USERS);
    expect(report.problems).toEqual([
      { line: 15, message: 'Row has 2 cells, the header 20; skipped' },
      { line: 16, message: 'Key result 2005: could not read `Start` "fifty" or `Target` "80" as numbers; skipped' },
    ]);
    expect(report.unmappedColumns).toEqual(['Tags']);
    expect(report.ownersWithoutHandle).toEqual(['Ann Lee', 'Carol Jones']);
  });

  it('keeps a single team in one folder per period', () => {
    const text = 'Id,Title,Team,Owner,Period,Start Date,End Date,Object Type,Aligned To (weight, Objective ID),Start,Target\n1,Grow,Sales,Ann,FY2026 Q2,2026-04-01,2026-06-30,Objective,,,\n';
    const plan = parseViva(text.replace('Aligned To (weight, Objective ID)', '"Aligned To (weight, Objective ID)"'));
    expect(plan.objectives[0]).toMatchObject({ folder: '2026-q2', period: '2026-Q2' });
  });
});
