import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { History } from '../../src/core/history-types.ts';
import { createRepo, GIT_CONFIG, objectiveText, removeTempFolders, tempFolder, testGitEnv } from '../helpers/git-repo.ts';
import { okr, okrIn } from '../helpers/cli.ts';

afterAll(removeTempFolders);

function repoWithPrivateObjective() {
  const repo = createRepo();
  repo.write('okrs/2026-q4/talks.md', objectiveText({ title: 'Deliver engaging presentations, "live"', key_results: [{ id: 'feedback', baseline: 3.6, target: 4.5, current: 3.6 }] }));
  repo.write('okrs/2026-q4/health.md', objectiveText({ title: 'Sleep more', private: true, key_results: [{ id: 'hours', baseline: 6, target: 8, current: 6 }] }));
  repo.commit('Plan', '2026-10-01');
  repo.write('okrs/2026-q4/talks.md', objectiveText({ title: 'Deliver engaging presentations, "live"', key_results: [{ id: 'feedback', baseline: 3.6, target: 4.5, current: 3.9, confidence: 0.6 }] }));
  repo.write('okrs/2026-q4/health.md', objectiveText({ title: 'Sleep more', private: true, key_results: [{ id: 'hours', baseline: 6, target: 8, current: 7 }] }));
  repo.commit('Check-in: slept 7 hours, talk went well', '2026-10-08');
  return repo;
}

describe('okr history', () => {
  it('prints the history as JSON without private objectives or their check-ins', async () => {
    const repo = repoWithPrivateObjective();
    const result = await okrIn(['history', '--repo', repo.dir, '--now', '2026-11-25']);
    expect(result.status).toBe(0);
    const history = JSON.parse(result.stdout) as History;
    expect(Object.keys(history)).toEqual(['generatedAt', 'repo', 'missions', 'objectives', 'checkins', 'warnings']);
    expect(history.objectives.map((objective) => objective.id)).toEqual(['talks']);
    expect(history.checkins.map((checkin) => checkin.objective)).toEqual(['talks']);
    expect(result.stdout).not.toContain('Sleep more');
    expect(result.stdout).not.toContain('slept');
  });

  it('keeps private objectives with --include-private, marked as private', async () => {
    const repo = repoWithPrivateObjective();
    const history = JSON.parse((await okrIn(['history', '--repo', repo.dir, '--now', '2026-11-25', '--include-private'])).stdout) as History;
    expect(history.objectives.map((objective) => [objective.id, objective.private])).toEqual([
      ['health', true],
      ['talks', false],
    ]);
  });

  it('prints one CSV row per series point, quoting titles with commas and quotes', async () => {
    const repo = repoWithPrivateObjective();
    const result = await okrIn(['history', '--repo', repo.dir, '--now', '2026-11-25', '--format', 'csv']);
    expect(result.status).toBe(0);
    const rows = result.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('objective,objective_title,key_result,key_result_title,kind,unit,date,commit,value,progress,expected,confidence,note');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^talks,.*,2026-10-01,[0-9a-f]{40},3\.6,0,0,,$/);
    // The check-in's note, here hidden because the same commit changed a private objective.
    expect(rows[2]).toMatch(/^talks,"Deliver engaging presentations, ""live""",feedback,Key result feedback,increase,,2026-10-08,[0-9a-f]{40},3\.9,0\.333,0\.077,0\.6,\(note hidden: [^,]*\)$/);
  });

  it('puts the check-in note of each point in the CSV, quoted when it spans lines', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q4/talks.md', objectiveText({ key_results: [{ id: 'feedback', baseline: 3.6, target: 4.5, current: 3.6 }] }));
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/2026-q4/talks.md', objectiveText({ key_results: [{ id: 'feedback', baseline: 3.6, target: 4.5, current: 3.9 }] }));
    repo.commit('First talk, "great"\n\nTwelve forms.', '2026-10-08');
    const result = await okrIn(['history', '--repo', repo.dir, '--now', '2026-11-25', '--format', 'csv']);
    expect(result.stdout.endsWith(',"First talk, ""great""\n\nTwelve forms."\r\n')).toBe(true);
  });

  it('exits with 2 and the remedy on a shallow clone', () => {
    const repo = repoWithPrivateObjective();
    const clone = path.join(tempFolder(), 'shallow');
    execFileSync('git', [...GIT_CONFIG, 'clone', '-q', '--depth', '1', `file://${repo.dir}`, clone], { env: testGitEnv(), stdio: 'ignore' });
    const result = okr(['history', '--repo', clone]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('git fetch --unshallow');
    expect(result.stderr).toContain('fetch-depth: 0');
  });

  it('rejects a --now that is not a date', async () => {
    const result = await okrIn(['history', '--now', '25.11.2026']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--now takes a date such as 2026-11-25');
  });
});
