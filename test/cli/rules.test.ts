import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempFolders } from '../helpers/git-repo.ts';
import { okr, okrIn, tempDir } from '../helpers/cli.ts';

afterAll(removeTempFolders);

describe('okr rules', () => {
  it('lists every rule with its default severity', () => {
    const run = okr(['rules'], { cwd: tempDir() });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^kr-outcome-not-task +warn +A key result states an outcome/m);
    expect(run.stdout).toMatch(/^kr-output-not-outcome +warn +A key result that counts or delivers/m);
    expect(run.stdout).toMatch(/^committed-postmortem +warn +A committed objective graded below 1.0/m);
    expect(run.stdout.trim().split('\n')).toHaveLength(20);
  });

  it('writes the rule reference that is committed as docs/rules.md', async () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '../../docs/rules.md'), 'utf8');
    expect((await okrIn(['rules', '--format', 'markdown'], { cwd: tempDir() })).stdout, 'docs/rules.md is stale: run npm run docs').toBe(committed);
  });
});
