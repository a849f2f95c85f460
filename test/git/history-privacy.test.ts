/** Privacy at the git edge: rename detection, deleted files and symlinks, in real repositories. */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HIDDEN_MESSAGE, publicHistory } from '../../src/core/publish.ts';
import { readHistory } from '../../src/git/history.ts';
import { createRepo, objectiveText, removeTempFolders, tempFolder } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

const NOW = '2026-11-25';
const body = 'The long why of this objective, written out so that git sees two files as one when only a line or two differ.\n'.repeat(6);
const objective = (fields: Record<string, unknown>, current: number) =>
  objectiveText({ title: 'Grow the platform team', key_results: [{ id: 'hires', baseline: 0, target: 4, current }], ...fields }) + body;

describe('readHistory and private objectives', () => {
  it('does not let git rename detection join a deleted private objective to a similar public file', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q4/reorg-plan-wq8.md', objective({ private: true, owner: 'wq8-owner' }, 1));
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/2026-q4/reorg-plan-wq8.md', objective({ private: true, owner: 'wq8-owner' }, 2));
    repo.commit('Second step of wq8', '2026-10-05');
    repo.remove('okrs/2026-q4/reorg-plan-wq8.md').write('okrs/2026-q4/platform.md', objective({ owner: 'jane' }, 2));
    const publish = repo.commit('Publish the platform objective (was wq8)', '2026-10-08');
    expect(repo.git(['show', '--stat', '-M', '--format=', publish])).toContain('=>');

    const history = await readHistory(repo.dir, { now: NOW });
    const platform = history.objectives.find((each) => each.path === 'okrs/2026-q4/platform.md')!;
    expect(platform).toMatchObject({ id: 'platform', private: false, previousPaths: [], created: { commit: publish } });
    const published = publicHistory(history);
    expect(JSON.stringify(published)).not.toMatch(/wq8/);
    expect(published.objectives.map((each) => each.id)).toEqual(['platform']);
  });

  it('does not revive a deleted private objective when a public file with the same name appears in a later quarter', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q3/hiring.md', objective({ title: 'Hire for the wq8 reorg', private: true, period: '2026-Q3' }, 1));
    repo.commit('Plan wq8', '2026-07-01');
    repo.write('okrs/2026-q3/hiring.md', objective({ title: 'Hire for the wq8 reorg', private: true, period: '2026-Q3' }, 3));
    repo.commit('Hired for wq8', '2026-08-01');
    repo.remove('okrs/2026-q3/hiring.md');
    repo.commit('Close Q3', '2026-09-30');
    repo.write('okrs/2026-q4/hiring.md', objective({ title: 'Hire two engineers' }, 0));
    repo.commit('Plan Q4', '2026-10-01');
    repo.write('okrs/2026-q4/hiring.md', objective({ title: 'Hire two engineers' }, 1));
    repo.commit('First hire', '2026-10-20');

    const history = await readHistory(repo.dir, { now: NOW });
    const published = publicHistory(history);
    expect(published.objectives.map((each) => [each.id, each.path, each.previousPaths])).toEqual([['hiring', 'okrs/2026-q4/hiring.md', []]]);
    expect(published.checkins.map((checkin) => checkin.message)).toEqual(['First hire']);
    expect(JSON.stringify(published)).not.toMatch(/wq8|2026-q3/);
  });

  it('hides the note of a commit that deletes a private objective while checking in a public one', async () => {
    const repo = createRepo();
    repo.write('okrs/talks.md', objective({ title: 'Give talks' }, 0)).write('okrs/secret.md', objective({ title: 'Secret', private: true }, 0));
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/talks.md', objective({ title: 'Give talks' }, 1)).remove('okrs/secret.md');
    repo.commit('One talk; dropped the thing nobody may know about', '2026-10-08');
    const published = publicHistory(await readHistory(repo.dir, { now: NOW }));
    expect(published.checkins.map((checkin) => checkin.message)).toEqual([HIDDEN_MESSAGE]);
  });

  it('reads nothing through an okrs/ that is a symlink to a folder outside the repository', async () => {
    const outside = tempFolder();
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(path.join(outside, 'q4'));
    writeFileSync(path.join(outside, 'q4', 'leak.md'), objective({ title: 'Outside wq8' }, 1));
    const repo = createRepo();
    symlinkSync(outside, path.join(repo.dir, 'okrs'));
    repo.commit('Link the OKRs', '2026-10-01');
    const history = await readHistory(repo.dir, { now: NOW });
    expect(JSON.stringify(history.objectives)).not.toMatch(/wq8/);
  });
});
