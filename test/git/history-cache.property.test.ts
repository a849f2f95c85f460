/**
 * The history cache gives the history a full read gives, over random histories in real
 * repositories: private toggles, renames, deletions and broken versions (the privacy
 * generators), commit dates out of order (clocks that were ahead), reads on other days, and
 * rewritten histories (an amended commit, two commits squashed) between the reads.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { publicHistory } from '../../src/core/publish.ts';
import { readHistory } from '../../src/git/history.ts';
import { planCommits, randomHistory, SECRET } from '../fixtures/random-history.ts';
import { createRepo, removeTempFolders, tempFolder } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

/** What happens after each commit: a read with the cache (on some day), and maybe a rewrite of the newest commits first. */
const afterCommit = fc.record({
  read: fc.boolean(),
  /** Days the commit's date is off its place in the order: clocks ahead or behind. */
  skew: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -4, max: 4 }) }),
  rewrite: fc.constantFrom('none', 'none', 'none', 'none', 'amend', 'squash'),
  now: fc.constantFrom('2026-10-15', '2026-11-25', '2027-01-10'),
});

function day(index: number, skew: number): string {
  const date = new Date(Date.UTC(2026, 9, 1 + index * 2 + skew));
  return date.toISOString().slice(0, 10);
}

describe('the history cache over random git histories', () => {
  it('reads after a cached state the same history, private parts included, as reading every commit', async () => {
    await fc.assert(
      fc.asyncProperty(randomHistory, fc.array(afterCommit, { minLength: 12, maxLength: 12 }), async (operations, after) => {
        const repo = createRepo();
        const cache = { dir: tempFolder('okr-cache-'), onWarning: () => undefined };
        let commits = 0;
        for (const [index, commit] of planCommits(operations).entries()) {
          for (const change of commit.changes) {
            if (change.from !== undefined) repo.remove(change.from);
            if (change.content === undefined) repo.remove(change.path);
            else repo.write(change.path, change.content);
          }
          const step = after[index] ?? { read: false, skew: 0, rewrite: 'none', now: '2026-11-25' };
          const date = day(index, step.skew);
          if (step.rewrite === 'amend' && commits > 0) {
            repo.git(['add', '-A'], date);
            repo.git(['commit', '-q', '--amend', '--allow-empty', '-m', `${commit.message} (amended)`], date);
          } else if (step.rewrite === 'squash' && commits > 1) {
            repo.git(['reset', '-q', '--soft', 'HEAD~1']);
            repo.commit(`${commit.message} (squashed)`, date);
            commits--;
          } else {
            repo.commit(commit.message, date);
            commits++;
          }
          if (step.read) await readHistory(repo.dir, { now: step.now, cache });
        }
        for (const now of ['2026-11-25', '2027-01-10']) {
          const cached = await readHistory(repo.dir, { now, cache });
          const full = await readHistory(repo.dir, { now, cache: false });
          expect(JSON.stringify(cached)).toBe(JSON.stringify(full));
          expect(JSON.stringify(publicHistory(cached))).not.toContain(SECRET);
        }
      }),
      { numRuns: 10 },
    );
  }, 240_000);
});
