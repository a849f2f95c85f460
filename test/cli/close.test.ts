import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { okrIn } from '../helpers/cli.ts';
import { createRepo, MISSION, objectiveText, removeTempFolders, testGitEnv } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

const ENV = testGitEnv('2027-01-02T12:00:00+00:00');

async function lintFindings(dir: string): Promise<{ ruleId: string; message: string }[]> {
  const run = await okrIn(['lint', path.join(dir, 'okrs'), '--format', 'json', '--now', '2027-01-02'], { env: ENV });
  return (JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[]).flatMap((file) => file.messages.map((message) => ({ ...message, file: file.filePath })));
}

describe('okr close', () => {
  it('grades, writes the retro, carries unfinished key results forward and commits; the retro is not an objective', async () => {
    const repo = createRepo();
    repo.write('okrs/mission.md', MISSION);
    repo.write(
      'okrs/2026-q4/billing.md',
      objectiveText({
        title: 'Ship the billing service',
        type: 'committed',
        key_results: [
          { id: 'live', baseline: 0, target: 100, current: 60 },
          { id: 'docs', done: true },
        ],
      }),
    );
    repo.commit('Billing', '2026-10-01');
    const run = await okrIn(['close', '2026-Q4', '--carry-forward', '--commit', '--repo', repo.dir], { env: ENV });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('graded okrs/2026-q4/billing.md: 0.8');
    expect(run.stdout).toContain('wrote okrs/2026-q4/retro.md');
    expect(run.stdout).toContain('wrote okrs/2027-q1/billing-2027-q1.md');
    expect(repo.git(['status', '--porcelain'])).toBe('');
    expect(readFileSync(path.join(repo.dir, 'okrs/2027-q1/billing-2027-q1.md'), 'utf8')).toContain('baseline: 60\n    target: 100\n    carried_from: billing/live');

    const findings = await lintFindings(repo.dir);
    expect(findings.filter((finding) => finding.ruleId === 'schema')).toEqual([]);
    expect(findings.filter((finding) => finding.ruleId === 'committed-postmortem').map((finding) => finding.message)).toEqual(['Committed objective graded 0.8 without a postmortem']);
    const history = JSON.parse((await okrIn(['history', '--repo', repo.dir, '--now', '2027-01-02'], { env: ENV })).stdout) as { objectives: { id: string }[] };
    expect(history.objectives.map((objective) => objective.id).sort()).toEqual(['billing', 'billing-2027-q1']);

    const retro = readFileSync(path.join(repo.dir, 'okrs/2026-q4/retro.md'), 'utf8');
    repo.write('okrs/2026-q4/retro.md', retro.replace('### billing\n', '### billing\n\nThe provider moved its cut-over; we sign dates before committing now.\n'));
    expect((await lintFindings(repo.dir)).filter((finding) => finding.ruleId === 'committed-postmortem')).toEqual([]);

    const again = await okrIn(['close', '2026-Q4', '--carry-forward', '--repo', repo.dir], { env: ENV });
    expect(again.stdout).toContain('kept okrs/2026-q4/retro.md (exists)');
    expect(again.stderr).toContain('closed already');
  });

  it('writes none of its files when one cannot be written, and says which and why', async () => {
    const repo = createRepo();
    repo.write('okrs/mission.md', MISSION);
    const billing = objectiveText({ title: 'Ship the billing service', key_results: [{ id: 'live', baseline: 0, target: 100, current: 60 }] });
    repo.write('okrs/2026-q4/billing.md', billing);
    // A file where the next period's folder should be: the carried objective cannot be written.
    repo.write('okrs/2027-q1', 'not a folder\n');
    repo.commit('Billing', '2026-10-01');
    const run = await okrIn(['close', '2026-Q4', '--carry-forward', '--repo', repo.dir], { env: ENV });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^okr: cannot write okrs\/2027-q1\/billing-2027-q1\.md: (EEXIST|ENOTDIR) .*\nokr: none of the 3 file\(s\) was written; each is as it was\n$/);
    expect(run.stdout).not.toContain('graded');
    expect(readFileSync(path.join(repo.dir, 'okrs/2026-q4/billing.md'), 'utf8')).toBe(billing);
    expect(repo.git(['status', '--porcelain', '--untracked-files=all'])).toBe('');
  });
});
