import { afterAll, describe, expect, it } from 'vitest';
import { LOG_FORMAT, LogParser } from '../../src/git/log-stream.ts';
import { createRepo, removeTempFolders } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

function logBytes(): Buffer {
  const repo = createRepo();
  repo.write('okrs/a.md', 'one\n').write('okrs/ü b.md', 'two\n');
  repo.commit('First\n\nwith a body\x1e that holds a record separator', '2026-10-01');
  repo.git(['mv', 'okrs/a.md', 'okrs/c.md']);
  repo.remove('okrs/ü b.md');
  repo.commit('Second', '2026-10-02');
  return Buffer.from(repo.git(['log', '--reverse', '--raw', '-z', '--no-abbrev', '-M', `--format=${LOG_FORMAT}`, '--', 'okrs']), 'utf8');
}

describe('LogParser', () => {
  const bytes = logBytes();

  it('reads commits with their message, renames, deletions and unicode paths', () => {
    const parser = new LogParser();
    const commits = [...parser.push(bytes), ...parser.end()];
    expect(commits.map((commit) => [commit.message, commit.committed, commit.changes.map((change) => [change.status, change.from, change.path])])).toEqual([
      [
        'First\n\nwith a body\x1e that holds a record separator',
        '2026-10-01T12:00:00+00:00',
        [
          ['A', undefined, 'okrs/a.md'],
          ['A', undefined, 'okrs/ü b.md'],
        ],
      ],
      [
        'Second',
        '2026-10-02T12:00:00+00:00',
        [
          ['R', 'okrs/a.md', 'okrs/c.md'],
          ['D', undefined, 'okrs/ü b.md'],
        ],
      ],
    ]);
    expect(commits[1]?.parents).toEqual([commits[0]?.commit]);
  });

  it('gives the same commits whatever the chunk boundaries', () => {
    const whole = new LogParser();
    const expected = [...whole.push(bytes), ...whole.end()];
    for (const size of [1, 2, 3, 7, 64]) {
      const parser = new LogParser();
      const commits = [];
      for (let start = 0; start < bytes.length; start += size) commits.push(...parser.push(bytes.subarray(start, start + size)));
      commits.push(...parser.end());
      expect(commits).toEqual(expected);
    }
  });
});
