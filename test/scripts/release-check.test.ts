import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { versionProblemsIn } from '../../scripts/release-check.ts';
import { copyCheckout, ROOT } from '../helpers/fresh-copy.ts';
import { removeTempFolders, tempFolder } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

describe('versionProblemsIn', () => {
  it('finds every way a version of gitops-okr is named, with its line', () => {
    const text = [
      'uses: gitops-okr/gitops-okr/.github/workflows/reusable-check.yml@v0.1.0',
      '- uses: gitops-okr/gitops-okr/site@v0.0.9',
      'see https://github.com/gitops-okr/gitops-okr/blob/v0.0.8/docs/format.md',
      'by [gitops-okr](https://github.com/gitops-okr/gitops-okr) v0.0.7.',
      '      gitops-okr-ref:',
      '        description: Which version.',
      '        type: string',
      '        default: v0.0.6',
      'uses: actions/checkout@v0.0.5 and gitops-okr/gitops-okr/action@v1',
    ].join('\n');
    expect(versionProblemsIn('x.yml', text, '0.1.0')).toEqual([
      { file: 'x.yml', line: 2, found: '0.0.9' },
      { file: 'x.yml', line: 3, found: '0.0.8' },
      { file: 'x.yml', line: 4, found: '0.0.7' },
      { file: 'x.yml', line: 8, found: '0.0.6' },
    ]);
  });
});

describe('npm run release:check -- --only versions', () => {
  let copy: string;
  beforeAll(() => {
    copy = tempFolder('okr-release-');
    copyCheckout(copy);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  });

  const check = () => {
    const run = spawnSync(process.execPath, [path.join(copy, 'scripts', 'release-check.ts'), '--only', 'versions'], { cwd: copy, encoding: 'utf8' });
    return { status: run.status, out: run.stdout + run.stderr };
  };
  const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(copy, file), change(readFileSync(path.join(copy, file), 'utf8')));

  it('passes on this checkout', () => {
    const run = check();
    expect(run.out).toContain('✓ one version everywhere');
    expect(run.status).toBe(0);
  });

  it('fails on a version bumped in package.json alone, naming each file and line still at the old one', () => {
    edit('package.json', (text) => text.replace(`"version": "${packageJson.version}"`, '"version": "9.0.0"'));
    const run = check();
    expect(run.status).toBe(1);
    expect(run.out).toContain('✗ one version everywhere');
    const stale = `v${packageJson.version}, but package.json's version is 9.0.0`;
    expect(run.out).toContain(`template/.github/workflows/okr-check.yml:${lineOf('template/.github/workflows/okr-check.yml', 'uses: gitops-okr/')}: ${stale}`);
    expect(run.out).toContain(`.github/workflows/reusable-pages.yml:${lineOf('.github/workflows/reusable-pages.yml', `default: v${packageJson.version}`)}: ${stale}`);
    expect(run.out).toContain(`template/README.md:`);
    // What init writes follows the version that runs.
    expect(run.out).not.toContain('okr init --github:');
    edit('package.json', (text) => text.replace('"version": "9.0.0"', `"version": "${packageJson.version}"`));
  });

  it('fails on one reference left behind, and names only it', () => {
    edit('template/.github/workflows/pages.yml', (text) => text.replace(`reusable-pages.yml@v${packageJson.version}`, 'reusable-pages.yml@v0.0.9'));
    const run = check();
    expect(run.status).toBe(1);
    expect(run.out.split('\n').filter((line) => line.startsWith('  '))).toEqual([
      `  template/.github/workflows/pages.yml:${lineOf('template/.github/workflows/pages.yml', 'uses: gitops-okr/')}: v0.0.9, but package.json's version is ${packageJson.version}`,
    ]);
  });
});

function lineOf(file: string, needle: string): number {
  return (
    readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(needle)) + 1
  );
}
