/** No private string reaches the published history, whatever the history of the files was. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HistoryBuilder, type FileChange } from '../../src/core/history.ts';
import { fileRole, VersionReader } from '../../src/core/history-version.ts';
import { publicHistory } from '../../src/core/publish.ts';
import { buildWorkspace } from '../../src/core/workspace.ts';
import { privateObjectiveIds, problemsOf } from '../../src/site/problems.ts';
import { publishedFiles } from '../../src/site/published-files.ts';
import { planCommits, randomHistory, SECRET } from '../fixtures/random-history.ts';

const encoder = new TextEncoder();

function publishedHistory(operations: Parameters<typeof planCommits>[0]): string {
  const builder = new HistoryBuilder({ root: 'okrs', repo: 'repo', generatedAt: '2026-11-25' });
  const reader = new VersionReader('okrs');
  const tree = new Map<string, Uint8Array>();
  planCommits(operations).forEach((commit, index) => {
    // Deletions as git lists them; a move is git's rename, as rename detection may see it.
    const changes: FileChange[] = [];
    for (const change of commit.changes) {
      if (change.from !== undefined) tree.delete(change.from);
      if (change.content === undefined) {
        changes.push({ status: 'D', path: change.path });
        tree.delete(change.path);
        continue;
      }
      const bytes = typeof change.content === 'string' ? encoder.encode(change.content) : change.content;
      tree.set(change.path, bytes);
      const version = fileRole('okrs', change.path) === 'objective' ? reader.read(change.path, bytes) : undefined;
      changes.push({ status: change.from === undefined ? 'M' : 'R', path: change.path, ...(change.from === undefined ? {} : { from: change.from }), ...(version ? { version } : {}) });
    }
    builder.apply({ commit: `c${index}`, date: commit.date, author: 'Jane Doe', message: commit.message, changes });
  });
  // As the site takes it: the history made public with the current files' privacy, its problems, the files it publishes.
  const history = builder.finish();
  const workspace = buildWorkspace(
    'okrs',
    [...tree].map(([path, bytes]) => ({ path, bytes })),
  );
  const hidden = privateObjectiveIds(history, workspace);
  const site = publicHistory(history, hidden);
  return JSON.stringify([publicHistory(history), site, problemsOf(workspace, site, hidden), [...publishedFiles(site, workspace).values()]]);
}

describe('the published history of random histories', () => {
  it('holds no string of a private or possibly private version, nor a note of a commit that changed one', () => {
    fc.assert(
      fc.property(randomHistory, (operations) => {
        expect(publishedHistory(operations)).not.toContain(SECRET);
      }),
      { numRuns: 500 },
    );
  });
});
