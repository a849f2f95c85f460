import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { COMMENT_MARKER } from '../../action/src/comment.ts';
import { parseCheckReport } from '../../action/src/report.ts';
import { createActionRepo, type ActionRepo } from '../helpers/action-repo.ts';
import { BOT, startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { parseAnnotation, pullRequestEvent, runAction } from '../helpers/run-action.ts';
import { baseTree, MALFORMED, PRESENTATIONS_CHECKIN, WORK_PACE_EASED } from './fixtures.ts';
import { removeTempFolders, tempFolder } from '../helpers/git-repo.ts';

let github: FakeGitHub;
const repos: ActionRepo[] = [];

beforeAll(async () => {
  github = await startFakeGitHub({ pageSize: 30 });
});
afterAll(async () => {
  await github.close();
  removeTempFolders();
});
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
  github.reset();
});

function repoWithPullRequest(head: Record<string, string | null>): { repo: ActionRepo; base: string; head: string } {
  const repo = createActionRepo();
  repos.push(repo);
  const base = repo.commit(baseTree(), 'Set the Q4 OKRs', '2026-10-01');
  repo.git('checkout', '--quiet', '-b', 'check-in');
  const headSha = repo.commit(head, 'Check-in', '2026-11-01');
  return { repo, base, head: headSha };
}

describe('on a pull request', () => {
  test('annotates, summarises, sets the outputs and comments once, then updates the comment', async () => {
    const { repo, base, head } = repoWithPullRequest({ 'okrs/2026-q4/presentations.md': PRESENTATIONS_CHECKIN, 'okrs/2026-q4/work-pace.md': WORK_PACE_EASED });
    // 75 comments by others on three pages, one of them quoting our marker: neither is ours.
    for (let id = 1; id <= 75; id += 1) github.comments.push({ id, body: id === 60 ? `${COMMENT_MARKER}\nquoted by a person` : `comment ${id}`, user: { login: id === 60 ? 'mallory' : 'jane' } });
    const event = pullRequestEvent(7, { sha: base }, { sha: head });

    const first = await runAction({ workspace: repo.dir, apiUrl: github.url, event });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const annotations = first.annotations.map(parseAnnotation);
    expect(annotations).toContainEqual({
      kind: 'warning',
      properties: { title: 'kr-removed-mid-period', file: 'okrs/2026-q4/work-pace.md', line: '4', col: '1', endLine: '4', endColumn: '12' },
      message: 'Key result `deploys` was deleted during the period\nKeep the key result with `status: dropped` and a `reason:` instead of deleting it',
    });
    expect(annotations).toContainEqual({
      kind: 'warning',
      properties: { title: 'target-eased', file: 'okrs/2026-q4/work-pace.md', line: '8', col: '13', endLine: '8', endColumn: '14' },
      message: 'Target of `cycle` eased from 1 to 2 (baseline 3) during the period\nKeep the target, or add `reason:` to the key result saying why it changed',
    });
    expect(annotations.every((annotation) => annotation.kind === 'warning')).toBe(true);
    expect(first.outputs).toMatchObject({ errors: '0', warnings: String(annotations.length), changed: '1' });
    expect(first.summary).toContain('## OKR check');
    expect(first.summary).toContain('### What moved');
    expect(first.summary).toContain('| Deliver engaging presentations | feedback: Raise average audience feedback from 3\\.6 to 4\\.5 out of 5 | 3\\.9 → 4\\.2 points |');
    expect(first.summary).toContain('`███░░░░░░░` 33% → `███████░░░` 67%');
    expect(first.summary).toContain('```mermaid\nxychart-beta');
    expect(first.summary).toContain('- Removed key result deploys: Ship 12 releases to production this quarter from Increase my work pace');
    expect(first.summary).toContain('[Check in on Deliver engaging presentations](https://github.com/jane/okrs/edit/main/okrs/2026-q4/presentations.md?message=Check-in%3A%20presentations)');

    const eslint = JSON.parse(readFileSync(first.outputs.report ?? '', 'utf8')) as { filePath: string; warningCount: number }[];
    expect(eslint.reduce((sum, result) => sum + result.warningCount, 0)).toBe(annotations.length);
    expect(eslint.every((result) => result.filePath.startsWith(repo.dir))).toBe(true);
    expect(parseCheckReport(readFileSync(first.outputs.report?.replace('eslint.json', 'okr-check.json') ?? '', 'utf8')).pullRequest).toBe(7);

    const created = github.requests.filter((request) => request.method === 'POST');
    expect(created.map((request) => request.path)).toEqual(['/repos/jane/okrs/issues/7/comments']);
    const pagesRead = github.requests.filter((request) => request.method === 'GET' && request.path.includes('/issues/7/comments')).length;
    expect(pagesRead).toBe(3);
    const ours = github.comments.filter((comment) => comment.user.login === BOT);
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(ours[0]?.body).toContain('### What moved');

    github.requests.length = 0;
    const second = await runAction({ workspace: repo.dir, apiUrl: github.url, event });
    expect(second.code).toBe(0);
    expect(github.requests.filter((request) => request.method === 'POST')).toEqual([]);
    expect(github.requests.filter((request) => request.method === 'PATCH').map((request) => request.path)).toEqual([`/repos/jane/okrs/issues/comments/${ours[0]?.id}`]);
    expect(github.comments.filter((comment) => comment.user.login === BOT)).toHaveLength(1);
    expect(github.comments.find((comment) => comment.id === 60)?.body).toContain('quoted by a person');
  });

  test('a read-only token (403) skips the comment with a notice and does not fail', async () => {
    const { repo, base, head } = repoWithPullRequest({ 'okrs/2026-q4/presentations.md': PRESENTATIONS_CHECKIN });
    github.options.forbidWrites = true;
    const run = await runAction({ workspace: repo.dir, apiUrl: github.url, event: pullRequestEvent(8, { sha: base }, { sha: head }) });
    expect(run.code).toBe(0);
    expect(run.annotations).toContainEqual(expect.stringMatching(/^::notice::Skipped the pull-request comment: the token may not write here/));
    expect(run.summary).toContain('### What moved');
    expect(run.outputs.changed).toBe('1');
  });

  test('a pull request from a fork leaves the comment to the comment workflow without calling the API', async () => {
    const { repo, base, head } = repoWithPullRequest({ 'okrs/2026-q4/presentations.md': PRESENTATIONS_CHECKIN });
    const run = await runAction({ workspace: repo.dir, apiUrl: github.url, event: pullRequestEvent(9, { sha: base }, { sha: head }, true) });
    expect(run.code).toBe(0);
    expect(run.annotations).toContainEqual(expect.stringMatching(/^::notice::Pull request from a fork/));
    expect(github.requests).toEqual([]);
  });

  test('a malformed file is an error annotation on its line, and the step fails', async () => {
    const { repo, base, head } = repoWithPullRequest({ 'okrs/2026-q4/skills.md': MALFORMED });
    const run = await runAction({ workspace: repo.dir, apiUrl: github.url, event: pullRequestEvent(10, { sha: base }, { sha: head }), inputs: { comment: 'false' } });
    expect(run.code).toBe(1);
    expect(parseAnnotation(run.annotations[0] ?? '')).toMatchObject({
      kind: 'error',
      properties: { title: 'schema', file: 'okrs/2026-q4/skills.md', line: '4' },
      message: expect.stringMatching(/^Malformed YAML/),
    });
    expect(run.annotations.at(-1)).toBe('::error::1 OKR error; see the annotations and the job summary');
    expect(run.outputs.errors).toBe('1');
    expect(run.summary).toContain('| `okrs/2026-q4/skills.md` | 4 | error | `schema` | Malformed YAML');
    expect(github.requests).toEqual([]);
  });

  test('fail-on never reports the errors without failing', async () => {
    const { repo, base, head } = repoWithPullRequest({ 'okrs/2026-q4/skills.md': MALFORMED });
    const run = await runAction({ workspace: repo.dir, apiUrl: github.url, event: pullRequestEvent(10, { sha: base }, { sha: head }), inputs: { comment: 'false', 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    expect(run.outputs.errors).toBe('1');
  });

  test('fail-on warning fails on warnings alone', async () => {
    const { repo, base, head } = repoWithPullRequest({ 'okrs/2026-q4/work-pace.md': WORK_PACE_EASED });
    const run = await runAction({ workspace: repo.dir, apiUrl: github.url, event: pullRequestEvent(11, { sha: base }, { sha: head }), inputs: { comment: 'false', 'fail-on': 'warning' } });
    expect(run.code).toBe(1);
    expect(run.annotations.at(-1)).toBe(`::error::0 OKR errors and ${run.outputs.warnings} warnings (fail-on: warning); see the annotations and the job summary`);
  });

  test('a base missing from the clone fails clearly, after reporting the head', async () => {
    const { repo, head } = repoWithPullRequest({ 'okrs/2026-q4/presentations.md': PRESENTATIONS_CHECKIN });
    const missing = 'f'.repeat(40);
    const run = await runAction({ workspace: repo.dir, apiUrl: github.url, event: pullRequestEvent(12, { sha: missing }, { sha: head }), inputs: { comment: 'false' } });
    expect(run.code).toBe(1);
    expect(run.annotations.at(-1)).toBe(
      `::error::Could not compare with the base: The base \`${missing}\` is not in this clone and could not be fetched; check out with \`fetch-depth: 0\` (actions/checkout) so the base is in the clone`,
    );
    expect(run.summary).toContain('**Not compared with the base:**');
    expect(run.summary).toContain('3 OKR files checked');
  });

  test('a pull request that deletes okrs/ lists every removed objective and warns about each key result', async () => {
    const { repo, base, head } = repoWithPullRequest({ okrs: null });
    const run = await runAction({ workspace: repo.dir, apiUrl: github.url, event: pullRequestEvent(13, { sha: base }, { sha: head }), inputs: { comment: 'false' } });
    expect(run.code).toBe(0);
    expect(run.annotations).toContainEqual('::notice::No OKR files under `okrs/` at ' + head.slice(0, 7) + '.');
    expect(run.summary).toContain('- Removed objective Deliver engaging presentations (`okrs/2026-q4/presentations.md`)');
    expect(run.summary).toContain('- Removed objective Increase my work pace (`okrs/2026-q4/work-pace.md`)');
    expect(run.outputs.warnings).toBe('4');
    expect(run.annotations.filter((line) => parseAnnotation(line).properties.title === 'kr-removed-mid-period')).toHaveLength(4);
  });

  test('500 changed files: annotations are capped at 10 per kind, changed files first, and the summary says so', async () => {
    const repo = createActionRepo();
    repos.push(repo);
    const files: Record<string, string> = { 'okrs/mission.md': baseTree()['okrs/mission.md'] ?? '' };
    for (let index = 0; index < 500; index += 1)
      files[`okrs/team/objective-${String(index).padStart(3, '0')}.md`] =
        index % 25 === 0
          ? MALFORMED
          : `---\ntitle: Deliver engaging presentations ${index}\nperiod: 2026-Q4\nkey_results:\n  - id: talks\n    title: Give 4 talks\n    baseline: 0\n    target: 4\n---\n`;
    const base = repo.commit({ 'okrs/mission.md': files['okrs/mission.md'] ?? '', 'okrs/team/objective-000.md': MALFORMED }, 'Start', '2026-10-01');
    const head = repo.commit(files, 'Many objectives', '2026-11-01');
    const run = await runAction({ workspace: repo.dir, apiUrl: github.url, event: pullRequestEvent(14, { sha: base }, { sha: head }), inputs: { comment: 'false' } });
    const located = run.annotations.map(parseAnnotation).filter((annotation) => annotation.properties.file !== undefined);
    const errors = located.filter((annotation) => annotation.kind === 'error');
    const warnings = located.filter((annotation) => annotation.kind === 'warning');
    expect(errors).toHaveLength(10);
    expect(Number(run.outputs.errors)).toBe(20);
    expect(warnings).toHaveLength(10);
    const total = Number(run.outputs.errors) + Number(run.outputs.warnings);
    expect(total).toBeGreaterThan(500);
    expect(run.summary).toMatch(/> \*\*Annotations capped:\*\* GitHub shows at most 10 annotations of each kind per step, so 10 of 20 errors and 10 of \d+ warnings are annotated/);
    // Every problem is in the summary's list.
    const rows = run.summary.split('\n').filter((line) => /^\| `okrs\/team\/objective-\d{3}\.md` \| \d+ \| (error|warning) \|/.test(line));
    expect(rows).toHaveLength(total);
    expect(run.code).toBe(1);
  }, 60_000);
});

describe('without a pull request', () => {
  test('an empty repository is nothing to check, not a crash', async () => {
    const repo = createActionRepo();
    repos.push(repo);
    const run = await runAction({ workspace: repo.dir, apiUrl: github.url, eventName: 'push', event: {} });
    expect(run.code).toBe(0);
    expect(run.annotations).toEqual(['::notice::Nothing to check: the repository has no commits yet.']);
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '0', changed: '0' });
  });

  test('a scheduled run warns about stale check-ins and opens, updates, then closes one issue', async () => {
    const repo = createActionRepo();
    repos.push(repo);
    repo.commit(baseTree(), 'Set the Q4 OKRs', '2026-10-01');
    repo.commit({ 'okrs/2026-q4/presentations.md': PRESENTATIONS_CHECKIN }, 'Check-in', '2026-10-30');
    const scheduled = { workspace: repo.dir, apiUrl: github.url, eventName: 'schedule', event: { repository: { default_branch: 'main' } }, inputs: { 'stale-issue': 'true', now: '2026-11-20' } };

    const first = await runAction(scheduled);
    expect(first.code).toBe(0);
    const stale = first.annotations.map(parseAnnotation).filter((annotation) => annotation.properties.title === 'checkin-stale');
    expect(stale.map((annotation) => annotation.message.split('\n')[0])).toEqual([
      'No check-in of `feedback` for 21 days (last on 2026-10-30)',
      'No check-in of `invites` for 50 days (last on 2026-10-01)',
      'No check-in of `cycle` for 50 days (last on 2026-10-01)',
      'No check-in of `deploys` for 50 days (last on 2026-10-01)',
    ]);
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]?.body).toContain('No check\\-in of `feedback` for 21 days \\(last on 2026\\-10\\-30\\)');

    const second = await runAction(scheduled);
    expect(second.code).toBe(0);
    expect(github.issues).toHaveLength(1);
    expect(github.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);

    const fresh = await runAction({ ...scheduled, inputs: { 'stale-issue': 'true', now: '2026-10-05' } });
    expect(fresh.code).toBe(0);
    expect(github.issues[0]?.state).toBe('closed');
  });
});

describe('the comment workflow', () => {
  test('posts a report from another run on its pull request, re-escaping what it says', async () => {
    const { repo, base, head } = repoWithPullRequest({ 'okrs/2026-q4/presentations.md': PRESENTATIONS_CHECKIN });
    const check = await runAction({ workspace: repo.dir, apiUrl: github.url, event: pullRequestEvent(15, { sha: base }, { sha: head }, true) });
    const dataFile = (check.outputs.report ?? '').replace('eslint.json', 'okr-check.json');
    const data = JSON.parse(readFileSync(dataFile, 'utf8')) as { diff: { moved: { krTitle: string }[] } };
    (data.diff.moved[0] as { krTitle: string }).krTitle = '<img src=x onerror=alert(1)> @octocat | ping';
    const tampered = `${dataFile}.tampered.json`;
    (await import('node:fs')).writeFileSync(tampered, JSON.stringify(data));
    github.options.pullHeads = { 15: head };

    const post = await runAction({ workspace: repo.dir, apiUrl: github.url, eventName: 'workflow_run', event: {}, inputs: { 'from-report': tampered, 'expected-head-sha': head } });
    expect(post.stderr).toBe('');
    expect(post.code).toBe(0);
    const body = github.comments.find((comment) => comment.user.login === BOT)?.body ?? '';
    expect(body).toContain('\\<img src=x onerror=alert\\(1\\)\\> @\u200boctocat \\| ping');
    expect(body).not.toMatch(/(?<!\\)<img/);

    const stale = await runAction({ workspace: repo.dir, apiUrl: github.url, eventName: 'workflow_run', event: {}, inputs: { 'from-report': tampered, 'expected-head-sha': 'a'.repeat(40) } });
    expect(stale.code).toBe(1);
    expect(stale.annotations.at(-1)).toMatch(/^::error::Pull request #15 is at [0-9a-f]{7}, not at aaaaaaa/);
  });

  test('refuses a report that does not match the expected shape', async () => {
    const repo = createActionRepo();
    repos.push(repo);
    const file = `${repo.dir}/bad.json`;
    (await import('node:fs')).writeFileSync(file, JSON.stringify({ version: 1, pullRequest: 3, results: [{ path: '../../etc/passwd' }] }));
    const run = await runAction({ workspace: repo.dir, apiUrl: github.url, eventName: 'workflow_run', event: {}, inputs: { 'from-report': file, 'expected-head-sha': 'a'.repeat(40) } });
    expect(run.code).toBe(1);
    expect(run.annotations.at(-1)).toMatch(/^::error::The report does not match the expected shape at `/);
    expect(github.requests).toEqual([]);
  });
});

test('the bundle runs on its own, copied out of this repository with only action/dist', async () => {
  const { cpSync } = await import('node:fs');
  const alone = tempFolder('okr-action-alone-');
  cpSync(new URL('../../action/dist/', import.meta.url), alone, { recursive: true });
  const repo = createActionRepo();
  repos.push(repo);
  repo.commit(baseTree(), 'Set the Q4 OKRs');
  const run = await runAction({ workspace: repo.dir, apiUrl: github.url, eventName: 'push', event: {}, bundle: `${alone}/index.js` });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.summary).toContain('3 OKR files checked');
});
