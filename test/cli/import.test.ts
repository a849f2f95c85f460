import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { okrIn } from '../helpers/cli.ts';
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
