import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepo, removeTempFolders } from '../helpers/git-repo.ts';
import { okr, okrIn, tempDir, writeTree } from '../helpers/cli.ts';
import { MISSION, objective } from '../helpers/workspace.ts';

afterAll(removeTempFolders);

const GOOD = objective(
  'title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Get 3 invitations to speak\n    baseline: 0\n    target: 3\n  - id: b\n    title: Raise feedback from 3.6 to 4.5\n    baseline: 3.6\n    target: 4.5\n',
);
const SECOND = GOOD.replace('Deliver engaging presentations', 'Increase my work pace');
const THIRD = GOOD.replace('Deliver engaging presentations', 'Learn new skills beyond the job');
const WARNING = GOOD.replace('Deliver engaging presentations', 'Presentations and talks');
const ERROR = objective('title: Deliver engaging presentations\nperiod: 2026-Q5\n');

let clean: string;
let problems: string;

beforeAll(() => {
  clean = tempDir();
  writeTree(clean, { 'okrs/mission.md': MISSION, 'okrs/2026-q4/a.md': GOOD, 'okrs/2026-q4/b.md': SECOND, 'okrs/2026-q4/c.md': THIRD });
  problems = tempDir();
  writeTree(problems, { 'okrs/mission.md': MISSION, 'okrs/2026-q4/a.md': WARNING, 'okrs/2026-q4/b.md': SECOND, 'okrs/2026-q4/c.md': THIRD, 'okrs/2026-q4/d.md': ERROR });
});

describe('okr lint', () => {
  it('runs the change rules against a base with --base: an eased target is reported', async () => {
    const repo = createRepo();
    repo.write('okrs/mission.md', MISSION).write('okrs/2026-q4/a.md', GOOD).write('okrs/2026-q4/b.md', SECOND).write('okrs/2026-q4/c.md', THIRD);
    repo.commit('Plan', '2026-10-01');
    repo.write('okrs/2026-q4/a.md', GOOD.replace('    target: 3\n', '    target: 2\n'));
    const plain = await okrIn(['lint', '--now', '2026-11-15'], { cwd: repo.dir });
    expect(plain.stdout).not.toContain('target-eased');
    const result = await okrIn(['lint', '--base', 'HEAD', '--now', '2026-11-15'], { cwd: repo.dir });
    expect(result.stdout).toContain('okrs/2026-q4/a.md');
    expect(result.stdout).toMatch(/warning .*target-eased/);
    expect(result.status).toBe(0);
    const file = await okrIn(['lint', 'okrs/2026-q4/a.md', '--base', 'HEAD', '--now', '2026-11-15'], { cwd: repo.dir });
    expect(file.stdout).toMatch(/target-eased/);
    const unknown = await okrIn(['lint', '--base', 'no-such-branch', '--now', '2026-11-15'], { cwd: repo.dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--base `no-such-branch` is not a commit that shares history with HEAD here');
  });

  it('checks a period folder within its OKR tree: the mission above counts', async () => {
    const result = await okrIn(['lint', 'okrs/2026-q4', '--now', '2026-11-15'], { cwd: clean });
    expect(result.stdout).toContain('✔ 3 files checked, no problems');
    expect(result.status).toBe(0);
    const only = await okrIn(['lint', 'okrs/2026-q4', '--now', '2026-11-15', '--format', 'json'], { cwd: problems });
    expect((JSON.parse(only.stdout) as { filePath: string }[]).map((file) => path.relative(problems, file.filePath)).sort()).toEqual([
      'okrs/2026-q4/a.md',
      'okrs/2026-q4/b.md',
      'okrs/2026-q4/c.md',
      'okrs/2026-q4/d.md',
    ]);
  });

  it('checks the folder it runs in within the OKR tree above, inside a repository only', async () => {
    const repo = createRepo();
    repo.write('okrs/mission.md', MISSION).write('okrs/2026-q4/a.md', GOOD).write('okrs/2026-q4/b.md', SECOND).write('okrs/2026-q4/c.md', THIRD).write('okrs/2026-q4/d.md', ERROR);
    const inside = await okrIn(['lint', '.', '--now', '2026-11-15'], { cwd: path.join(repo.dir, 'okrs/2026-q4') });
    expect(inside.stdout).not.toContain('mission-required');
    expect(inside.stdout).toMatch(/^d\.md$/m);
    expect(inside.stdout).toContain('(1 error,');
    const one = await okrIn(['lint', 'a.md', '--now', '2026-11-15'], { cwd: path.join(repo.dir, 'okrs/2026-q4') });
    expect(one.stdout).toContain('✔ 1 file checked, no problems');
    // Outside git nothing above the folder is read: the mission is not found.
    const loose = tempDir();
    writeTree(loose, { 'okrs/mission.md': MISSION, 'okrs/2026-q4/a.md': GOOD });
    const outside = await okrIn(['lint', '.', '--now', '2026-11-15'], { cwd: path.join(loose, 'okrs/2026-q4') });
    expect(outside.stdout).toContain('mission-required');
  });

  it('exits 0 and says so on clean OKRs', async () => {
    const run = await okrIn(['lint', '--now', '2026-11-15'], { cwd: clean });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✔ 4 files checked, no problems');
  });

  it('exits 1 on errors and prints file, line, column, rule and hint without colour off a terminal', async () => {
    const run = await okrIn(['lint', 'okrs', '--now', '2026-11-15'], { cwd: problems });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('okrs/2026-q4/d.md');
    expect(run.stdout).toMatch(/3:9 +error +Unexpected `period: "2026-Q5"`.*schema/);
    expect(run.stdout).toContain('The right form looks like: `period: 2026-Q4`');
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?\)/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('colours the output when forced and never with NO_COLOR', () => {
    expect(okr(['lint', '--now', '2026-11-15'], { cwd: problems, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(okr(['lint', '--now', '2026-11-15'], { cwd: problems, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('exits 0 with warnings only, and 1 when they exceed --max-warnings', async () => {
    const onlyWarnings = tempDir();
    writeTree(onlyWarnings, { 'okrs/mission.md': MISSION, 'okrs/2026-q4/a.md': WARNING, 'okrs/2026-q4/b.md': SECOND, 'okrs/2026-q4/c.md': THIRD });
    expect((await okrIn(['lint', '--now', '2026-11-15'], { cwd: onlyWarnings })).status).toBe(0);
    expect((await okrIn(['lint', '--now', '2026-11-15', '--max-warnings', '0'], { cwd: onlyWarnings })).status).toBe(1);
    expect((await okrIn(['lint', '--now', '2026-11-15', '--max-warnings', '5'], { cwd: onlyWarnings })).status).toBe(0);
  });

  it('writes ESLint-compatible JSON that lists every file with absolute paths', async () => {
    const run = await okrIn(['lint', '--format', 'json', '--now', '2026-11-15'], { cwd: problems });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { filePath: string; messages: Record<string, unknown>[]; errorCount: number; warningCount: number }[];
    expect(report.map((file) => file.filePath)).toEqual(
      ['okrs/2026-q4/a.md', 'okrs/2026-q4/b.md', 'okrs/2026-q4/c.md', 'okrs/2026-q4/d.md', 'okrs/mission.md'].map((file) => path.join(problems, file)),
    );
    const d = report[3]!;
    expect(d.errorCount).toBe(1);
    expect(d.messages[0]).toMatchObject({ ruleId: 'schema', severity: 2, line: 3, column: 9, endLine: 3, endColumn: 16 });
    expect(report[1]!.messages).toEqual([]);
    expect(report[0]!.messages).toContainEqual(expect.objectContaining({ ruleId: 'objective-action-oriented', severity: 1 }));
  });

  it('prints GitHub workflow commands with escaped text', async () => {
    const run = await okrIn(['lint', '--format', 'github', '--now', '2026-11-15'], { cwd: problems });
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain(
      '::error file=okrs/2026-q4/d.md,line=3,col=9,endLine=3,endColumn=16,title=schema::Unexpected `period: "2026-Q5"`: expected a period such as `2026-Q4`, `2026-H2`, `2026`, `2026-11` or `{start: 2026-10-05, end: 2026-12-18}`%0AThe right form looks like: `period: 2026-Q4`',
    );
    expect(lines.some((line) => line.startsWith('::warning file=okrs/2026-q4/a.md,line=2,col=8,'))).toBe(true);
  });

  it('writes SARIF 2.1.0 with the rules and their criteria', async () => {
    const sarif = JSON.parse((await okrIn(['lint', '--format', 'sarif', '--now', '2026-11-15'], { cwd: problems })).stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('kr-outcome-not-task');
    expect(run.results).toContainEqual(
      expect.objectContaining({
        ruleId: 'schema',
        level: 'error',
        locations: [{ physicalLocation: { artifactLocation: { uri: 'okrs/2026-q4/d.md' }, region: { startLine: 3, startColumn: 9, endLine: 3, endColumn: 16 } } }],
      }),
    );
  });

  it('checks a single file within its tree and reports only that file', async () => {
    const run = await okrIn(['lint', 'okrs/2026-q4/b.md', '--format', 'json', '--now', '2026-11-15'], { cwd: problems });
    const report = JSON.parse(run.stdout) as { filePath: string; messages: unknown[] }[];
    expect(report.map((file) => path.relative(problems, file.filePath))).toEqual(['okrs/2026-q4/b.md']);
    expect(report[0]!.messages).toEqual([]);
    expect(run.status).toBe(0);
  });

  it.each([
    [['lint', 'missing-folder'], /No such file or folder: missing-folder/],
    [['lint', '--now', 'yesterday'], /--now takes a date such as 2026-11-25/],
    [['lint', '--format', 'xml'], /Allowed choices are stylish, json, github, sarif/],
    [['lint', '--max-warnings', 'many'], /--max-warnings takes a whole number/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 on a usage error: %j', (args, message) => {
    const run = okr(args, { cwd: clean });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('reports unreadable files from disk and still checks the rest', async () => {
    const cwd = tempDir();
    writeTree(cwd, {
      'okrs/mission.md': MISSION,
      'okrs/2026-q4/a.md': WARNING,
      'okrs/2026-q4/huge.md': `---\ntitle: x\n---\n${'x'.repeat(1_100_000)}`,
      'okrs/_template.md': 'ignored',
      'okrs/.obsidian/app.md': 'ignored',
      'okrs/README.md': '# About',
    });
    writeFileSync(path.join(cwd, 'okrs/2026-q4/photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const report = JSON.parse((await okrIn(['lint', '--format', 'json', '--now', '2026-11-15'], { cwd })).stdout) as { filePath: string; messages: { message: string }[] }[];
    const byFile = Object.fromEntries(report.map((file) => [path.relative(cwd, file.filePath), file.messages.map((message) => message.message)]));
    expect(Object.keys(byFile).sort()).toEqual(['okrs/2026-q4/a.md', 'okrs/2026-q4/huge.md', 'okrs/2026-q4/photo.md', 'okrs/mission.md']);
    expect(byFile['okrs/2026-q4/huge.md']).toEqual(['File is 1075 KB; OKR files are read up to 1024 KB']);
    expect(byFile['okrs/2026-q4/photo.md']).toEqual(['Binary file in the OKR folder']);
    expect(byFile['okrs/2026-q4/a.md']).toContainEqual(expect.stringContaining('does not start with an action'));
  });

  it('tells how to start when there is no okrs/ folder', async () => {
    const run = await okrIn(['lint'], { cwd: tempDir() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('run `okr init`');
  });
});
