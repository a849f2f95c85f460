/**
 * `okr build --org --strict`: the sources are read while Astro starts, and a source that fails
 * still stops the build before any page is written, with the last site left as it was.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ORG_SOURCES_NOW, writeCompanyRepo } from '../fixtures/org-sources.ts';
import { removeAll, tempDir } from '../fixtures/repos.ts';
import { okrIn } from '../helpers/cli.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';

let work: string;
let fake: FakeGitHub;

beforeAll(async () => {
  work = await tempDir('okr-org-strict-');
  fake = await startFakeGitHub();
});

afterAll(async () => {
  await fake?.close();
  await removeAll(work);
});

describe('okr build --org --strict', () => {
  it('stops on a source that fails, says why, and keeps the last site and nothing beside it', { timeout: 180_000 }, async () => {
    const repo = path.join(work, 'company');
    writeCompanyRepo(repo);
    const orgFile = path.join(work, 'org.yml');
    await writeFile(orgFile, stringify({ name: 'acme', timeout_seconds: 1, sources: [{ name: 'team-gone', url: `${fake.url}/sites/gone/okrs.json` }] }));
    const dist = path.join(work, 'dist');
    const build = (strict: boolean) => okrIn(['build', '--org', orgFile, '--repo', repo, '--out', dist, '--now', ORG_SOURCES_NOW, ...(strict ? ['--strict'] : [])]);
    const lenient = await build(false);
    expect(lenient.status, lenient.stderr).toBe(0);
    const index = await readFile(path.join(dist, 'index.html'), 'utf8');

    const strict = await build(true);

    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/source failed .*team-gone/);
    expect(strict.stderr).toContain('okr build: 0 of 1 source(s) read');
    expect(strict.stderr).toContain('--strict is set and there are 1 failed source(s), 1 dangling aligned_to; nothing was built');
    expect(strict.stdout).not.toMatch(/Built \d+ pages/);
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toBe(index);
    expect((await readdir(work)).filter((name) => name.startsWith('dist'))).toEqual(['dist']);
  });
});
