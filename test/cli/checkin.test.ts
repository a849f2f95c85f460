import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRepo, removeTempFolders } from '../helpers/git-repo.ts';
import { okr } from '../helpers/cli.ts';

afterAll(removeTempFolders);

const FILE = 'okrs/2026-q4/presentations.md';
const TEXT = `---
# yaml-language-server: $schema=../../schema/objective.schema.json
title: Deliver engaging presentations   # the objective
period: 2026-Q4
key_results:
  # the one that matters most
  - id: feedback
    title: "Raise average audience feedback: from 3.6 to 4.5"
    target: 4.5
    baseline: 3.6
    current: 3.9     # after the October talk
    unit: points
  - id: invites
    title: Get 3 unsolicited invitations to speak
    baseline: 0
    target: 3
  - id: course
    title: Pass the final assessment of a public-speaking course
    done: false
---
Body stays.
`;

function repo() {
  const repo = createRepo();
  repo.write(FILE, TEXT);
  repo.commit('Plan', '2026-10-01');
  return repo;
}

describe('okr checkin', () => {
  it('changes only the value, keeping comments, key order and quoting', () => {
    const { dir } = repo();
    const result = okr(['checkin', 'presentations/feedback', '4.1', '--repo', dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('presentations/feedback  3.9 → 4.1 points');
    expect(readFileSync(path.join(dir, FILE), 'utf8')).toBe(TEXT.replace('current: 3.9     #', 'current: 4.1     #'));
  });

  it('adds a missing value and confidence on their own lines, indented like their neighbours', () => {
    const { dir } = repo();
    expect(okr(['checkin', 'presentations/invites', '1', '--confidence', '0.5', '--as-of', '2026-10-20', '--repo', dir]).status).toBe(0);
    expect(readFileSync(path.join(dir, FILE), 'utf8')).toBe(
      TEXT.replace('    target: 3\n', '    target: 3\n    current: 1\n    confidence: 0.5\n    as_of: 2026-10-20\n'),
    );
  });

  it('commits with the note as the message, and the history reads it as a check-in', () => {
    const repository = repo();
    const result = okr(['checkin', 'presentations/course', 'done', '-m', 'Passed the course\n\nScore 92/100.', '--commit', '--repo', repository.dir], {
      env: { GIT_AUTHOR_NAME: 'Jane Doe', GIT_AUTHOR_EMAIL: 'jane@example.com', GIT_COMMITTER_NAME: 'Jane Doe', GIT_COMMITTER_EMAIL: 'jane@example.com', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    expect(result.status).toBe(0);
    expect(repository.git(['log', '-1', '--format=%B']).trim()).toBe('Passed the course\n\nScore 92/100.');
    expect(repository.git(['status', '--porcelain'])).toBe('');
    const history = JSON.parse(okr(['history', '--repo', repository.dir, '--now', '2026-11-25']).stdout);
    expect(history.checkins[0]).toMatchObject({ message: 'Passed the course\n\nScore 92/100.', changes: [{ kr: 'course', from: 0, to: 1 }] });
  });

  it('names the objectives and key results that exist when the target is wrong', () => {
    const { dir } = repo();
    const objective = okr(['checkin', 'talks/feedback', '4', '--repo', dir]);
    expect(objective.status).toBe(2);
    expect(objective.stderr).toContain('No objective `talks`; the objectives are: presentations');
    const kr = okr(['checkin', 'presentations/feedbak', '4', '--repo', dir]);
    expect(kr.status).toBe(2);
    expect(kr.stderr).toContain('has no key result `feedbak`; its key results: feedback, invites, course');
  });

  it('refuses values of the wrong kind and leaves the file unchanged', () => {
    const { dir } = repo();
    expect(okr(['checkin', 'presentations/course', 'yes', '--repo', dir]).stderr).toContain('give `done` or `not-done`');
    expect(okr(['checkin', 'presentations/feedback', '4,1', '--repo', dir]).stderr).toContain('must be a plain number');
    expect(okr(['checkin', 'presentations/feedback', '4.1', '--confidence', '70', '--repo', dir]).status).toBe(2);
    expect(readFileSync(path.join(dir, FILE), 'utf8')).toBe(TEXT);
  });

  it('exits with 1 and writes nothing when the edited file would not pass the schema', () => {
    const repository = repo();
    repository.write(FILE, TEXT.replace('    unit: points\n', '    unit: points\n    keep_above: 2\n'));
    const before = readFileSync(path.join(repository.dir, FILE), 'utf8');
    const result = okr(['checkin', 'presentations/invites', '2', '--repo', repository.dir]);
    expect(result.status).toBe(1);
    expect(readFileSync(path.join(repository.dir, FILE), 'utf8')).toBe(before);
  });

  it('refuses to change a value shared through a YAML anchor, says why and leaves the file unchanged', () => {
    const repository = createRepo();
    const shared = TEXT.replace('current: 3.9     # after the October talk', 'current: &same 3.9').replace('    baseline: 0\n    target: 3\n', '    baseline: 0\n    target: 3\n    current: *same\n');
    repository.write(FILE, shared);
    repository.commit('Plan', '2026-10-01');
    const run = okr(['checkin', 'presentations/feedback', '4.1'], { cwd: repository.dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('shared with others through a YAML anchor');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(repository.dir, FILE), 'utf8')).toBe(shared);
  });
});
