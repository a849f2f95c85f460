import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRepo, removeTempFolders } from '../helpers/git-repo.ts';
import { okr, okrIn, okrWithFullDisk } from '../helpers/cli.ts';
import { testGitEnv } from '../helpers/git-repo.ts';
import { CHECKIN_DECISIONS } from '../fixtures/checkin-decisions.ts';

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
  it('changes only the value, keeping comments, key order and quoting', async () => {
    const { dir } = repo();
    const result = await okrIn(['checkin', 'presentations/feedback', '4.1', '--repo', dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('presentations/feedback  3.9 → 4.1 points');
    expect(readFileSync(path.join(dir, FILE), 'utf8')).toBe(TEXT.replace('current: 3.9     #', 'current: 4.1     #'));
  });

  it('adds a missing value and confidence on their own lines, indented like their neighbours', async () => {
    const { dir } = repo();
    expect((await okrIn(['checkin', 'presentations/invites', '1', '--confidence', '0.5', '--as-of', '2026-10-20', '--repo', dir])).status).toBe(0);
    expect(readFileSync(path.join(dir, FILE), 'utf8')).toBe(TEXT.replace('    target: 3\n', '    target: 3\n    current: 1\n    confidence: 0.5\n    as_of: 2026-10-20\n'));
  });

  it('commits with the note as the message, and the history reads it as a check-in (spawned)', () => {
    const repository = repo();
    const result = okr(['checkin', 'presentations/course', 'done', '-m', 'Passed the course\n\nScore 92/100.', '--commit', '--repo', repository.dir], {
      env: {
        GIT_AUTHOR_NAME: 'Jane Doe',
        GIT_AUTHOR_EMAIL: 'jane@example.com',
        GIT_COMMITTER_NAME: 'Jane Doe',
        GIT_COMMITTER_EMAIL: 'jane@example.com',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    });
    expect(result.status).toBe(0);
    expect(repository.git(['log', '-1', '--format=%B']).trim()).toBe('Passed the course\n\nScore 92/100.');
    expect(repository.git(['status', '--porcelain'])).toBe('');
    const history = JSON.parse(okr(['history', '--repo', repository.dir, '--now', '2026-11-25']).stdout);
    expect(history.checkins[0]).toMatchObject({ message: 'Passed the course\n\nScore 92/100.', changes: [{ kr: 'course', from: 0, to: 1 }] });
  });

  it('names the objectives and key results that exist when the target is wrong', async () => {
    const { dir } = repo();
    const objective = await okrIn(['checkin', 'talks/feedback', '4', '--repo', dir]);
    expect(objective.status).toBe(2);
    expect(objective.stderr).toContain('No objective `talks`; the objectives are: presentations');
    const kr = await okrIn(['checkin', 'presentations/feedbak', '4', '--repo', dir]);
    expect(kr.status).toBe(2);
    expect(kr.stderr).toContain('has no key result `feedbak`; its key results: feedback, invites, course');
  });

  it('refuses values of the wrong kind and leaves the file unchanged', async () => {
    const { dir } = repo();
    expect((await okrIn(['checkin', 'presentations/course', 'yes', '--repo', dir])).stderr).toContain('give `done` or `not-done`');
    expect((await okrIn(['checkin', 'presentations/feedback', '4,1', '--repo', dir])).stderr).toContain('must be a plain number');
    expect((await okrIn(['checkin', 'presentations/feedback', '4.1', '--confidence', '70', '--repo', dir])).status).toBe(2);
    expect(readFileSync(path.join(dir, FILE), 'utf8')).toBe(TEXT);
  });

  it('exits with 1 and writes nothing when the edited file would not pass the schema', async () => {
    const repository = repo();
    repository.write(FILE, TEXT.replace('    unit: points\n', '    unit: points\n    keep_above: 2\n'));
    const before = readFileSync(path.join(repository.dir, FILE), 'utf8');
    const result = await okrIn(['checkin', 'presentations/invites', '2', '--repo', repository.dir]);
    expect(result.status).toBe(1);
    expect(readFileSync(path.join(repository.dir, FILE), 'utf8')).toBe(before);
  });

  it('refuses to change a value shared through a YAML anchor, says why and leaves the file unchanged', async () => {
    const repository = createRepo();
    const shared = TEXT.replace('current: 3.9     # after the October talk', 'current: &same 3.9').replace('    baseline: 0\n    target: 3\n', '    baseline: 0\n    target: 3\n    current: *same\n');
    repository.write(FILE, shared);
    repository.commit('Plan', '2026-10-01');
    const run = await okrIn(['checkin', 'presentations/feedback', '4.1', '--repo', repository.dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('shared with others through a YAML anchor');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(repository.dir, FILE), 'utf8')).toBe(shared);
  });

  it('records a check-in without a change: the same value with a note writes `as_of`, and the history lists it', async () => {
    const repository = repo();
    const env = testGitEnv('2026-11-20T12:00:00+00:00');
    const result = await okrIn(['checkin', 'presentations/feedback', '3.9', '-m', 'No talk this month', '--as-of', '2026-11-20', '--commit', '--repo', repository.dir], { env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('presentations/feedback  no change: still 3.9 points, as of 2026-11-20');
    expect(readFileSync(path.join(repository.dir, FILE), 'utf8')).toBe(TEXT.replace('# after the October talk\n', '# after the October talk\n    as_of: 2026-11-20\n'));
    expect(repository.git(['log', '-1', '--format=%B']).trim()).toBe('No talk this month');
    const history = JSON.parse((await okrIn(['history', '--repo', repository.dir, '--now', '2026-11-25'])).stdout);
    expect(history.checkins[0]).toMatchObject({ date: '2026-11-20', message: 'No talk this month', changes: [{ kr: 'feedback', from: 3.9, to: 3.9 }] });
    const feedback = history.objectives[0].keyResults[0];
    expect(feedback.series.map((point: { date: string }) => point.date)).toEqual(['2026-10-01', '2026-11-20']);
  });

  it('takes --no-change -m instead of repeating the value', async () => {
    const repository = repo();
    const result = await okrIn(['checkin', 'presentations/course', '--no-change', '-m', 'Still booked for December', '--as-of', '2026-11-20', '--repo', repository.dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no change: still not done, as of 2026-11-20');
    expect(readFileSync(path.join(repository.dir, FILE), 'utf8')).toContain('    done: false\n    as_of: 2026-11-20\n');
    const conflicting = await okrIn(['checkin', 'presentations/feedback', '4.2', '--no-change', '-m', 'x', '--repo', repository.dir]);
    expect(conflicting.status).toBe(2);
    expect(conflicting.stderr).toContain('--no-change records the value the file has (3.9 points)');
  });

  it('says nothing changed, without a stack trace, when the value is the same and there is no note', async () => {
    const repository = repo();
    const result = await okrIn(['checkin', 'presentations/feedback', '3.9', '--commit', '--repo', repository.dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'okr: nothing changed: `presentations/feedback` is already 3.9 points. To record a check-in without a change, give its note: okr checkin presentations/feedback --no-change -m "…"\n',
    );
    expect(readFileSync(path.join(repository.dir, FILE), 'utf8')).toBe(TEXT);
    const again = await okrIn(['checkin', 'presentations/feedback', '--no-change', '-m', 'Same', '--as-of', '2026-10-01', '--repo', repository.dir]);
    expect(again.status).toBe(0);
    const twice = await okrIn(['checkin', 'presentations/feedback', '--no-change', '-m', 'Same', '--as-of', '2026-10-01', '--commit', '--repo', repository.dir]);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('is already 3.9 points as of 2026-10-01, so there is nothing to commit');
    expect(twice.stderr).not.toContain('    at ');
  });

  it('leaves the file as it was when it cannot be written, and says so (spawned, on a full disk)', () => {
    const { dir } = repo();
    const result = okrWithFullDisk(['checkin', 'presentations/feedback', '4.1', '--repo', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^okr: cannot write okrs\/2026-q4\/presentations\.md: EFBIG .*; the file was left unchanged\n$/);
    expect(readFileSync(path.join(dir, FILE), 'utf8')).toBe(TEXT);
    expect(readdirSync(path.dirname(path.join(dir, FILE)))).toEqual(['presentations.md']);
  });

  it('refuses a key result id that is used twice, naming the rule that reports it', async () => {
    const repository = createRepo();
    repository.write(FILE, TEXT.replace('  - id: invites', '  - id: feedback'));
    repository.commit('Plan', '2026-10-01');
    const before = readFileSync(path.join(repository.dir, FILE), 'utf8');
    const result = await okrIn(['checkin', 'presentations/feedback', '4', '--repo', repository.dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('okr/2026-q4/presentations.md has 2 key results with the id `feedback`'.replace('okr/', 'okrs/'));
    expect(result.stderr).toContain('`unique-ids`');
    expect(readFileSync(path.join(repository.dir, FILE), 'utf8')).toBe(before);
  });
});

describe('okr checkin decides as /checkin does (test/fixtures/checkin-decisions.ts)', () => {
  it.each(CHECKIN_DECISIONS)('$name', async ({ before, cli, after }) => {
    const repository = createRepo();
    repository.write(FILE, before);
    repository.commit('Plan', '2026-10-01');
    const result = await okrIn(['checkin', 'presentations/feedback', ...cli, '--repo', repository.dir]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(repository.dir, FILE), 'utf8')).toBe(after ?? before);
    expect(result.status === 0).toBe(after !== undefined);
  });
});
