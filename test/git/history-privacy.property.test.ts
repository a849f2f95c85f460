/**
 * The privacy property in real repositories: git's own rename detection, its dates and its
 * reading of every version, over random histories.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { publicHistory } from '../../src/core/publish.ts';
import { readHistory } from '../../src/git/history.ts';
import { readSiteInputs } from '../../src/site/inputs.ts';
import { planCommits, randomHistory, SECRET } from '../fixtures/random-history.ts';
import { createRepo, removeTempFolders } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

describe('the published history of random git histories', () => {
  it('holds no string of a private or possibly private version, nor a note of a commit that changed one', async () => {
    await fc.assert(
      fc.asyncProperty(randomHistory, async (operations) => {
        const repo = createRepo();
        for (const commit of planCommits(operations)) {
          for (const change of commit.changes) {
            if (change.from !== undefined) repo.remove(change.from);
            if (change.content === undefined) repo.remove(change.path);
            else repo.write(change.path, change.content);
          }
          repo.commit(commit.message, commit.date);
        }
        const history = await readHistory(repo.dir, { now: '2026-11-25' });
        expect(JSON.stringify(publicHistory(history))).not.toContain(SECRET);
        // Everything the pages are made from: the public history, the problems it may list, each public objective's file.
        const inputs = await readSiteInputs({ repo: repo.dir, root: 'okrs', now: '2026-11-25', showProblems: true });
        expect(JSON.stringify(inputs)).not.toContain(SECRET);
      }),
      { numRuns: 5 },
    );
  }, 60_000);
});
