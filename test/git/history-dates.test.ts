/** One bad clock does not hide the other check-ins, and a date git cannot read is not published as such. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHistory } from '../../src/git/history.ts';
import { createRepo, objectiveText, removeTempFolders, tempFolder } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

const talks = (current: number) => objectiveText({ key_results: [{ id: 'feedback', baseline: 3.6, target: 4.5, current }] });

describe('commit dates', () => {
  it('dates a commit from a clock that was ahead no later than the next commit, and warns', async () => {
    const repo = createRepo();
    repo.write('okrs/talks.md', talks(3.6));
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/talks.md', talks(3.7));
    const skewed = repo.commit('From a laptop with a wrong clock', '2027-06-01');
    for (const [index, day] of ['2026-10-06', '2026-10-07', '2026-10-08'].entries()) {
      repo.write('okrs/talks.md', talks(3.8 + index / 10));
      repo.commit(`Check-in ${index}`, day);
    }
    const history = await readHistory(repo.dir, { now: '2026-10-08' });
    expect(history.checkins.map((checkin) => checkin.date)).toEqual(['2026-10-08', '2026-10-07', '2026-10-06', '2026-10-06']);
    expect(history.objectives[0]?.keyResults[0]?.series.map((point) => point.date)).toEqual(['2026-10-01', '2026-10-06', '2026-10-06', '2026-10-07', '2026-10-08']);
    expect(history.warnings).toEqual([expect.objectContaining({ commit: skewed, message: expect.stringContaining('is dated 2027-06-01') })]);
  });

  it('never publishes "%cI" for a commit with a negative timestamp', async () => {
    const repo = createRepo();
    repo.write('okrs/talks.md', talks(3.6));
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/talks.md', talks(3.9));
    repo.git(['add', '-A']);
    const tree = repo.git(['write-tree']).trim();
    const parent = repo.head();
    const file = path.join(tempFolder(), 'commit');
    writeFileSync(file, `tree ${tree}\nparent ${parent}\nauthor Jane Doe <jane@example.com> -86400 +0000\ncommitter Jane Doe <jane@example.com> -86400 +0000\n\nBefore 1970\n`);
    const commit = repo.git(['hash-object', '-t', 'commit', '-w', '--literally', file]).trim();
    repo.git(['update-ref', 'HEAD', commit]);

    const history = await readHistory(repo.dir, { now: '2026-11-25' });
    expect(JSON.stringify(history)).not.toContain('%cI');
    expect(history.checkins[0]).toMatchObject({ commit, date: '2026-11-25' });
    expect(history.warnings).toEqual([expect.objectContaining({ commit, message: expect.stringContaining('git cannot read') })]);
  });
});
