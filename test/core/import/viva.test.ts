import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseViva, parseVivaRows, readCheckinCell, readParents } from '../../../src/core/import/viva.ts';

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

  it("writes an objective's Score as its grade once its period is over, and lists Status and open Scores as not imported", () => {
    const closed = parseViva(FIXTURE, USERS, { now: '2026-12-01' });
    const grades = Object.fromEntries(closed.objectives.map((objective) => [objective.sourceId, objective.grade]));
    expect(grades).toEqual({ '1001': 0.5, '1002': 0.6, '1003': 0.2 });
    expect(closed.report.mapped.scoreAsGrade).toBe(3);
    expect(closed.report.notImported).toEqual([{ column: 'Status', rows: 3, why: 'of objectives: the status follows from progress and the time left' }]);

    const open = parseViva(FIXTURE, USERS, { now: '2025-02-01' });
    expect(open.objectives.map((objective) => objective.grade)).toEqual([undefined, undefined, undefined]);
    expect(open.report.notImported).toContainEqual({ column: 'Score', rows: 3, why: 'of objectives in periods still open: progress comes from the key results' });
  });

  it('reads a closed Status or a percentage Score, and reports a Score it cannot read', () => {
    const text = [
      'Id,Title,Creator,Owner,Period,Object Type,Status,Score',
      '1,Grow the company,Ann Lee,,Q1 2026,Objective,Closed,72%',
      '2,Hire well,Ann Lee,Bob Smith,Q1 2026,Objective,Completed,plenty',
      '3,Ship the app,,,Q1 2026,Objective,On Track,0.4',
    ].join('\n');
    const plan = parseViva(text, [{ name: 'Ann Lee', github: 'annlee' }], { now: '2026-02-01' });
    expect(plan.objectives.map((objective) => [objective.sourceId, objective.owner, objective.grade])).toEqual([
      ['1', 'annlee', 0.7],
      ['2', 'Bob Smith', undefined],
      ['3', undefined, undefined],
    ]);
    expect(plan.report.mapped).toEqual({ creatorAsOwner: 1, scoreAsGrade: 1 });
    expect(plan.report.problems).toEqual([{ line: 3, message: 'Objective 2: could not read `Score` "plenty" as a grade from 0 to 1 or 0% to 100%; left without `grade:`' }]);
  });

  it('takes the rows of a sheet as the CSV, line numbers included', () => {
    const header = ['Id', 'Title', 'Owner', 'Period', 'Object Type', 'Aligned To (weight, Objective ID)', 'Start', 'Target'];
    const plan = parseVivaRows([
      { line: 1, cells: header },
      { line: 2, cells: ['1', 'Grow, fast', 'Ann', 'Q1 2026', 'Objective', '', '', ''] },
      { line: 3, cells: ['2', 'Raise revenue\nfrom 1 to 2', 'Ann', 'Q1 2026', 'Key result', 'Grow, fast(weight: 100%, Id: 1)', '1', '2'] },
      { line: 5, cells: ['3', 'Broken'] },
    ]);
    expect(plan.objectives[0]).toMatchObject({ title: 'Grow, fast', keyResults: [{ title: 'Raise revenue\nfrom 1 to 2', baseline: 1, target: 2 }] });
    expect(plan.report.problems).toEqual([{ line: 5, message: 'Row has 2 cells, the header 8; skipped' }]);
  });

  it('keeps a single team in one folder per period', () => {
    const text = 'Id,Title,Team,Owner,Period,Start Date,End Date,Object Type,Aligned To (weight, Objective ID),Start,Target\n1,Grow,Sales,Ann,FY2026 Q2,2026-04-01,2026-06-30,Objective,,,\n';
    const plan = parseViva(text.replace('Aligned To (weight, Objective ID)', '"Aligned To (weight, Objective ID)"'));
    expect(plan.objectives[0]).toMatchObject({ folder: '2026-q2', period: '2026-Q2' });
  });
});
