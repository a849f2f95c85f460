/** A repository read through the (fake) GitHub API on 127.0.0.1: retries, a history cut short, refusals. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readGitHubSource } from '../../src/io/org-github.ts';
import { SourceError } from '../../src/io/org-http.ts';
import { searchCommits, SEARCH_TOKEN } from '../fixtures/org-sources.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

const source = (maxCommits = 2000) => ({ name: 'team-search', github: 'acme/search-okrs', root: 'okrs', max_commits: maxCommits });
const options = (token: string | null = SEARCH_TOKEN) => ({ timeoutMs: 5000, now: '2026-11-20', token: token ?? undefined, baseUrl: fake.url });

describe('a repository through the GitHub API', () => {
  it('tries again after a server error and then reads the whole history', async () => {
    fake.repos.set('acme/search-okrs', { private: true, token: SEARCH_TOKEN, branch: 'main', commits: searchCommits(), failures: 1 });
    const read = await readGitHubSource(source(), options());
    expect(fake.requests.filter((request) => request.path === '/repos/acme/search-okrs')).toHaveLength(2);
    expect(read.history.checkins.map((checkin) => checkin.message)).toEqual(['Check-in: ndcg 0.62 after the ranking change', 'Check-in: ndcg 0.55']);
    expect(read.notes).toEqual([]);
  }, 20_000);

  it('starts the history from the files before the newest max_commits, and says so', async () => {
    fake.repos.set('acme/search-okrs', { private: false, branch: 'main', commits: searchCommits() });
    const read = await readGitHubSource(source(2), options(null));
    expect(read.notes).toEqual(['only the newest 2 commits of okrs/ were read (`max_commits` in org.yml); the history starts on 2026-10-20']);
    const relevance = read.history.objectives.find((objective) => objective.id === 'relevance')!;
    expect(relevance.keyResults[0]!.series.map((point) => point.value)).toEqual([0.45, 0.55, 0.62]);
    expect(read.history.checkins.map((checkin) => checkin.message)).toEqual(['Check-in: ndcg 0.62 after the ranking change', 'Check-in: ndcg 0.55']);
    expect(read.history.objectives.find((objective) => objective.id === 'globex')?.private).toBe(true);
  });

  it('names a private repository that answers 404 without a token, with a hint about tokens', async () => {
    fake.repos.set('acme/search-okrs', { private: true, token: SEARCH_TOKEN, branch: 'main', commits: searchCommits() });
    const failure = await readGitHubSource(source(), options(null)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceError);
    expect((failure as SourceError).answer).toMatch(/^answered 404: /);
    expect((failure as SourceError).hint).toContain('a private repository also answers 404');
    expect(fake.requests.every((request) => request.path.startsWith('/repos/acme/search-okrs'))).toBe(true);
  });
});
