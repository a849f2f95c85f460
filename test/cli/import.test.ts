import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { okrIn } from '../helpers/cli.ts';
import { xlsxWorkbook } from '../helpers/xlsx.ts';
import { createRepo, MISSION, removeTempFolders, tempFolder, testGitEnv, type TestRepo } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/import/viva-export.csv');
const ENV = testGitEnv('2026-12-01T12:00:00+00:00', 'Importer');
const USERS = 'name,email,github\nJane Doe,jane@example.com,janedoe\nBob Smith,bob@example.com,bobsmith\n';

interface HistoryJson {
  objectives: { id: string; type: string; alignedTo: string | string[]; keyResults: { id: string; series: { date: string; value: number | null }[] }[] }[];
  checkins: { date: string; author: string; message: string; objective: string; changes: { kr: string; to: number | null }[] }[];
}

async function history(repo: TestRepo): Promise<HistoryJson> {
  const run = await okrIn(['history', '--repo', repo.dir, '--now', '2025-03-31'], { env: ENV });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as HistoryJson;
}

async function importViva(repo: TestRepo, ...flags: string[]) {
  const users = path.join(tempFolder(), 'users.csv');
  writeFileSync(users, USERS);
  return okrIn(['import', 'viva', FIXTURE, '--users', users, '--repo', repo.dir, ...flags], { env: ENV });
}

describe('okr import viva', () => {
  it('writes files that pass the schema and one backdated commit per check-in, oldest first, with its note', async () => {
    const repo = createRepo();
    const run = await importViva(repo);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('wrote 3 file(s), 6 commit(s)');
    expect(run.stdout).toContain('viva-export.csv:15: Row has 2 cells');
    repo.write('okrs/mission.md', MISSION);
    const lint = await okrIn(['lint', path.join(repo.dir, 'okrs'), '--format', 'json', '--now', '2025-03-31'], { env: ENV });
    const findings = (JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[]).flatMap((file) => file.messages);
    expect(findings.filter((finding) => finding.ruleId === 'schema')).toEqual([]);

    const log = repo.git(['log', '--reverse', '--format=%ad|%an <%ae>|%s|%(trailers:key=Imported-From,valueonly,separator=%x2C%x20)', '--date=short']).trim().split('\n').filter(Boolean);
    expect(log[0]).toMatch(/^2025-01-01\|Importer <jane@example.com>\|Import 3 objective\(s\) from Viva Goals\|viva-goals 1001/);
    expect(log[1]).toBe('2025-01-20|Jane Doe <jane@example.com>|First talk; feedback was "ok", not great|viva-goals 2001 2025-01-20 09:10:00 UTC');

    const { checkins, objectives } = await history(repo);
    expect(checkins.map((checkin) => [checkin.date, checkin.author, checkin.message.split('\n')[0]]).reverse()).toEqual([
      ['2025-01-20', 'Jane Doe', 'First talk; feedback was "ok", not great'],
      ['2025-02-01', 'Carol Jones', 'Slow start'],
      ['2025-02-14', 'Bob Smith', 'Second talk'],
      ['2025-02-20', 'Jane Doe', 'Signed'],
      ['2025-03-10', 'Jane Doe', 'A quarter trained'],
    ]);
    const talks = objectives.find((objective) => objective.id === 'deliver-engaging-presentations-live-and-recorded')!;
    expect(talks).toMatchObject({ type: 'committed', alignedTo: ['grow-the-company', 'hire-well-2025'] });
    expect(talks.keyResults[0]!.series.map((point) => [point.date, point.value])).toEqual([
      ['2025-01-01', 3.2],
      ['2025-01-20', 3.6],
      ['2025-02-14', 4.1],
    ]);
    const body = readFileSync(path.join(repo.dir, 'okrs/platform/2025-q1/deliver-engaging-presentations-live-and-recorded.md'), 'utf8');
    expect(body).toContain('- [x] Book the venue, the screen and the mics');
    expect(body).toContain('aligned_to:\n  - grow-the-company\n  - hire-well-2025\n');
    expect(body).not.toContain('Also aligned to');
  });

  it('changes nothing the second time', async () => {
    const repo = createRepo();
    await importViva(repo);
    const head = repo.head();
    const again = await importViva(repo);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('wrote 0 file(s), 0 commit(s); 5 check-in(s) already imported');
    expect(repo.head()).toBe(head);
    expect(repo.git(['status', '--porcelain'])).toBe('');
  });

  it('writes none of the objectives and commits nothing when one cannot be written, and says so', async () => {
    const repo = createRepo();
    // A file where the people's folder should be: hire-well-2025 cannot be written.
    repo.write('okrs/people', 'not a folder\n');
    const run = await importViva(repo);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^okr: cannot write okrs\/people\/2025-q1\/hire-well-2025\.md: (EEXIST|ENOTDIR) .*\n/);
    expect(run.stderr).toContain('okr: none of the 3 file(s) was written; each is as it was; nothing was committed\n');
    expect(run.stderr).toContain('okr: imported before it: 0 file(s), 0 commit(s); the rest was not imported. Run the same import again');
    expect(repo.git(['status', '--porcelain', '--untracked-files=all'])).toBe('?? okrs/people\n');
    expect(() => repo.head()).toThrow();
  });

  it('prints the mapping report with --dry-run and writes nothing', async () => {
    const repo = createRepo();
    const run = await importViva(repo, '--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('3 objective(s), 4 key result(s), 2 initiative(s), 5 check-in(s)');
    expect(run.stdout).toContain('columns not imported: Tags');
    expect(run.stdout).toContain('people without a handle (kept as names; map them with --users name,email,github): Ann Lee, Carol Jones');
    expect(run.stdout).toContain('viva-export.csv:16: Key result 2005: could not read `Start` "fifty"');
    expect(run.stdout).toContain('dry run: nothing written');
    expect(repo.git(['status', '--porcelain', '--untracked-files=all'])).toBe('');
    expect(() => repo.head()).toThrow();
  });
});

describe('okr import viva with an XLSX export', () => {
  /** The fixture's rows as a sheet: numbers as number cells, text (multi-line cells, commas, quotes) as strings; the malformed line left out. */
  function fixtureWorkbook(): Buffer {
    const records = parse(readFileSync(FIXTURE, 'utf8'), { relax_column_count: true }) as string[][];
    const rows = records.filter((record) => record.length === records[0]!.length).map((record) => record.map((value) => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value)));
    return xlsxWorkbook(rows);
  }

  it('reads the first sheet with the same column handling as the CSV and writes the same files', async () => {
    const book = path.join(tempFolder(), 'export.xlsx');
    writeFileSync(book, fixtureWorkbook());
    const users = path.join(tempFolder(), 'users.csv');
    writeFileSync(users, USERS);
    const fromSheet = createRepo();
    const run = await okrIn(['import', 'viva', book, '--users', users, '--repo', fromSheet.dir, '--now', '2026-12-01'], { env: ENV });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('3 objective(s), 4 key result(s), 2 initiative(s), 5 check-in(s)');
    expect(run.stdout).toContain('export.xlsx:11: Key result 2005: could not read `Start` "fifty"');
    expect(run.stdout).toContain('wrote 3 file(s), 6 commit(s)');
    const fromCsv = createRepo();
    await importViva(fromCsv, '--now', '2026-12-01');
    const files = ['platform/2025-q1/deliver-engaging-presentations-live-and-recorded.md', 'leadership/2025-q1/grow-the-company.md', 'people/2025-q1/hire-well-2025.md'];
    for (const file of files) expect(readFileSync(path.join(fromSheet.dir, 'okrs', file), 'utf8')).toBe(readFileSync(path.join(fromCsv.dir, 'okrs', file), 'utf8'));
    const talks = readFileSync(path.join(fromSheet.dir, 'okrs', files[0]!), 'utf8');
    expect(talks).toContain('title: Deliver engaging presentations, "live" and recorded');
    expect(talks).toContain('Why this matters:\ntalks bring customers\nand hires');
    const log = fromSheet.git(['log', '--reverse', '--format=%s', '--date=short']).trim().split('\n');
    expect(log).toContain('Second talk went better');
  });

  it('says so when a file that looks like a workbook cannot be read as one', async () => {
    const book = path.join(tempFolder(), 'broken.xlsx');
    writeFileSync(book, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]));
    const run = await okrIn(['import', 'viva', book, '--repo', createRepo().dir, '--dry-run'], { env: ENV });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('broken.xlsx as an XLSX workbook');
  });
});

describe("Viva's Creator, Status and Score", () => {
  it('reports in the dry run what became a grade and what was not imported', async () => {
    const run = await importViva(createRepo(), '--dry-run', '--now', '2026-12-01');
    expect(run.stdout).toContain('not imported: Status on 3 row(s), of objectives: the status follows from progress and the time left');
    expect(run.stdout).toContain('Score as grade: 3 objective(s) of periods that are over');
  });

  it('writes the grade of a period that is over into the file', async () => {
    const repo = createRepo();
    await importViva(repo, '--now', '2026-12-01');
    expect(readFileSync(path.join(repo.dir, 'okrs/leadership/2025-q1/grow-the-company.md'), 'utf8')).toContain('\ngrade: 0.5\n');
  });
});

describe('okr export csv and okr import csv', () => {
  it('round-trip: export, then import into an empty repository gives the same objectives and check-ins', async () => {
    const source = createRepo();
    await importViva(source);
    const exported = await okrIn(['export', 'csv', '--repo', source.dir, '--now', '2025-03-31'], { env: ENV });
    expect(exported.status).toBe(0);
    expect(exported.stdout.split('\n')[0]).toBe('type,objective,key_result,title,folder,period,owner,goal_type,aligned_to,baseline,target,unit,date,user,value,note');
    const file = path.join(tempFolder(), 'export.csv');
    writeFileSync(file, exported.stdout);
    const target = createRepo();
    const imported = await okrIn(['import', 'csv', file, '--repo', target.dir], { env: ENV });
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('3 objective(s), 4 key result(s), 2 initiative(s), 5 check-in(s)');
    const shape = (h: HistoryJson) => ({
      objectives: h.objectives
        .map((objective) => ({ ...objective, keyResults: objective.keyResults.map((kr) => ({ id: kr.id, series: kr.series.map((point) => [point.date, point.value]) })) }))
        .map(({ id, type, alignedTo, keyResults }) => ({ id, type, alignedTo, keyResults })),
      checkins: h.checkins.map(({ date, author, message, objective, changes }) => ({
        date,
        author,
        note: message.split('\n\nImported-From')[0],
        objective,
        changes: changes.map(({ kr, to }) => ({ kr, to })),
      })),
    });
    expect(shape(await history(target))).toEqual(shape(await history(source)));
    expect((await okrIn(['import', 'csv', file, '--repo', target.dir], { env: ENV })).stdout).toContain('wrote 0 file(s), 0 commit(s)');
  });

  it('reports a row it cannot read with its line and imports the rest', async () => {
    const repo = createRepo();
    const file = path.join(tempFolder(), 'bad.csv');
    writeFileSync(
      file,
      'type,objective,key_result,title,period,baseline,target,date,value,note\nobjective,talks,,Deliver talks,2026-Q1,,,,,\nkey_result,talks,feedback,Raise feedback from 3 to 4,,3,4,,,\ncheckin,talks,feedback,,,,,2026-13-01,3.5,bad date\ncheckin,talks,feedback,,,,,2026-02-01,3.5,Better\n',
    );
    const run = await okrIn(['import', 'csv', file, '--repo', repo.dir], { env: ENV });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('bad.csv:4: Check-in needs a date such as 2026-03-10');
    expect(run.stdout).toContain('wrote 1 file(s), 2 commit(s)');
    expect(readFileSync(path.join(repo.dir, 'okrs/2026-q1/talks.md'), 'utf8')).toContain('current: 3.5');
  });
});
