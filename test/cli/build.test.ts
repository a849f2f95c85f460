import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseBase } from '../../src/cli/build.ts';
import { defaultCacheDir, PACKAGE_ROOT } from '../../src/site/build-site.ts';
import { DEMO_NOW, demoHistory } from '../fixtures/demo-history.ts';
import { folderWith, historyFile, removeAll, tempDir } from '../fixtures/repos.ts';

const cleanup: string[] = [];
afterAll(() => removeAll(...cleanup));

/** Runs `okr build …` in this process, capturing what it prints. */
async function okrBuild(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(['build', ...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const contents = new Map<string, Buffer>();
  for (const entry of files) {
    const file = path.join(entry.parentPath, entry.name);
    contents.set(path.relative(dir, file), await readFile(file));
  }
  return contents;
}

const OBJECTIVE = `---
title: Ship the new onboarding
period: 2026-Q4
key_results:
  - id: first-pr
    title: Cut the days to a first merged pull request from 9 to 3
    baseline: 9
    target: 3
    current: 6
---
Why it matters.
`;

describe('okr build', () => {
  it('builds the same bytes twice for the same --now', async () => {
    const history = await historyFile(demoHistory());
    const [first, second] = [await tempDir(), await tempDir()];
    cleanup.push(first, second, path.dirname(history));
    const flags = ['--repo', PACKAGE_ROOT, '--now', DEMO_NOW, '--site', 'https://jane.github.io', '--base', '/my-okrs/', '--history', history];
    expect((await okrBuild(...flags, '--out', first)).code).toBe(0);
    expect((await okrBuild(...flags, '--out', second)).code).toBe(0);
    const [a, b] = [await filesOf(first), await filesOf(second)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a.keys()]).toContain('objectives/presentations/index.html');
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
  });

  it('builds a folder that is not a git repository from its current files', async () => {
    const repo = await folderWith({ 'okrs/2026-q4/onboarding.md': OBJECTIVE });
    cleanup.push(repo, defaultCacheDir(repo));
    const result = await okrBuild('--repo', repo, '--now', '2026-11-20');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Built \d+ pages for 2026-11-20/);
    expect(result.stderr).toContain('no --site given');
    const page = await readFile(path.join(repo, 'dist/objectives/onboarding/index.html'), 'utf8');
    expect(page).toContain('Ship the new onboarding');
    expect(page).toContain('Why it matters.');
  });

  it('builds an empty okrs/ into a site that says there is nothing yet', async () => {
    const repo = await folderWith({ 'okrs/.gitkeep': '' });
    const out = await tempDir();
    cleanup.push(repo, out, defaultCacheDir(repo));
    expect((await okrBuild('--repo', repo, '--out', out, '--now', '2026-11-20', '--site', 'https://example.org')).code).toBe(0);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('No objectives yet');
    expect(JSON.parse(await readFile(path.join(out, 'badge.json'), 'utf8')).message).toBe('none yet');
    expect(JSON.parse(await readFile(path.join(out, 'okrs.json'), 'utf8')).objectives).toEqual([]);
  });

  it('reports invalid files on its output and counts them on the site, lists them there only with --show-problems, and fails on them only with --strict', async () => {
    const repo = await folderWith({ 'okrs/good.md': OBJECTIVE, 'okrs/broken.md': '---\ntitle: Broken\nperiod: Q5\n---\n' });
    const [out, listed, strictOut] = [await tempDir(), await tempDir(), path.join(await tempDir(), 'site')];
    cleanup.push(repo, out, listed, path.dirname(strictOut), defaultCacheDir(repo));
    const lenient = await okrBuild('--repo', repo, '--out', out, '--now', '2026-11-20');
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('okrs/broken.md:3');
    const dashboard = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(dashboard).toContain('Needs attention');
    expect(dashboard).toMatch(/\d+ problems? with files or their history/);
    expect(dashboard).not.toContain('okrs/broken.md');
    expect(dashboard).toContain('Ship the new onboarding');
    expect(JSON.parse(await readFile(path.join(out, 'okrs.json'), 'utf8')).warnings).toEqual([]);

    expect((await okrBuild('--repo', repo, '--out', listed, '--now', '2026-11-20', '--show-problems')).code).toBe(0);
    expect(await readFile(path.join(listed, 'index.html'), 'utf8')).toContain('okrs/broken.md');

    const strict = await okrBuild('--repo', repo, '--out', strictOut, '--now', '2026-11-20', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('needs attention okrs/broken.md:3');
    expect(strict.stderr).toContain('problem(s) in okrs/ and --strict is set; nothing was built\n  hint: Fix what is listed above');
    await expect(readdir(strictOut)).rejects.toThrow();
  });

  it('says what is missing in a folder without okrs/, without building', async () => {
    const repo = await folderWith({ 'README.md': '# Not an OKR repository\n' });
    cleanup.push(repo);
    const result = await okrBuild('--repo', repo, '--now', '2026-11-20');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `okr: Nothing to build: ${repo} has no okrs/ folder. The site is built from the OKR files in okrs/; run \`okr init\` to start them, or give --repo the repository that holds them\n`,
    );
    await expect(readdir(path.join(repo, 'dist'))).rejects.toThrow();
    expect((await okrBuild('--repo', path.join(repo, 'missing'), '--now', '2026-11-20')).stderr).toContain(`there is no folder ${path.join(repo, 'missing')}`);
  });

  it('checks a --history file against the history schema and says where it does not fit', async () => {
    const dir = await tempDir();
    cleanup.push(dir);
    const broken = structuredClone(demoHistory()) as unknown as { objectives: { keyResults: { series: { progress: unknown }[] }[] }[] };
    broken.objectives[0]!.keyResults[0]!.series[0]!.progress = 'half';
    const file = path.join(dir, 'history.json');
    await writeFile(file, JSON.stringify(broken));
    const result = await okrBuild('--repo', PACKAGE_ROOT, '--out', path.join(dir, 'out'), '--now', DEMO_NOW, '--history', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`okr build: ${file} is not a history (as \`okr history --format json\` writes it): at \`objectives.0.keyResults.0.series.0.progress\`, `);
    await writeFile(file, '{ not json');
    expect((await okrBuild('--repo', PACKAGE_ROOT, '--history', file, '--now', DEMO_NOW)).stderr).toContain(`${file} is not JSON`);
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow();
  });

  it('rejects a malformed --site, --base or --now', async () => {
    expect((await okrBuild('--site', 'jane.github.io')).code).toBe(2);
    expect((await okrBuild('--base', '/a/../b')).code).toBe(2);
    expect((await okrBuild('--now', '2026-13-01')).code).toBe(2);
  });
});

describe('parseBase', () => {
  it('accepts a base with or without slashes', () => {
    expect(parseBase(undefined)).toBe('/');
    expect(parseBase('/')).toBe('/');
    expect(parseBase('my-okrs')).toBe('/my-okrs/');
    expect(parseBase('/my-okrs')).toBe('/my-okrs/');
    expect(parseBase('/team/okrs/')).toBe('/team/okrs/');
  });
});
