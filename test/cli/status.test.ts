import { afterAll, describe, expect, it } from 'vitest';
import { createRepo, MISSION, objectiveText, removeTempFolders } from '../helpers/git-repo.ts';
import { okr } from '../helpers/cli.ts';

afterAll(removeTempFolders);

function repo() {
  const repo = createRepo();
  repo.write('okrs/mission.md', MISSION);
  repo.write('okrs/2026-q3/old.md', objectiveText({ title: 'Last quarter objective', period: '2026-Q3', key_results: [{ id: 'old', baseline: 0, target: 1 }] }));
  repo.write('okrs/2026-q4/talks.md', objectiveText({ key_results: [{ id: 'feedback', baseline: 3.6, target: 4.5, current: 3.6, unit: 'points' }, { id: 'course', done: false }] }));
  repo.commit('Plan', '2026-10-01');
  repo.write('okrs/2026-q4/talks.md', objectiveText({ key_results: [{ id: 'feedback', baseline: 3.6, target: 4.5, current: 4.05, unit: 'points' }, { id: 'course', done: false }] }));
  repo.commit('Check-in', '2026-11-20');
  return repo;
}

describe('okr status', () => {
  it('shows the objectives of the current period with progress, value against target, status and check-in age', () => {
    const result = okr(['status', '--repo', repo().dir, '--now', '2026-11-25']);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('Last quarter objective');
    expect(result.stdout).toContain('2026-Q4  day 56 of 92');
    expect(result.stdout).toMatch(/Deliver engaging presentations +25%  jane/);
    expect(result.stdout).toMatch(/feedback +[█░│]{20} +50% +4\.05 \/ 4\.5 points +at risk +5 days ago/);
    expect(result.stdout).toMatch(/course +[█░│]{20} +0% +not done +on track +7 weeks ago/);
    expect(result.stdout).not.toMatch(/\x1b\[/);
  });

  it('colours only when asked, and NO_COLOR wins', () => {
    const dir = repo().dir;
    expect(okr(['status', '--repo', dir, '--now', '2026-11-25'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(okr(['status', '--repo', dir, '--now', '2026-11-25'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });

  it('says so when no objective covers the day', () => {
    const result = okr(['status', '--repo', repo().dir, '--now', '2027-02-01']);
    expect(result.stdout).toBe('No objectives in the period of 2027-02-01; the latest period is 2026-Q4.\n');
  });
});
