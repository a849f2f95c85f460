import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ParsedFiles } from '../../src/core/parsed-files.ts';
import { readHistory, ShallowCloneError } from '../../src/git/history.ts';
import { createRepo, GIT_CONFIG, MISSION, objectiveText, removeTempFolders, tempFolder, testGitEnv, type KeyResultFields } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

const NOW = '2026-11-25';
const feedback = (current?: number, more: Record<string, unknown> = {}): KeyResultFields => ({
  id: 'feedback',
  baseline: 3.6,
  target: 4.5,
  ...(current === undefined ? {} : { current }),
  ...more,
});
const talks = (current?: number, extra: Record<string, unknown> = {}) => objectiveText({ key_results: [feedback(current)], ...extra });
const values = (history: Awaited<ReturnType<typeof readHistory>>, objective = 0) => history.objectives[objective]?.keyResults[0]?.series.map((point) => point.value);

describe('readHistory', () => {
  it('turns the commits of okrs/ into a series per key result and check-ins with the commit message', async () => {
    const repo = createRepo();
    repo.write('okrs/mission.md', MISSION).write('okrs/2026-q4/talks.md', talks());
    const first = repo.commit('Plan the quarter', '2026-10-01');
    repo.write('okrs/2026-q4/talks.md', talks(3.9));
    const second = repo.commit('First talk\n\nThe room was full.', '2026-10-08', 'Sam Roe');
    repo.write('README.md', 'not an OKR file\n');
    repo.commit('Docs', '2026-10-09');

    const history = await readHistory(repo.dir, { now: NOW });
    expect(history.generatedAt).toBe(NOW);
    expect(history.objectives).toHaveLength(1);
    expect(history.objectives[0]).toMatchObject({ id: 'talks', owner: 'jane', created: { date: '2026-10-01', commit: first }, deleted: null });
    expect(history.objectives[0]?.keyResults[0]?.series).toEqual([
      { date: '2026-10-01', commit: first, value: null, progress: 0, expected: 0 },
      { date: '2026-10-08', commit: second, value: 3.9, progress: 0.333, expected: 0.077 },
    ]);
    expect(history.checkins).toEqual([
      {
        commit: second,
        date: '2026-10-08',
        author: 'Sam Roe',
        message: 'First talk\n\nThe room was full.',
        objective: 'talks',
        changes: [{ kr: 'feedback', from: null, to: 3.9, progressFrom: 0, progressTo: 0.333 }],
      },
    ]);
    expect(history.warnings).toEqual([]);
  });

  it('keeps one series through a git rename and lists the earlier path', async () => {
    const repo = createRepo();
    repo.write('okrs/drafts/talks.md', talks(3.6));
    repo.commit('Draft', '2026-10-01');
    repo.git(['mv', 'okrs/drafts', 'okrs/2026-q4']);
    repo.commit('Move the drafts into the quarter', '2026-10-02');
    repo.write('okrs/2026-q4/talks.md', talks(3.9));
    repo.commit('Check-in', '2026-10-08');

    const history = await readHistory(repo.dir, { now: NOW });
    expect(history.objectives.map((objective) => [objective.id, objective.path, objective.previousPaths])).toEqual([['talks', 'okrs/2026-q4/talks.md', ['okrs/drafts/talks.md']]]);
    expect(values(history)).toEqual([3.6, 3.9]);
  });

  it('follows `id:` when a file is renamed and rewritten in one commit', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q4/talks.md', talks(3.6, { id: 'speaking' }));
    repo.commit('Plan', '2026-10-01');
    repo
      .remove('okrs/2026-q4/talks.md')
      .write(
        'okrs/2026-q4/public-speaking.md',
        objectiveText({ id: 'speaking', title: 'Become a speaker other teams ask for', key_results: [feedback(3.8), { id: 'invites', baseline: 0, target: 3, current: 1 }] }),
      );
    repo.commit('Rewrite the objective', '2026-10-08');

    const history = await readHistory(repo.dir, { now: NOW });
    expect(history.objectives).toHaveLength(1);
    expect(history.objectives[0]).toMatchObject({ id: 'speaking', path: 'okrs/2026-q4/public-speaking.md', previousPaths: ['okrs/2026-q4/talks.md'] });
    expect(values(history)).toEqual([3.6, 3.8]);
  });

  it('archives a deleted objective with the commit that removed it', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q3/talks.md', talks(3.6, { period: '2026-Q3' }));
    repo.commit('Plan Q3', '2026-07-01');
    repo.remove('okrs/2026-q3/talks.md');
    const removal = repo.commit('Drop the Q3 objective', '2026-09-30');

    const history = await readHistory(repo.dir, { now: NOW });
    expect(history.objectives[0]).toMatchObject({ id: 'talks', period: { label: '2026-Q3' }, deleted: { date: '2026-09-30', commit: removal } });
  });

  it('shows a change made on a side branch at the merge, dated by the merge', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q4/talks.md', talks(3.6));
    repo.commit('Plan', '2026-10-01');
    repo.git(['checkout', '-q', '-b', 'check-in']);
    repo.write('okrs/2026-q4/talks.md', talks(4.1));
    const side = repo.commit('Check-in on a branch', '2026-10-05');
    repo.git(['checkout', '-q', 'main']);
    repo.write('okrs/2026-q4/other.md', objectiveText({ title: 'Increase my work pace', key_results: [{ id: 'shipped', baseline: 8, target: 12 }] }));
    repo.commit('Another objective on main', '2026-10-06');
    repo.git(['merge', '-q', '--no-ff', '-m', 'Merge pull request #1 from check-in', 'check-in'], '2026-10-09');
    const merge = repo.head();

    const history = await readHistory(repo.dir, { now: NOW });
    const talksHistory = history.objectives.find((objective) => objective.id === 'talks');
    const last = talksHistory?.keyResults[0]?.series.at(-1);
    expect(last).toMatchObject({ commit: merge, date: '2026-10-09', value: 4.1 });
    expect(JSON.stringify(history)).not.toContain(side);
    expect(history.checkins[0]).toMatchObject({ commit: merge, message: 'Merge pull request #1 from check-in', objective: 'talks' });
  });

  it('skips a broken historic version with a warning naming commit, file and line, and goes on', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q4/talks.md', talks(3.6));
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/2026-q4/talks.md', talks(3.6).replace('current: 3.6', 'current: 3.9 points'));
    const broken = repo.commit('Check-in with a typo', '2026-10-08');
    repo.write('okrs/2026-q4/talks.md', talks(3.9));
    const fixed = repo.commit('Fix the check-in', '2026-10-09');

    const history = await readHistory(repo.dir, { now: NOW });
    expect(history.warnings).toEqual([{ message: expect.stringContaining(`okrs/2026-q4/talks.md at commit ${broken.slice(0, 7)}, line 9`), commit: broken, path: 'okrs/2026-q4/talks.md', line: 9 }]);
    expect(history.objectives[0]?.keyResults[0]?.series.map((point) => [point.commit, point.value])).toEqual([
      [expect.any(String), 3.6],
      [fixed, 3.9],
    ]);
  });

  it('backdates a late check-in to its `as_of` day', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q4/talks.md', talks(3.6));
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/2026-q4/talks.md', objectiveText({ key_results: [feedback(3.9, { as_of: '2026-10-14' })] }));
    const late = repo.commit('Late check-in for the talk on the 14th', '2026-10-21');

    const history = await readHistory(repo.dir, { now: NOW });
    expect(history.objectives[0]?.keyResults[0]?.series.at(-1)).toMatchObject({ date: '2026-10-14', commit: late, value: 3.9 });
    expect(history.checkins[0]).toMatchObject({ date: '2026-10-14', committed: '2026-10-21' });
  });

  it('rescores the same value when the target changes: a point with the new progress, not a check-in', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q4/talks.md', objectiveText({ key_results: [feedback(4.05)] }));
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/2026-q4/talks.md', objectiveText({ key_results: [feedback(4.05, { target: 4.05, reason: 'Fewer talks' })] }));
    const eased = repo.commit('Ease the feedback target', '2026-10-20');
    repo.write('okrs/2026-q4/talks.md', objectiveText({ key_results: [feedback(4.05, { target: 4.05, reason: 'Fewer talks', title: 'Renamed' })] }));
    repo.commit('Rename the key result', '2026-10-21');

    const history = await readHistory(repo.dir, { now: NOW });
    expect(history.objectives[0]?.keyResults[0]?.series).toEqual([
      expect.objectContaining({ date: '2026-10-01', value: 4.05, progress: 0.5 }),
      expect.objectContaining({ date: '2026-10-20', commit: eased, value: 4.05, progress: 1 }),
    ]);
    expect(history.checkins).toEqual([]);
  });

  it('reads a new `as_of` with the same value as a check-in without a change', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q4/talks.md', talks(3.9));
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/2026-q4/talks.md', objectiveText({ key_results: [feedback(3.9, { as_of: '2026-10-30' })] }));
    const same = repo.commit('No talk this month', '2026-10-30');
    repo.write('okrs/2026-q4/talks.md', objectiveText({ key_results: [feedback(3.9)] }));
    repo.commit('Tidy: drop as_of', '2026-11-02');

    const history = await readHistory(repo.dir, { now: NOW });
    expect(history.checkins).toEqual([
      expect.objectContaining({ commit: same, date: '2026-10-30', message: 'No talk this month', changes: [{ kr: 'feedback', from: 3.9, to: 3.9, progressFrom: 0.333, progressTo: 0.333 }] }),
    ]);
    expect(history.objectives[0]?.keyResults[0]?.series.map((point) => point.date)).toEqual(['2026-10-01', '2026-10-30']);
  });

  it('stops on a shallow clone and says how to fetch the full history', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q4/talks.md', talks(3.6));
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/2026-q4/talks.md', talks(3.9));
    repo.commit('Check-in', '2026-10-08');
    const clone = path.join(tempFolder(), 'clone');
    execFileSync('git', [...GIT_CONFIG, 'clone', '-q', '--depth', '1', `file://${repo.dir}`, clone], { env: testGitEnv(), stdio: 'ignore' });

    const reading = readHistory(clone, { now: NOW });
    await expect(reading).rejects.toBeInstanceOf(ShallowCloneError);
    await expect(reading).rejects.toThrow(/git fetch --unshallow[\s\S]*fetch-depth: 0/);
  });

  it('reads a folder outside git as its current files, one point per key result, with a warning', async () => {
    const dir = tempFolder();
    mkdirSync(path.join(dir, 'okrs/2026-q4'), { recursive: true });
    writeFileSync(path.join(dir, 'okrs/mission.md'), MISSION);
    writeFileSync(path.join(dir, 'okrs/2026-q4/talks.md'), talks(3.9));

    const history = await readHistory(dir, { now: NOW });
    expect(history.warnings).toEqual([{ message: expect.stringContaining('is not a git repository') }]);
    expect(history.objectives[0]).toMatchObject({ id: 'talks', owner: 'jane', created: { date: NOW, commit: '' } });
    expect(history.objectives[0]?.keyResults[0]?.series).toEqual([{ date: NOW, commit: '', value: 3.9, progress: 0.333, expected: 0.604 }]);
    expect(history.checkins).toEqual([]);
  });

  it('keeps unicode paths and titles intact', async () => {
    const repo = createRepo();
    const file = 'okrs/2026-q4/präsentationen «neu».md';
    repo.write(
      file,
      objectiveText({ title: 'Vorträge halten, die hängen bleiben 🎤', key_results: [{ id: 'rückmeldung', title: 'Rückmeldung von 3,6 auf 4,5 heben', baseline: 3.6, target: 4.5, current: 3.6 }] }),
    );
    repo.commit('Plan – erste Fassung', '2026-10-01');
    repo.write(
      file,
      objectiveText({ title: 'Vorträge halten, die hängen bleiben 🎤', key_results: [{ id: 'rückmeldung', title: 'Rückmeldung von 3,6 auf 4,5 heben', baseline: 3.6, target: 4.5, current: 4 }] }),
    );
    repo.commit('Zwischenstand: 4,0 ✓', '2026-10-08', 'Zoë Åström');

    const history = await readHistory(repo.dir, { now: NOW });
    expect(history.objectives[0]).toMatchObject({ id: 'präsentationen-neu', path: file, title: 'Vorträge halten, die hängen bleiben 🎤' });
    expect(history.checkins[0]).toMatchObject({ author: 'Zoë Åström', message: 'Zwischenstand: 4,0 ✓', changes: [{ kr: 'rückmeldung', to: 4 }] });
  });

  it('is empty without a crash for an empty okrs/ folder and for a repository without commits', async () => {
    const repo = createRepo();
    expect(await readHistory(repo.dir, { now: NOW })).toMatchObject({ objectives: [], checkins: [], warnings: [{ message: expect.stringContaining('no commits yet') }] });
    repo.write('okrs/.gitkeep', '').write('src/index.ts', 'export {};\n');
    repo.commit('Start', '2026-10-01');
    expect(await readHistory(repo.dir, { now: NOW })).toEqual({ generatedAt: NOW, repo: repo.dir, missions: [], objectives: [], checkins: [], warnings: [] });
  });

  it('warns about non-UTF-8 and binary OKR files and ignores files that are not OKR files', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q4/talks.md', talks(3.6));
    repo.write('okrs/2026-q4/latin1.md', Buffer.from('---\ntitle: Pr\xe9sentations\nperiod: 2026-Q4\n---\n', 'latin1'));
    repo.write('okrs/2026-q4/blob.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    repo.write('okrs/2026-q4/photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00]));
    repo.write('okrs/_template.md', 'not frontmatter');
    const commit = repo.commit('Plan with some odd files', '2026-10-01');

    const history = await readHistory(repo.dir, { now: NOW });
    expect(history.objectives.map((objective) => objective.id)).toEqual(['talks']);
    expect(history.warnings.map((warning) => [warning.path, warning.commit, warning.message.match(/not valid UTF-8|Binary file|never matched/)?.[0]])).toEqual([
      ['okrs/2026-q4/blob.md', commit, 'Binary file'],
      ['okrs/2026-q4/latin1.md', commit, 'not valid UTF-8'],
      ['okrs/2026-q4/blob.md', undefined, 'never matched'],
      ['okrs/2026-q4/latin1.md', undefined, 'never matched'],
    ]);
  });

  it('reports progress after each commit read from the log, with the number read so far', async () => {
    const repo = createRepo();
    for (const [index, day] of ['2026-10-01', '2026-10-11', '2026-10-21'].entries()) {
      repo.write('okrs/2026-q4/talks.md', talks(3.6 + index * 0.1));
      repo.commit(`Check-in ${index}`, day);
    }
    repo.write('README.md', 'not an OKR file\n');
    repo.commit('Docs', '2026-10-22');
    const calls: [number, number | undefined][] = [];
    await readHistory(repo.dir, { now: NOW, onProgress: (done, share) => calls.push([done, share]) });
    expect(calls).toEqual([
      [1, undefined],
      [2, undefined],
      [3, undefined],
    ]);
  });

  it('reads a folder of a larger repository: only the commits that change its OKRs, renames across its edge as additions and deletions', async () => {
    const repo = createRepo();
    repo.write('team/okrs/2026-q4/talks.md', talks()).write('drafts/reach.md', talks(undefined, { id: 'reach', title: 'Reach every team' }));
    repo.write('team/okrs-old/2026-q4/old.md', talks(1, { id: 'old' }));
    const plan = repo.commit('Plan', '2026-10-01');
    repo.git(['mv', 'drafts/reach.md', 'team/okrs/2026-q4/reach.md']);
    const moved = repo.commit('Bring the draft in', '2026-10-02');
    // Outside the OKR folder, with a clock far ahead: not part of the history, so no warning about its date.
    repo.write('team/okrs-old/2026-q4/old.md', talks(2, { id: 'old' })).write('README.md', 'docs\n');
    repo.commit('Elsewhere', '2027-05-01');
    repo.write('team/okrs/2026-q4/talks.md', talks(3.9));
    const checkin = repo.commit('First talk', '2026-10-08');
    repo.git(['mv', 'team/okrs/2026-q4/reach.md', 'drafts/reach.md']);
    const out = repo.commit('Back to the drafts', '2026-10-09');

    const history = await readHistory(path.join(repo.dir, 'team'), { now: NOW });
    expect(history.warnings).toEqual([]);
    expect(history.objectives.map(({ id, path, created, deleted }) => ({ id, path, created: created.commit, deleted: deleted?.commit ?? null }))).toEqual([
      { id: 'reach', path: 'okrs/2026-q4/reach.md', created: moved, deleted: out },
      { id: 'talks', path: 'okrs/2026-q4/talks.md', created: plan, deleted: null },
    ]);
    expect(history.checkins.map((each) => each.commit)).toEqual([checkin]);
  });

  it('streams the log before the current files are parsed, and reads the versions once they are', async () => {
    const repo = createRepo();
    repo.write('okrs/mission.md', MISSION).write('okrs/2026-q4/talks.md', talks());
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/2026-q4/talks.md', talks(3.9));
    repo.commit('First talk', '2026-10-08');
    const parsed = new ParsedFiles();
    let release = () => {};
    const parsedReady = new Promise<void>((resolve) => (release = resolve));

    let settled = false;
    const reading = readHistory(repo.dir, { now: NOW, parsed, parsedReady }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    parsed.objective('okrs/2026-q4/talks.md', talks(3.9));
    parsed.mission('okrs/mission.md', MISSION);
    release();

    expect(JSON.stringify(await reading)).toBe(JSON.stringify(await readHistory(repo.dir, { now: NOW, cache: false })));
  });

  it('reads the OKRs from another folder when given a root', async () => {
    const repo = createRepo();
    repo.write('goals/2026-q4/talks.md', talks(3.6)).write('okrs/2026-q4/other.md', talks(1));
    repo.commit('Plan', '2026-10-01');
    const history = await readHistory(repo.dir, { now: NOW, root: 'goals' });
    expect(history.objectives.map((objective) => objective.path)).toEqual(['goals/2026-q4/talks.md']);
  });
});
