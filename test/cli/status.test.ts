import { afterAll, describe, expect, it } from 'vitest';
import { createRepo, MISSION, objectiveText, removeTempFolders } from '../helpers/git-repo.ts';
import { okr, okrIn } from '../helpers/cli.ts';

afterAll(removeTempFolders);

function repo() {
  const repo = createRepo();
  repo.write('okrs/mission.md', MISSION);
  repo.write('okrs/2026-q3/old.md', objectiveText({ title: 'Last quarter objective', period: '2026-Q3', key_results: [{ id: 'old', baseline: 0, target: 1 }] }));
  repo.write(
    'okrs/2026-q4/talks.md',
    objectiveText({
      key_results: [
        { id: 'feedback', baseline: 3.6, target: 4.5, current: 3.6, unit: 'points' },
        { id: 'course', done: false, due: '2026-12-15' },
      ],
    }),
  );
  repo.commit('Plan', '2026-10-01');
  repo.write(
    'okrs/2026-q4/talks.md',
    objectiveText({
      key_results: [
        { id: 'feedback', baseline: 3.6, target: 4.5, current: 4.05, unit: 'points' },
        { id: 'course', done: false, due: '2026-12-15' },
      ],
    }),
  );
  repo.commit('Check-in', '2026-11-20');
  return repo;
}

describe('okr status', () => {
  it('shows the objectives of the current period with progress, value against target, status and check-in age', async () => {
    const result = await okrIn(['status', '--repo', repo().dir, '--now', '2026-11-25']);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('Last quarter objective');
    expect(result.stdout).toContain('2026-Q4  day 56 of 92  1 objective, overall 25%');
    expect(result.stdout).toMatch(/Deliver engaging presentations +25%  jane/);
    expect(result.stdout).toMatch(/feedback +[█░│]+ +50% +4\.05 \/ 4\.5 points +at risk +5 days ago/);
    expect(result.stdout).not.toMatch(/\x1b\[/);
  });

  it('shows an open milestone as not started until its due date, then as behind', async () => {
    const dir = repo().dir;
    expect((await okrIn(['status', '--repo', dir, '--now', '2026-11-25'])).stdout).toMatch(/course +[█░│]+ +0% +not done +not started +7 weeks ago/);
    expect((await okrIn(['status', '--repo', dir, '--now', '2026-12-20'])).stdout).toMatch(/course +[█░│]+ +0% +not done +off track/);
  });

  it('shows the day it is asked for: a later check-in does not count yet', async () => {
    const result = await okrIn(['status', '--repo', repo().dir, '--now', '2026-11-10']);
    expect(result.stdout).toMatch(/feedback +[█░│]+ +0% +3\.6 \/ 4\.5 points +off track +5 weeks ago/);
    expect(result.stdout).toMatch(/Deliver engaging presentations +0%/);
  });

  it('fits every line in 80 columns when the output is not a terminal', async () => {
    const result = await okrIn(['status', '--repo', repo().dir, '--now', '2026-11-25']);
    for (const line of result.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('prints the standing as JSON with --format json', async () => {
    const result = await okrIn(['status', '--repo', repo().dir, '--now', '2026-11-25', '--format', 'json']);
    const json = JSON.parse(result.stdout);
    expect(json.now).toBe('2026-11-25');
    expect(json.periods).toEqual([{ label: '2026-Q4', start: '2026-10-01', end: '2026-12-31', when: 'current', objectives: ['talks'], progress: 0.25, grade: 'red' }]);
    expect(json.objectives).toHaveLength(1);
    expect(json.objectives[0]).toMatchObject({ id: 'talks', period: '2026-Q4', progress: 0.25, expected: 0.302, status: 'on track', grade: 'red', checkinCount: 1 });
    expect(json.objectives[0].keyResults).toEqual([
      expect.objectContaining({ id: 'feedback', value: 4.05, progress: 0.5, expected: 0.604, status: 'at risk', lastCheckin: '2026-11-20' }),
      expect.objectContaining({ id: 'course', value: 0, progress: 0, expected: 0, status: 'not started', lastCheckin: '2026-10-01' }),
    ]);
  });

  it('says a key result id is used twice, and counts the first', async () => {
    const repository = createRepo();
    repository.write('okrs/mission.md', MISSION);
    repository.write(
      'okrs/2026-q4/talks.md',
      objectiveText({
        key_results: [
          { id: 'talks', baseline: 0, target: 4, current: 2 },
          { id: 'talks', baseline: 0, target: 4, current: 0 },
        ],
      }),
    );
    repository.commit('Plan', '2026-10-01');
    const result = await okrIn(['status', '--repo', repository.dir, '--now', '2026-11-25']);
    expect(result.stderr).toContain('okr: warning: Key result id `talks` is used more than once in okrs/2026-q4/talks.md; the history follows the first');
    expect(result.stdout).toMatch(/Deliver engaging presentations +50%/);
    const history = await okrIn(['history', '--repo', repository.dir, '--now', '2026-11-25']);
    expect(history.stderr).toContain('Key result id `talks` is used more than once');
  });

  it('colours only when asked, and NO_COLOR wins (spawned, as a terminal user runs it)', () => {
    const dir = repo().dir;
    expect(okr(['status', '--repo', dir, '--now', '2026-11-25'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(okr(['status', '--repo', dir, '--now', '2026-11-25'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });

  it('tells a private objective from one whose file cannot be read, which it shows with its file and line, not as private', async () => {
    const repository = repo();
    repository.write(
      'okrs/2026-q4/secret.md',
      objectiveText({ title: 'Secret plan for the merger', owner: 'jane', private: true, key_results: [{ id: 'calls', baseline: 0, target: 3, current: 1 }] }),
    );
    repository.commit('A private objective', '2026-11-21');
    repository.write('okrs/2026-q4/talks.md', '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results: [\n---\n');
    repository.commit('Broken', '2026-11-22');
    const result = await okrIn(['status', '--repo', repository.dir, '--now', '2026-11-25']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.find((line) => line.startsWith('Secret plan for the merger'))).toMatch(/ {2}jane · private$/);
    const talks = lines.findIndex((line) => line.startsWith('Deliver engaging presentations'));
    expect(lines[talks]).toMatch(/ {2}jane · cannot be read$/);
    expect(lines[talks + 1]).toMatch(/^ {2}okrs\/2026-q4\/talks\.md:\d+$/);
    expect(lines[talks + 2]).toMatch(/^ {4}Malformed YAML/);
    expect(result.stdout).toContain('its last readable version is shown');
    expect(result.stdout).not.toMatch(/presentations.*private/);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('says so when no objective covers the day', async () => {
    const result = await okrIn(['status', '--repo', repo().dir, '--now', '2027-02-01']);
    expect(result.stdout).toBe('No objectives in the period of 2027-02-01; the latest period is 2026-Q4.\n');
  });
});
