import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parseCheckinCommand } from '../../action/src/checkin-command.ts';
import { createActionRepo, type ActionRepo } from '../helpers/action-repo.ts';
import { removeTempFolders } from '../helpers/git-repo.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { runAction } from '../helpers/run-action.ts';
import { CHECKIN_DECISIONS } from '../fixtures/checkin-decisions.ts';
import { baseTree, PRESENTATIONS } from './fixtures.ts';

const FILE = 'okrs/2026-q4/presentations.md';
let github: FakeGitHub;
const repos: ActionRepo[] = [];

beforeAll(async () => {
  github = await startFakeGitHub({ permissions: { jane: 'write', owner: 'admin', reader: 'read' } });
});
afterAll(async () => {
  await github.close();
  removeTempFolders();
});
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
  github.reset();
});

/** The default branch checked out, as actions/checkout does for `issue_comment`, and the same files behind the contents API. */
function defaultBranch(): ActionRepo {
  const repo = createActionRepo();
  repos.push(repo);
  repo.commit(baseTree(), 'Set the Q4 OKRs', '2026-10-01');
  for (const [file, text] of Object.entries(baseTree())) github.files.set(file, { text, sha: `sha-of-${file}` });
  return repo;
}

function commentEvent(body: string, login = 'jane', action = 'created'): unknown {
  return {
    action,
    comment: { id: 77, body, html_url: 'https://github.com/jane/okrs/issues/5#issuecomment-77', user: { login, id: 4242, type: 'User' } },
    issue: { number: 5, pull_request: { url: 'https://api.github.com/repos/jane/okrs/pulls/5' } },
    repository: { full_name: 'jane/okrs', default_branch: 'main' },
  };
}

const run = (repo: ActionRepo, event: unknown) => runAction({ workspace: repo.dir, apiUrl: github.url, eventName: 'issue_comment', event });

describe('/checkin in a comment', () => {
  test('from someone with write access: edits the file on the default branch, commits with the note and the commenter as author, and answers with what moved', async () => {
    const repo = defaultBranch();
    const result = await run(repo, commentEvent('/checkin presentations/feedback 4.1 confidence 0.7 Team demo went well'));
    expect(result.code).toBe(0);
    expect(result.outputs.checkin).toBe('committed');
    expect(github.requests.find((request) => request.path.includes('/collaborators/'))?.path).toBe('/repos/jane/okrs/collaborators/jane/permission');
    expect(github.commits).toHaveLength(1);
    const [commit] = github.commits;
    expect(commit).toMatchObject({ path: FILE, branch: 'main', author: { name: 'jane', email: '4242+jane@users.noreply.github.com' } });
    expect(commit?.message).toBe('Team demo went well\n\npresentations/feedback: 3.9 → 4.1 points, confidence 0.6 → 0.7\nFrom https://github.com/jane/okrs/issues/5#issuecomment-77\n');
    expect(commit?.text).toBe(PRESENTATIONS.replace('current: 3.9', 'current: 4.1').replace('confidence: 0.6', 'confidence: 0.7'));
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toBe(
      `Checked in \`presentations/feedback\`: 3\\.9 → 4\\.1 points, confidence 0\\.6 → 0\\.7, with the note “Team demo went well”. Commit \`${commit?.sha.slice(0, 7)}\` on \`main\`.`,
    );
  });

  test('no change: records the note and moves as_of to the day, the value stays', async () => {
    const repo = defaultBranch();
    const result = await run(repo, commentEvent('/checkin presentations/feedback no change Waiting for the December talk'));
    expect(result.outputs.checkin).toBe('committed');
    expect(github.commits[0]?.text).toBe(PRESENTATIONS.replace('confidence: 0.6', 'confidence: 0.6\n    as_of: 2026-11-02'));
    expect(github.commits[0]?.message.split('\n')[0]).toBe('Waiting for the December talk');
    expect(github.comments[0]?.body).toContain('no change\\: still 3\\.9 points, as of 2026\\-11\\-02');
  });

  test('from someone without write access: a polite refusal, nothing written', async () => {
    const repo = defaultBranch();
    for (const login of ['reader', 'stranger']) {
      const result = await run(repo, commentEvent('/checkin presentations/feedback 5 Trust me', login));
      expect(result.code).toBe(0);
      expect(result.outputs.checkin).toBe('refused');
    }
    expect(github.commits).toEqual([]);
    expect(github.requests.filter((request) => request.method === 'PUT' || request.path.includes('/contents/'))).toEqual([]);
    expect(github.comments.map((comment) => comment.body)).toEqual([
      expect.stringMatching(/^Thank you for the check-in, reader\. Only people who may write to this repository can check in from a comment, so nothing was changed\./),
      expect.stringMatching(/^Thank you for the check-in, stranger\./),
    ]);
  });

  test('a wrong command gets the error and the right form, escaped; nothing written', async () => {
    const repo = defaultBranch();
    await run(repo, commentEvent('/checkin presentations/nope 4 @everyone <img src=x>'));
    await run(repo, commentEvent('/checkin presentations/feedback lots'));
    expect(github.commits).toEqual([]);
    const [missing, notNumber] = github.comments.map((comment) => comment.body);
    expect(missing).toContain('Could not check in: Objective `presentations` has no key result `nope`; its key results are `feedback`, `invites`. Nothing was changed.');
    expect(missing).toContain('    /checkin <objective>/<key result> <value | done | not-done | no change> [confidence 0.7] [note]');
    expect(notNumber).toContain('must be a plain number such as 4\\.2 \\(no units or commas\\), got `lots`');
  });

  test('an edited comment or another comment is not a check-in', async () => {
    const repo = defaultBranch();
    expect((await run(repo, commentEvent('/checkin presentations/feedback 4.1', 'jane', 'edited'))).outputs.checkin).toBe('ignored');
    expect((await run(repo, commentEvent('Looks good; /checkin later'))).outputs.checkin).toBe('ignored');
    expect(github.requests).toEqual([]);
  });

  test('a file changed on the default branch since it was read is not overwritten: the answer asks to post again', async () => {
    const repo = defaultBranch();
    // Someone pushes between the read and the commit.
    github.options.beforePut = (file) => github.files.set(file, { text: PRESENTATIONS.replace('current: 3.9', 'current: 4.4'), sha: 'pushed-meanwhile' });
    const result = await run(repo, commentEvent('/checkin presentations/feedback 4.1 Demo'));
    github.options.beforePut = undefined;
    expect(result.outputs.checkin).toBe('invalid');
    expect(github.commits).toEqual([]);
    expect(github.files.get(FILE)?.text).toContain('current: 4.4');
    expect(github.comments[0]?.body).toContain('changed on `main` while this ran; post the check\\-in again');
  });
});

describe('/checkin decides as okr checkin does (test/fixtures/checkin-decisions.ts)', () => {
  test.each(CHECKIN_DECISIONS)('$name', async ({ before, comment, after }) => {
    const repo = defaultBranch();
    github.files.set(FILE, { text: before, sha: `sha-of-${FILE}` });
    const result = await run(repo, commentEvent(`/checkin presentations/feedback ${comment}`));
    expect(result.outputs.checkin).toBe(after === undefined ? 'invalid' : 'committed');
    expect(github.commits.map((commit) => commit.text)).toEqual(after === undefined ? [] : [after]);
  });
});

describe('the /checkin command', () => {
  test('reads the value, no change, confidence and a note over several lines', () => {
    expect(parseCheckinCommand('/checkin a/b done Shipped\nat last')).toEqual({
      ok: true,
      objective: 'a',
      keyResult: 'b',
      request: { value: 'done', noChange: false, confidence: undefined, note: 'Shipped\nat last' },
    });
    expect(parseCheckinCommand('/checkin a/b No Change confidence 0.5')).toEqual({
      ok: true,
      objective: 'a',
      keyResult: 'b',
      request: { value: undefined, noChange: true, confidence: 0.5, note: '' },
    });
    expect(parseCheckinCommand('/checkin a/b 3 confidence high')).toEqual({ ok: false, problem: '`confidence` takes a number from 0 to 1, e.g. 0.7; got `high`' });
    expect(parseCheckinCommand('/checkin feedback 3')).toMatchObject({ ok: false, problem: expect.stringContaining('`<objective>/<key result>`') });
  });
});
