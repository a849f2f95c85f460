/** No single file takes the build down: each of these once failed a whole build or took minutes. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { defaultCacheDir } from '../../src/site/build-site.ts';
import { removeAll, tempDir } from '../fixtures/repos.ts';
import { createRepo, MISSION, objectiveText, removeTempFolders } from '../helpers/git-repo.ts';

const cleanup: string[] = [];
afterAll(async () => {
  removeTempFolders();
  await removeAll(...cleanup);
});

const good = (title: string, extra: Record<string, unknown> = {}, current: unknown = 1) => objectiveText({ title, key_results: [{ id: 'invites', baseline: 0, target: 3, current }], ...extra });

describe('okr build with hostile files', () => {
  it('builds the rest of the site and shows an over-bound body as plain text', async () => {
    const repo = createRepo();
    repo.write('okrs/mission.md', MISSION);
    repo.write('okrs/2026-q4/talks.md', good('Deliver engaging presentations'));
    repo.write('okrs/2026-q4/quotes.md', good('Write a newsletter').replace('Why it matters.\n', `Why.\n\n${'>'.repeat(2500)} deep\n`));
    repo.write('okrs/2026-q4/emphasis.md', good('Run a workshop').replace('Why it matters.\n', '*a_'.repeat(35_000)));
    repo.write('okrs/2026-q4/tasks.md', good('Mentor a colleague').replace('Why it matters.\n', '- [ ] x\n'.repeat(80_000)));
    repo.write('okrs/2026-q4/🔥.md', good('Put out fires'));
    repo.write('okrs/2026-q4/long-id.md', good('Have a long name', { id: 'a'.repeat(300) }));
    repo.write('okrs/2026-q4/huge.md', good('Count everything', {}, 1e308));
    repo.commit('Plan', '2026-10-01');
    const out = await tempDir();
    cleanup.push(out, defaultCacheDir(repo.dir));

    let stderr = '';
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    const log = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let code: number;
    try {
      code = await main(['build', '--repo', repo.dir, '--out', out, '--now', '2026-11-20']);
    } finally {
      err.mockRestore();
      log.mockRestore();
    }
    expect(code, stderr).toBe(0);

    expect(await readFile(path.join(out, 'objectives/talks/index.html'), 'utf8')).toContain('Why it matters.');
    for (const id of ['quotes', 'emphasis', 'tasks']) expect(await readFile(path.join(out, `objectives/${id}/index.html`), 'utf8'), id).toContain('class="body-plain"');
    const json = JSON.parse(await readFile(path.join(out, 'okrs.json'), 'utf8'));
    expect(json.objectives.map((objective: { id: string }) => objective.id).sort()).toEqual(['emphasis', 'quotes', 'talks', 'tasks']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toMatch(/Infinity|NaN/);
    expect(stderr).toContain('The file name `🔥.md` gives no id');
    expect(stderr).toContain('at most 64 characters');
    expect(stderr).toMatch(/current: 1e\+308/);
  }, 120_000);
});
