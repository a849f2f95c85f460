import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../src/core/workspace.ts';
import { buildReport, privateObjectiveIds, problemsOf } from '../../src/site/problems.ts';
import { historyFrom } from '../fixtures/history-builder.ts';

const Q4 = { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' };

function sample() {
  return historyFrom({
    now: '2026-11-20',
    objectives: [
      { id: 'talks', title: 'Deliver engaging presentations', period: Q4, created: '2026-10-01', keyResults: [] },
      { id: 'secret-plan-zq7', title: 'Secret plan zq7', path: 'okrs/secret-plan-zq7.md', period: Q4, private: true, created: '2026-10-01', keyResults: [] },
      { id: 'renamed-id', title: 'Was public', path: 'okrs/pinned.md', period: Q4, created: '2026-10-01', keyResults: [] },
    ],
    checkins: [],
  });
}

function file(path: string, text: string) {
  return { path, bytes: new TextEncoder().encode(text) };
}

describe('privateObjectiveIds', () => {
  it('finds private objectives in the history and in the current files, valid or not', () => {
    const workspace = buildWorkspace('okrs', [
      file('okrs/hidden.md', '---\ntitle: Hidden\nperiod: 2026-Q4\nprivate: true\n---\n'),
      file('okrs/broken.md', '---\ntitle: Broken\nperiod: Q5\nprivate: true\n---\n'),
    ]);
    expect([...privateObjectiveIds(sample(), workspace)].sort()).toEqual(['broken', 'hidden', 'secret-plan-zq7']);
  });

  it('counts `private: yes`, `private: "true"` and `private: 1` as private', () => {
    const workspace = buildWorkspace('okrs', [
      file('okrs/yes.md', '---\ntitle: Yes\nperiod: 2026-Q4\nprivate: yes\n---\n'),
      file('okrs/quoted.md', '---\ntitle: Quoted\nperiod: 2026-Q4\nprivate: "true"\n---\n'),
      file('okrs/one.md', '---\ntitle: One\nperiod: 2026-Q4\nprivate: 1\n---\n'),
      file('okrs/no.md', '---\ntitle: No\nperiod: 2026-Q4\nprivate: false\n---\n'),
    ]);
    expect([...privateObjectiveIds({ ...sample(), objectives: [] }, workspace)].sort()).toEqual(['one', 'quoted', 'yes']);
  });

  it('keeps a current file that cannot be read as YAML off the site, under the id the history knows it by', () => {
    const workspace = buildWorkspace('okrs', [file('okrs/pinned.md', '---\ntitle: [unclosed\nprivate: true\n---\n'), file('okrs/binary.md', 'a\u0000b')]);
    expect([...privateObjectiveIds(sample(), workspace)].sort()).toEqual(['binary', 'pinned', 'renamed-id', 'secret-plan-zq7']);
  });
});

describe('problemsOf', () => {
  it('lists unusable files as problems, except private ones and those that may be private', () => {
    const workspace = buildWorkspace('okrs', [
      file('okrs/broken.md', '---\ntitle: Broken\nperiod: Q5\n---\n'),
      file('okrs/hidden-broken.md', '---\ntitle: Hidden zq7\nperiod: Q5\nprivate: true\n---\n'),
      file('okrs/maybe.md', '---\nid: maybe-zq7\ntitle: Maybe zq7\nperiod: Q5\nprivate: yes\n---\n'),
      file('okrs/good.md', '---\ntitle: Good\nperiod: 2026-Q4\n---\n'),
    ]);
    const history = { ...sample(), warnings: [] };
    const problems = problemsOf(workspace, history, privateObjectiveIds(history, workspace));
    expect(problems).toEqual([{ path: 'okrs/broken.md', line: 3, message: expect.stringContaining('period') }]);
  });
});

describe('buildReport', () => {
  it('tells the build output about every file, private ones included, and why one is not published', () => {
    const workspace = buildWorkspace('okrs', [file('okrs/maybe.md', '---\ntitle: Maybe\nperiod: 2026-Q4\nprivate: yes\n---\n'), file('okrs/unreadable.md', '---\ntitle: "open\n---\n')]);
    const report = buildReport(workspace, undefined);
    expect(report).toContainEqual({ path: 'okrs/maybe.md', line: null, message: expect.stringContaining('`private:` is not `true` or `false`') });
    expect(report).toContainEqual({ path: 'okrs/unreadable.md', line: null, message: expect.stringContaining('cannot be read, so it may be private') });
  });
});
