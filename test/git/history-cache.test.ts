import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHistory, type HistoryCacheOptions } from '../../src/git/history.ts';
import { okrIn } from '../helpers/cli.ts';
import { createRepo, MISSION, objectiveText, removeTempFolders, tempFolder, type TestRepo } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

const NOW = '2026-11-25';

const talks = (current: number, extra: Record<string, unknown> = {}) =>
  objectiveText({ title: 'Deliver engaging presentations', ...extra, key_results: [{ id: 'feedback', baseline: 3, target: 4.5, current }] });

/** A repository with a mission, a public and a private objective, and three check-ins. */
function repoWithCheckins(): TestRepo {
  const repo = createRepo();
  repo.write('okrs/mission.md', MISSION);
  repo.write('okrs/2026-q4/talks.md', talks(3));
  repo.write('okrs/2026-q4/health.md', objectiveText({ title: 'Sleep more', private: true, key_results: [{ id: 'hours', baseline: 6, target: 8, current: 6 }] }));
  repo.commit('Plan the quarter', '2026-10-01');
  repo.write('okrs/2026-q4/talks.md', talks(3.5)).commit('Meetup talk', '2026-10-08');
  repo.write('okrs/2026-q4/health.md', objectiveText({ title: 'Sleep more', private: true, key_results: [{ id: 'hours', baseline: 6, target: 8, current: 7 }] }));
  repo.commit('Slept better', '2026-10-10');
  return repo;
}

/** The cache options of a test: warnings collected, files in a folder of the test's own, or in the git folder for `null`. */
function cacheIn(folder?: string | null): HistoryCacheOptions & { warnings: string[] } {
  const warnings: string[] = [];
  const dir = folder === undefined ? tempFolder('okr-cache-') : folder;
  return { ...(dir === null ? {} : { dir }), warnings, onWarning: (message) => warnings.push(message) };
}

function cacheFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** A cache file's header and state, its lists put back in the state, as the tests change them. */
function readCacheFile(file: string): { header: Record<string, unknown>; state: Record<string, any> } {
  const [header, state, ...lines] = readFileSync(file, 'utf8')
    .split('\n')
    .slice(0, -2)
    .map((line) => JSON.parse(line));
  const objectives = lines.splice(0, state.builder.objectives);
  return { header, state: { ...state, builder: { ...state.builder, objectives, checkins: lines } } };
}

/** Writes a cache file as gitops-okr would, digest and all: what a crafted file looks like. */
function writeCacheFile(file: string, { header, state }: { header: Record<string, unknown>; state: Record<string, any> }): void {
  const { objectives, checkins } = state.builder as { objectives: unknown[]; checkins: unknown[] };
  const lines = [header, { ...state, builder: { ...state.builder, objectives: objectives.length, checkins: checkins.length } }, ...objectives, ...checkins];
  const sealed = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
  writeFileSync(file, `${sealed}${createHash('sha256').update(sealed).digest('hex')}\n`);
}

async function readWithCount(repo: TestRepo, cache: HistoryCacheOptions | false, now = NOW) {
  let read = 0;
  const history = await readHistory(repo.dir, { now, cache, onProgress: (done) => (read = done) });
  return { history, read };
}

describe('the history cache', () => {
  it('lives in the git folder, not the work tree, and the next run reads only the commits since', async () => {
    const repo = repoWithCheckins();
    const cache = cacheIn(null);
    const first = await readWithCount(repo, cache);
    expect(first.read).toBe(3);
    const folder = path.join(repo.dir, '.git', 'gitops-okr');
    expect(cacheFiles(folder)).toEqual([expect.stringMatching(/^history-v3-[0-9a-f]{16}\.json$/)]);
    expect(repo.git(['status', '--porcelain', '--ignored'])).toBe('');

    repo.write('okrs/2026-q4/talks.md', talks(4.1)).commit('Conference talk', '2026-10-20');
    const second = await readWithCount(repo, cache);
    expect(second.read).toBe(1);
    expect(second.history).toEqual(await readHistory(repo.dir, { now: NOW, cache: false }));
    expect(second.history.checkins.map((checkin) => checkin.message)).toEqual(['Conference talk', 'Slept better', 'Meetup talk']);
    expect(second.history.privateCommits).toHaveLength(2);
    // Nothing new: nothing is read from the log.
    expect((await readWithCount(repo, cache)).read).toBe(0);
    expect(cache.warnings).toEqual([]);
    expect(cacheFiles(folder)).toHaveLength(1);
  });

  it('keeps nothing that depends on the day: a cache written on one day gives the trends of another', async () => {
    const repo = repoWithCheckins();
    const cache = cacheIn();
    await readHistory(repo.dir, { now: '2026-10-12', cache });
    repo.write('okrs/2026-q4/talks.md', talks(3.8)).commit('Team demo', '2026-10-15');
    const later = await readHistory(repo.dir, { now: '2026-12-20', cache });
    expect(later).toEqual(await readHistory(repo.dir, { now: '2026-12-20', cache: false }));
    expect(later.generatedAt).toBe('2026-12-20');
  });

  it('ignores a cut-short cache with a warning and writes a good one again', async () => {
    const repo = repoWithCheckins();
    const cache = cacheIn();
    await readHistory(repo.dir, { now: NOW, cache });
    const [name] = cacheFiles(cache.dir as string);
    const file = path.join(cache.dir as string, name as string);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    const { history, read } = await readWithCount(repo, cache);
    expect(read).toBe(3);
    expect(history).toEqual(await readHistory(repo.dir, { now: NOW, cache: false }));
    expect(cache.warnings).toEqual([expect.stringMatching(/^Ignored the history cache .*: its content does not match its digest \(cut short or damaged\)\. .*deleting the file is always safe$/)]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('catches by its digest a cache changed after it was written, even where the change is valid JSON', async () => {
    const repo = repoWithCheckins();
    const cache = cacheIn();
    await readHistory(repo.dir, { now: NOW, cache });
    const file = path.join(cache.dir as string, cacheFiles(cache.dir as string)[0] as string);
    const text = readFileSync(file, 'utf8');
    // A flipped privacy flag keeps the JSON and the schema whole: only the digest tells.
    expect(text).toContain('"privateNow":true');
    writeFileSync(file, text.replace('"privateNow":true', '"privateNow":false'));
    expect(await readHistory(repo.dir, { now: NOW, cache })).toEqual(await readHistory(repo.dir, { now: NOW, cache: false }));
    expect(cache.warnings).toEqual([expect.stringContaining('its content does not match its digest (cut short or damaged)')]);
    expect(readFileSync(file, 'utf8')).toBe(text);

    // The digest line alone, or nothing after the header, is no cache either.
    for (const damaged of [text.slice(0, text.indexOf('\n') + 1), text.replace(/[0-9a-f]{64}\n$/, '')]) {
      writeFileSync(file, damaged);
      await readHistory(repo.dir, { now: NOW, cache });
      expect(cache.warnings.at(-1)).toContain('its content does not match its digest');
    }
  });

  it('reads a cache back whose notes hold characters outside the Basic Multilingual Plane wherever its pieces end', async () => {
    // The digest is taken a megabyte at a time: a note of emoji over that mark puts one at the end of a piece,
    // and the two notes start one character apart, so in one of them the mark falls between the halves of one.
    for (const lead of ['', 'x']) {
      const repo = repoWithCheckins();
      const note = path.join(repo.dir, '.git', 'long-note.txt');
      writeFileSync(note, `Meetup talk ${lead}${'😀'.repeat(700_000)}`);
      repo.write('okrs/2026-q4/talks.md', talks(3.7));
      repo.git(['add', '-A'], '2026-10-12');
      repo.git(['commit', '-q', '-F', note], '2026-10-12');
      const cache = cacheIn();
      await readHistory(repo.dir, { now: NOW, cache });
      repo.write('okrs/2026-q4/talks.md', talks(4)).commit('Team demo', '2026-10-15');
      const { history, read } = await readWithCount(repo, cache);
      expect(cache.warnings).toEqual([]);
      expect(read).toBe(1);
      expect(history.checkins.some((checkin) => checkin.message.endsWith('😀😀'))).toBe(true);
    }
  });

  it('never trusts a cache that does not match its schema, such as a check-in of an objective that is not there', async () => {
    const repo = repoWithCheckins();
    const cache = cacheIn();
    await readHistory(repo.dir, { now: NOW, cache });
    const file = path.join(cache.dir as string, cacheFiles(cache.dir as string)[0] as string);
    const data = readCacheFile(file);
    data.state.builder.checkins[0].objective = 99;
    writeCacheFile(file, data);
    expect(await readHistory(repo.dir, { now: NOW, cache })).toEqual(await readHistory(repo.dir, { now: NOW, cache: false }));
    expect(cache.warnings).toEqual([expect.stringContaining("does not match the cache's schema")]);

    // A cache that would publish a private objective: its privacy flags are not a number.
    data.state.builder.checkins[0].objective = 0;
    data.state.builder.objectives[0].privateNow = 'no';
    writeCacheFile(file, data);
    await readHistory(repo.dir, { now: NOW, cache });
    expect(cache.warnings.at(-1)).toContain('at `builder.objectives.0.privateNow`');
  });

  it('never trusts a cache whose lines are not as many as its state gives, or whose check-in has a key it never writes', async () => {
    const repo = repoWithCheckins();
    const cache = cacheIn();
    await readHistory(repo.dir, { now: NOW, cache });
    const file = path.join(cache.dir as string, cacheFiles(cache.dir as string)[0] as string);
    const lines = readFileSync(file, 'utf8').split('\n').slice(0, -2);
    const seal = (sealed: string) => writeFileSync(file, `${sealed}${createHash('sha256').update(sealed).digest('hex')}\n`);
    // The last check-in's line left out, then the same line twice.
    for (const changed of [lines.slice(0, -1), [...lines, lines.at(-1)]]) {
      seal(changed.map((line) => `${line}\n`).join(''));
      expect(await readHistory(repo.dir, { now: NOW, cache })).toEqual(await readHistory(repo.dir, { now: NOW, cache: false }));
      expect(cache.warnings.at(-1)).toContain('it is not JSON lines of the lengths its state gives');
    }
    const data = readCacheFile(file);
    data.state.builder.checkins[1].private = false;
    writeCacheFile(file, data);
    await readHistory(repo.dir, { now: NOW, cache });
    expect(cache.warnings.at(-1)).toContain("does not match the cache's schema (at `builder.checkins.1`: Expected a check-in as gitops-okr writes it)");
    expect(cache.warnings).toHaveLength(3);
  });

  it('ignores the cache of another repository, root or version of gitops-okr', async () => {
    const repo = repoWithCheckins();
    const other = createRepo();
    other.write('okrs/2026-q4/talks.md', talks(4)).commit('Someone else’s plan', '2026-10-01');
    const cache = cacheIn();
    await readHistory(other.dir, { now: NOW, cache });
    await readHistory(repo.dir, { now: NOW, cache });
    const files = cacheFiles(cache.dir as string).map((name) => path.join(cache.dir as string, name));
    expect(files).toHaveLength(2);
    const mine = files.find((file) => readFileSync(file, 'utf8').includes(JSON.stringify(repo.dir))) as string;
    const theirs = files.find((file) => file !== mine) as string;
    copyFileSync(theirs, mine);
    const history = await readHistory(repo.dir, { now: NOW, cache });
    expect(history).toEqual(await readHistory(repo.dir, { now: NOW, cache: false }));
    expect(history.objectives.map((objective) => objective.title)).toContain('Sleep more');
    expect(cache.warnings).toEqual([expect.stringContaining(`it belongs to ${other.dir} (root \`okrs\`), not ${repo.dir} (root \`okrs\`)`)]);

    const data = readCacheFile(mine);
    writeCacheFile(mine, { ...data, header: { ...data.header, tool: '0.0.1' } });
    await readHistory(repo.dir, { now: NOW, cache });
    expect(cache.warnings.at(-1)).toMatch(/it was written in format 3 by gitops-okr 0\.0\.1/);
  });

  it('keeps one cache per root: another root neither reads nor replaces it', async () => {
    const repo = repoWithCheckins();
    repo.write('goals/2026-q4/reading.md', objectiveText({ title: 'Read more books', key_results: [{ id: 'books', baseline: 0, target: 12, current: 2 }] })).commit('Reading goal', '2026-10-12');
    const cache = cacheIn();
    const okrs = await readHistory(repo.dir, { now: NOW, cache });
    const goals = await readHistory(repo.dir, { now: NOW, root: 'goals', cache });
    expect(cacheFiles(cache.dir as string)).toHaveLength(2);
    expect(goals.objectives.map((objective) => objective.id)).toEqual(['reading']);
    expect(await readHistory(repo.dir, { now: NOW, cache })).toEqual(okrs);
    expect(await readHistory(repo.dir, { now: NOW, root: 'goals', cache })).toEqual(await readHistory(repo.dir, { now: NOW, root: 'goals', cache: false }));
    expect(cache.warnings).toEqual([]);
  });

  it('reads the whole history again after an amended commit, with a note', async () => {
    const repo = repoWithCheckins();
    const cache = cacheIn();
    await readHistory(repo.dir, { now: NOW, cache });
    repo.write('okrs/2026-q4/talks.md', talks(3.2));
    repo.git(['add', '-A'], '2026-10-10');
    repo.git(['commit', '-q', '--amend', '-m', 'Slept better; the talk score was lower'], '2026-10-10');
    const { history, read } = await readWithCount(repo, cache);
    expect(read).toBe(3);
    expect(history).toEqual(await readHistory(repo.dir, { now: NOW, cache: false }));
    expect(history.checkins[0]?.message).toBe('Slept better; the talk score was lower');
    expect(cache.warnings).toEqual([expect.stringMatching(/^The history cache is after commit [0-9a-f]{7}, which is no longer on the first-parent line of HEAD/)]);
  });

  it('reads the whole history again after a rebase onto other work', async () => {
    const repo = repoWithCheckins();
    const cache = cacheIn();
    await readHistory(repo.dir, { now: NOW, cache });
    const first = repo.git(['rev-list', '--max-parents=0', 'HEAD']).trim();
    repo.git(['checkout', '-q', '-b', 'other', first]);
    repo.write('okrs/2026-q4/writing.md', objectiveText({ title: 'Write two articles', key_results: [{ id: 'articles', baseline: 0, target: 2, current: 1 }] })).commit('First article', '2026-10-05');
    repo.git(['checkout', '-q', 'main']);
    repo.git(['rebase', '-q', 'other'], '2026-10-11');
    const history = await readHistory(repo.dir, { now: NOW, cache });
    expect(history).toEqual(await readHistory(repo.dir, { now: NOW, cache: false }));
    expect(history.objectives.map((objective) => objective.id)).toEqual(['health', 'talks', 'writing']);
    expect(cache.warnings).toHaveLength(1);
  });

  it('follows a merge after the cached commit along the first parent', async () => {
    const repo = repoWithCheckins();
    const cache = cacheIn();
    await readHistory(repo.dir, { now: NOW, cache });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.write('okrs/2026-q4/talks.md', talks(3.9)).commit('Workshop', '2026-10-14');
    repo.write('okrs/2026-q4/talks.md', talks(4.2)).commit('Keynote', '2026-10-16');
    repo.git(['checkout', '-q', 'main']);
    repo.write('okrs/mission.md', MISSION.replace('The why.', 'The why, again.')).commit('Reword the mission', '2026-10-15');
    repo.git(['merge', '-q', '--no-ff', '-m', 'Merge the talks', 'feature'], '2026-10-17');
    const { history, read } = await readWithCount(repo, cache);
    expect(read).toBe(2);
    expect(history).toEqual(await readHistory(repo.dir, { now: NOW, cache: false }));
    expect(history.checkins[0]?.message).toBe('Merge the talks');
    expect(cache.warnings).toEqual([]);
  });

  it('reads the whole history again when a new commit dated earlier moves the days of cached ones', async () => {
    const repo = createRepo();
    repo.write('okrs/2026-q4/talks.md', talks(3)).commit('Plan', '2026-10-01');
    // A clock that was ahead: the check-in says 20 October.
    repo.write('okrs/2026-q4/talks.md', talks(3.5)).commit('Meetup talk', '2026-10-20');
    const cache = cacheIn();
    const before = await readHistory(repo.dir, { now: NOW, cache });
    expect(before.checkins[0]?.date).toBe('2026-10-20');
    repo.write('okrs/2026-q4/talks.md', talks(3.8)).commit('Team demo', '2026-10-09');
    const after = await readHistory(repo.dir, { now: NOW, cache });
    expect(after).toEqual(await readHistory(repo.dir, { now: NOW, cache: false }));
    expect(after.checkins.map((checkin) => checkin.date)).toEqual(['2026-10-09', '2026-10-09']);
    expect(cache.warnings).toEqual([expect.stringContaining('is dated before the commits the history cache holds')]);
  });

  it('writes nothing with `cache: false`', async () => {
    const repo = repoWithCheckins();
    await readHistory(repo.dir, { now: NOW, cache: false });
    expect(existsSync(path.join(repo.dir, '.git', 'gitops-okr'))).toBe(false);
  });

  it('still gives the history when the cache cannot be written, with a warning, and leaves no temp file', async () => {
    const repo = repoWithCheckins();
    const blocked = path.join(tempFolder('okr-cache-'), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const cache = cacheIn(path.join(blocked, 'cache'));
    expect(await readHistory(repo.dir, { now: NOW, cache })).toEqual(await readHistory(repo.dir, { now: NOW, cache: false }));
    expect(cache.warnings).toEqual([expect.stringMatching(/^Cannot write the history cache .*; the next run reads the whole history again$/)]);
    const folder = tempFolder('okr-cache-');
    await readHistory(repo.dir, { now: NOW, cache: cacheIn(folder) });
    expect(cacheFiles(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('okr history, status and build with the cache', () => {
  it('take --cache-dir and --no-cache, and say on stderr when a cache was ignored', async () => {
    const repo = repoWithCheckins();
    const dir = tempFolder('okr-cache-');
    const plain = await okrIn(['history', '--repo', repo.dir, '--now', NOW, '--no-cache']);
    expect(existsSync(path.join(repo.dir, '.git', 'gitops-okr'))).toBe(false);
    const cached = await okrIn(['history', '--repo', repo.dir, '--now', NOW, '--cache-dir', dir]);
    expect(cached.stdout).toBe(plain.stdout);
    const [name] = cacheFiles(dir);
    writeFileSync(path.join(dir, name as string), '{"format":');
    const status = await okrIn(['status', '--repo', repo.dir, '--now', NOW, '--cache-dir', dir]);
    expect(status.status).toBe(0);
    expect(status.stderr).toContain('okr: warning: Ignored the history cache');
    expect((await okrIn(['status', '--repo', repo.dir, '--now', NOW, '--cache-dir', dir])).stderr).not.toContain('history cache');
    // By default the cache is in the git folder.
    await okrIn(['status', '--repo', repo.dir, '--now', NOW]);
    expect(cacheFiles(path.join(repo.dir, '.git', 'gitops-okr'))).toHaveLength(1);
  });
});
