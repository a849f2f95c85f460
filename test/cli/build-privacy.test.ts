/** `okr build` on a repository that tries every way a private objective could reach the site. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { defaultCacheDir } from '../../src/site/build-site.ts';
import { removeAll, tempDir } from '../fixtures/repos.ts';
import { createRepo, MISSION, objectiveText, removeTempFolders, type TestRepo } from '../helpers/git-repo.ts';

const SECRET = 'pz4-secret';
const cleanup: string[] = [];
let repo: TestRepo;
let out: string;
let stderr = '';

const publicObjective = (current: number) =>
  objectiveText({ title: 'Give talks', aligned_to: `${SECRET}/cuts`, key_results: [{ id: 'feedback', baseline: 3.6, target: 4.5, current }] }).replace(
    'Why it matters.\n',
    `Why it matters. %% inline ${SECRET} comment %% Still shown.\n\n%%\nA block comment about ${SECRET}\n\nover paragraphs\n%%\n\nThe end.\n`,
  );
const privateObjective = (current: number) =>
  objectiveText({ id: SECRET, title: `Plan ${SECRET}`, owner: `${SECRET}-owner`, private: true, key_results: [{ id: 'cuts', baseline: 0, target: 3, current }] });

beforeAll(async () => {
  repo = createRepo();
  repo.write('okrs/mission.md', MISSION).write('okrs/2026-q4/talks.md', publicObjective(3.6));
  repo.commit('Plan', '2026-10-01');
  repo.write('okrs/2026-q4/talks.md', publicObjective(3.9)).write('okrs/2026-q4/plan.md', privateObjective(0));
  repo.commit(`First talk, and started ${SECRET.slice(0, 3)} quietly`, '2026-10-08');
  repo.write('okrs/2026-q4/maybe.md', objectiveText({ id: `maybe-${SECRET}`, title: `Maybe ${SECRET}`, key_results: [] }));
  repo.commit('Another objective', '2026-10-09');
  // Meant to be private, but written in a way the schema does not accept.
  repo.write('okrs/2026-q4/maybe.md', objectiveText({ id: `maybe-${SECRET}`, title: `Maybe ${SECRET}`, private: 'yes', key_results: [] }));
  repo.write('okrs/2026-q4/plan.md', `${privateObjective(1).replace('title:', `title: [broken ${SECRET}\nx:`)}`);
  repo.commit('Mark it private', '2026-10-10');
  // A remote address with a token in it, as some CI setups write it: only host and path may be published.
  repo.git(['remote', 'add', 'origin', `https://x-access-token:${SECRET}-token@github.com/acme/okrs.git`]);
  out = await tempDir();
  cleanup.push(out, defaultCacheDir(repo.dir));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const log = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    expect(await main(['build', '--repo', repo.dir, '--out', out, '--now', '2026-11-20'])).toBe(0);
  } finally {
    err.mockRestore();
    log.mockRestore();
  }
}, 120_000);

afterAll(async () => {
  removeTempFolders();
  await removeAll(...cleanup);
});

describe('okr build and private objectives', () => {
  it('publishes no byte of a private objective, a file that may be private, or an Obsidian comment', async () => {
    const leaks: string[] = [];
    for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
      if (text.includes(SECRET) || text.includes('pz4')) leaks.push(path.relative(out, path.join(entry.parentPath, entry.name)));
    }
    expect(leaks).toEqual([]);
    const page = await readFile(path.join(out, 'objectives/talks/index.html'), 'utf8');
    expect(page).toContain('Still shown.');
    expect(page).toContain('The end.');
    expect(page).not.toContain('over paragraphs');
  });

  it('hides the note of the commit that created the private objective', async () => {
    const json = JSON.parse(await readFile(path.join(out, 'okrs.json'), 'utf8'));
    const talks = JSON.parse(await readFile(path.join(out, 'objectives/talks/okrs.json'), 'utf8'));
    expect(talks.checkins.map((checkin: { message: string }) => checkin.message)).toEqual(['(note hidden: the same commit changed a private objective)']);
    expect(talks.objective.alignedTo).toBe('mission');
    expect(json.objectives.map((objective: { id: string; alignedTo: string | null }) => [objective.id, objective.alignedTo])).toEqual([['talks', null]]);
  });

  it("publishes the repository's web address from its remote, never the folder it was built in or a token", async () => {
    const json = await readFile(path.join(out, 'okrs.json'), 'utf8');
    expect(JSON.parse(json).repo).toBe('https://github.com/acme/okrs');
    expect(json).not.toContain(repo.dir);
    const page = await readFile(path.join(out, 'objectives/talks/index.html'), 'utf8');
    const head = repo.git(['rev-parse', 'HEAD~2']).trim();
    expect(page).toContain(`href="https://github.com/acme/okrs/commit/${head}"`);
  });

  it('says on its output why a file is not published', () => {
    expect(stderr).toMatch(/okrs\/2026-q4\/maybe\.md.*`private:` is not `true` or `false`/);
    expect(stderr).toMatch(/okrs\/2026-q4\/plan\.md.*Malformed YAML/);
  });
});
