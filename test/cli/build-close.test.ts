import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { okrIn } from '../helpers/cli.ts';
import { createRepo, MISSION, objectiveText, removeTempFolders, tempFolder } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

describe('the archive of a closed period', () => {
  it('shows the final grade as the file says after an edit, and what was carried forward', async () => {
    const repo = createRepo();
    repo.write('okrs/mission.md', MISSION);
    repo.write(
      'okrs/2026-q4/billing.md',
      objectiveText({
        title: 'Ship the billing service',
        type: 'committed',
        key_results: [
          { id: 'live', title: 'Move 100% of invoices to the new service', baseline: 0, target: 100, current: 60 },
          { id: 'docs', done: true },
        ],
      }),
    );
    repo.commit('Billing', '2026-10-01');
    expect((await okrIn(['close', '2026-Q4', '--carry-forward', '--repo', repo.dir])).status).toBe(0);
    const file = path.join(repo.dir, 'okrs/2026-q4/billing.md');
    // People may edit the grade afterwards: the site shows the edited one.
    repo.write('okrs/2026-q4/billing.md', (await readFile(file, 'utf8')).replace('grade: 0.8', 'grade: 0.7'));
    repo.commit('Close 2026-Q4', '2027-01-02');
    const out = tempFolder();
    expect((await okrIn(['build', '--repo', repo.dir, '--out', out, '--now', '2027-01-15'])).status).toBe(0);
    const page = await readFile(path.join(out, 'periods/2026-Q4/index.html'), 'utf8');
    expect(page).toContain('Final grade');
    expect(page).toMatch(/<td><span class="grade grade-yellow"[^>]*>0\.7 /);
    expect(page).toContain('Carried forward');
    // The retro is published: every objective beside it is public.
    expect(page).toContain('<h2 id="retro">Retro</h2>');
    expect(page).toMatch(/<h3[^>]*>What went well<\/h3>/);
    expect(page).toContain('<td>Move 100% of invoices to the new service</td>');
    expect(page).toMatch(/Move 100% of invoices to the new service → <a href="[^"]*objectives\/billing-2027-q1\/"[^>]*>Ship the billing service<\/a> \(2027-Q1, from 60\)/);
  }, 120_000);

  it('keeps the retro off the site when an objective beside it is private', async () => {
    const repo = createRepo();
    repo.write('okrs/mission.md', MISSION);
    repo.write('okrs/2026-q4/billing.md', objectiveText({ title: 'Ship the billing service', key_results: [{ id: 'live', baseline: 0, target: 100, current: 60 }] }));
    repo.write('okrs/2026-q4/secret.md', objectiveText({ title: 'Acquire the quiet startup', private: true, key_results: [{ id: 'signed', done: false }] }));
    repo.commit('Objectives', '2026-10-01');
    expect((await okrIn(['close', '2026-Q4', '--commit', '--repo', repo.dir])).status).toBe(0);
    const out = tempFolder();
    expect((await okrIn(['build', '--repo', repo.dir, '--out', out, '--now', '2027-01-15'])).status).toBe(0);
    const page = await readFile(path.join(out, 'periods/2026-Q4/index.html'), 'utf8');
    expect(page).toContain('Final grade');
    expect(page).not.toContain('Retro');
    expect(page).not.toContain('quiet startup');
  }, 120_000);
});
