/**
 * A repository made from template/, with the packed package installed as a user would
 * (`npm pack`, then an offline install): it lints and builds from node_modules/.bin.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allFiles } from '../e2e/site-files.ts';
import { removeTempFolders, tempFolder, TestRepo } from '../helpers/git-repo.ts';
import { installPackage, packPackage } from '../helpers/package.ts';
import { TEMPLATE } from '../helpers/shipped.ts';
import { templatePeriod } from '../../scripts/template.ts';

afterAll(removeTempFolders);

let tarball: string;
let repo: TestRepo;
const [year, quarter] = (templatePeriod() ?? '').split('-Q').map(Number);
const NOW = `${year}-${String((quarter ?? 1) * 3).padStart(2, '0')}-01`;

beforeAll(() => {
  tarball = packPackage(tempFolder('okr-pack-'));
  repo = new TestRepo(tempFolder('okr-from-template-'));
  repo.git(['init', '-q']);
  cpSync(TEMPLATE, repo.dir, { recursive: true });
  repo.commit('Start from the gitops-okr template', NOW);
  installPackage(repo.dir, tarball, ['astro']);
}, 300_000);

function okr(args: readonly string[]) {
  const result = spawnSync(path.join(repo.dir, 'node_modules', '.bin', 'okr'), args, {
    cwd: repo.dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

describe('a repository made from template/ with the packed package', () => {
  test('the tarball carries none of template/ (init --github writes it from the compiled sources)', () => {
    const entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(entries.filter((entry) => entry.startsWith('package/template/'))).toEqual([]);
    expect(entries).toContain('package/lib/core/github-templates.js');
  });

  test('passes okr lint and builds its site, writing nothing inside the installed package', async () => {
    const installed = path.join(repo.dir, 'node_modules', 'gitops-okr');
    const before = await allFiles(installed);
    const lint = okr(['lint', '--now', NOW]);
    expect(lint.status, lint.out).toBe(0);
    const out = path.join(tempFolder('okr-template-site-'), 'site');
    const build = okr(['build', '--now', NOW, '--out', out, '--site', 'https://jane.github.io', '--base', '/okrs/']);
    expect(build.status, build.out).toBe(0);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('Deliver engaging presentations');
    expect(await allFiles(installed)).toEqual(before);
  }, 180_000);

  test('okr init --github from the package finds everything there and writes nothing', () => {
    const run = okr(['init', '--github', '--now', NOW]);
    expect(run.status, run.out).toBe(0);
    expect(run.out).not.toContain('wrote');
    expect(repo.git(['status', '--porcelain', '--', 'okrs', '.github'])).toBe('');
  });
});
