import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempFolders } from '../helpers/git-repo.ts';
import { okr, okrIn, tempDir, writeTree } from '../helpers/cli.ts';

afterAll(removeTempFolders);

describe('okr init', () => {
  it('scaffolds a mission, an objective for the current quarter and a config that lint clean', async () => {
    const cwd = tempDir();
    const run = await okrIn(['init', '--now', '2026-11-25'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('wrote okrs/mission.md');
    expect(existsSync(path.join(cwd, 'okrs/2026-q4/deliver-engaging-presentations.md'))).toBe(true);
    expect(existsSync(path.join(cwd, 'okrs/config.yml'))).toBe(true);
    const lint = await okrIn(['lint', '--now', '2026-11-25', '--format', 'json'], { cwd });
    expect(lint.status).toBe(0);
    const errors = (JSON.parse(lint.stdout) as { errorCount: number }[]).reduce((sum, file) => sum + file.errorCount, 0);
    expect(errors).toBe(0);
  });

  it('keeps files that are already there', async () => {
    const cwd = tempDir();
    writeTree(cwd, { 'okrs/mission.md': '---\nmission: My own why.\n---\n' });
    const run = await okrIn(['init', '--now', '2026-11-25'], { cwd });
    expect(run.stdout).toContain('kept okrs/mission.md (already there)');
    expect(readFileSync(path.join(cwd, 'okrs/mission.md'), 'utf8')).toContain('My own why.');
  });

  it('points editors at the schema when the repository has one', async () => {
    const cwd = tempDir();
    writeTree(cwd, { 'schema/objective.schema.json': '{}', 'schema/mission.schema.json': '{}', 'schema/config.schema.json': '{}' });
    await okrIn(['init', '--now', '2026-11-25'], { cwd });
    expect(readFileSync(path.join(cwd, 'okrs/2026-q4/deliver-engaging-presentations.md'), 'utf8')).toContain('# yaml-language-server: $schema=../../schema/objective.schema.json');
  });
});

describe('okr new', () => {
  it('writes a valid objective file with key result ids for the given period', async () => {
    const cwd = tempDir();
    await okrIn(['init', '--now', '2026-11-25'], { cwd });
    const run = await okrIn(['new', 'Increase my work pace', '--period', '2026-Q4', '--owner', 'jane'], { cwd });
    expect(run.status).toBe(0);
    const text = readFileSync(path.join(cwd, 'okrs/2026-q4/increase-my-work-pace.md'), 'utf8');
    expect(text).toContain('title: Increase my work pace');
    expect(text).toContain('owner: jane');
    expect(text).toMatch(/- id: first-result/);
    const lint = await okrIn(['lint', 'okrs/2026-q4/increase-my-work-pace.md', '--now', '2026-11-25', '--format', 'json'], { cwd });
    expect(JSON.parse(lint.stdout)[0].errorCount).toBe(0);
  });

  it('quotes titles that YAML would misread', async () => {
    const cwd = tempDir();
    await okrIn(['new', 'Ship v2: the rewrite #1', '--period', '2026-Q4'], { cwd });
    expect(readFileSync(path.join(cwd, 'okrs/2026-q4/ship-v2-the-rewrite-1.md'), 'utf8')).toContain('title: "Ship v2: the rewrite #1"');
  });

  it('refuses to overwrite and rejects a bad period', async () => {
    const cwd = tempDir();
    await okrIn(['new', 'Increase my work pace', '--period', '2026-Q4'], { cwd });
    const again = await okrIn(['new', 'Increase my work pace', '--period', '2026-Q4'], { cwd });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    const bad = await okrIn(['new', 'Increase my work pace', '--period', '2026-Q5'], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--period takes a period such as 2026-Q4');
  });
});

describe('okr schema', () => {
  it('prints the objective JSON Schema by default', async () => {
    const schema = JSON.parse((await okrIn(['schema'], { cwd: tempDir() })).stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'period']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('matches the committed schema files, so editors get the current schema', async () => {
    const cwd = tempDir();
    await okrIn(['schema', '--write', 'out'], { cwd });
    const committed = path.resolve(import.meta.dirname, '../../schema');
    for (const kind of ['objective', 'mission', 'config', 'okrs']) {
      expect(readFileSync(path.join(cwd, `out/${kind}.schema.json`), 'utf8'), `schema/${kind}.schema.json is stale: run npm run schema`).toBe(
        readFileSync(path.join(committed, `${kind}.schema.json`), 'utf8'),
      );
    }
  });
});

describe('okr --help', () => {
  it('lists the commands and exits 0', () => {
    const run = okr(['--help'], { cwd: tempDir() });
    expect(run.status).toBe(0);
    for (const command of ['lint', 'init', 'new', 'schema', 'build']) expect(run.stdout).toContain(command);
  });
});
