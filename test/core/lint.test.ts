import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkspace } from '../../src/core/lint.ts';
import { buildWorkspace } from '../../src/core/workspace.ts';
import { rules } from '../../src/core/rules/index.ts';
import type { Rule } from '../../src/core/rules/index.ts';
import { lintFiles, MISSION, NOW, objective, workspaceOf } from '../helpers/workspace.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

function filesUnder(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(path.join(repoRoot, root), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files[
        path
          .relative(path.join(repoRoot, root, '..'), full)
          .split(path.sep)
          .join('/')
      ] = readFileSync(full, 'utf8');
    }
  }
  return files;
}

const good = (title: string, period = '2026-Q4') =>
  objective(
    `title: ${title}\nperiod: ${period}\nkey_results:\n  - id: a\n    title: Get 3 invitations to speak\n    baseline: 0\n    target: 3\n  - id: b\n    title: Raise feedback from 3.6 to 4.5\n    baseline: 3.6\n    target: 4.5\n`,
  );

describe('lintWorkspace', () => {
  it('finds no problem in the sample OKRs of this repository', () => {
    expect(lintFiles(filesUnder('okrs'), '2026-11-25')).toEqual([]);
  });

  it('flags every task-like key result of the seed examples', () => {
    const flagged = lintFiles(filesUnder('test/fixtures/seed-tasks/okrs'), '2026-02-10')
      .filter((message) => message.ruleId === 'kr-outcome-not-task')
      .map((message) => message.message);
    for (const id of ['workshop', 'tedtalks', 'focus', 'delegate']) expect(flagged.some((message) => message.includes(`\`${id}\``))).toBe(true);
    expect(flagged.some((message) => message.includes('`mentees`') || message.includes('`certification`'))).toBe(false);
  });

  it('lists every file, clean ones too, sorted by path', () => {
    const results = lintWorkspace(workspaceOf({ 'okrs/mission.md': MISSION, 'okrs/2026-q4/b.md': good('Increase my work pace'), 'okrs/2026-q4/a.md': good('Deliver engaging presentations') }), {
      now: NOW,
    });
    expect(results.map((result) => result.path)).toEqual(['okrs/2026-q4/a.md', 'okrs/2026-q4/b.md', 'okrs/mission.md']);
  });

  it('keeps checking the other files when one cannot be read', () => {
    const messages = lintFiles({
      'okrs/mission.md': MISSION,
      'okrs/2026-q4/binary.md': new Uint8Array([0xff, 0x00, 0x12]),
      'okrs/2026-q4/latin1.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]),
      'okrs/2026-q4/bad.md': good('Presentations'),
    });
    expect(messages).toContainEqual(expect.objectContaining({ path: 'okrs/2026-q4/binary.md', message: 'Binary file in the OKR folder', severity: 2 }));
    expect(messages).toContainEqual(expect.objectContaining({ path: 'okrs/2026-q4/latin1.md', message: 'File is not valid UTF-8' }));
    expect(messages).toContainEqual(expect.objectContaining({ path: 'okrs/2026-q4/bad.md', ruleId: 'objective-action-oriented' }));
  });

  it('reports a file over 1 MB without reading it', () => {
    const workspace = buildWorkspace('okrs', [{ path: 'okrs/2026-q4/huge.md', bytes: new Uint8Array(0), size: 2 * 1024 * 1024 }]);
    const messages = lintWorkspace(workspace, { now: NOW }).flatMap((result) => result.messages);
    expect(messages).toContainEqual(expect.objectContaining({ ruleId: 'schema', line: 1, message: 'File is 2048 KB; OKR files are read up to 1024 KB' }));
  });

  it('never lets `schema: off` or `schema: warn` make a broken objective pass', () => {
    for (const severity of ['off', 'warn']) {
      const messages = lintFiles({ 'okrs/mission.md': MISSION, 'okrs/2026-q4/broken.md': '---\ntitle: Broken\nperiod: 2026-Q5\n---\n', 'okrs/config.yml': `rules:\n  schema: ${severity}\n` });
      expect(messages).toContainEqual(expect.objectContaining({ path: 'okrs/2026-q4/broken.md', ruleId: 'schema', severity: 2, line: 3 }));
      expect(messages).toContainEqual(
        expect.objectContaining({
          path: 'okrs/config.yml',
          ruleId: 'schema',
          severity: 2,
          line: 2,
          message: `Unexpected \`schema: ${severity}\`: files that do not parse or match the schema are always errors`,
        }),
      );
    }
  });

  it('takes severities from okrs/config.yml', () => {
    const files = { 'okrs/mission.md': MISSION, 'okrs/2026-q4/a.md': good('Presentations') };
    expect(lintFiles(files).filter((message) => message.ruleId === 'objective-action-oriented')).toEqual([expect.objectContaining({ severity: 1 })]);
    const asError = lintFiles({ ...files, 'okrs/config.yml': 'rules:\n  objective-action-oriented: error\n' });
    expect(asError.filter((message) => message.ruleId === 'objective-action-oriented')).toEqual([expect.objectContaining({ severity: 2 })]);
    const off = lintFiles({ ...files, 'okrs/config.yml': 'rules:\n  objective-action-oriented: off\n  objective-count: off\n' });
    expect(off.filter((message) => message.ruleId === 'objective-action-oriented' || message.ruleId === 'objective-count')).toEqual([]);
  });

  it('reports an unknown rule in the config with a suggestion', () => {
    const messages = lintFiles({ 'okrs/mission.md': MISSION, 'okrs/config.yml': '# rules\nrules:\n  kr-measurble: off\n' });
    expect(messages).toContainEqual(expect.objectContaining({ path: 'okrs/config.yml', line: 3, message: 'Unknown rule `kr-measurble`; did you mean `kr-measurable`?' }));
  });

  it('reports kr-count as an error when an objective has no key results, even when the rule is a warning', () => {
    const messages = lintFiles({ 'okrs/mission.md': MISSION, 'okrs/2026-q4/a.md': objective('title: Deliver engaging presentations\nperiod: 2026-Q4\n') });
    expect(messages.filter((message) => message.ruleId === 'kr-count')).toEqual([expect.objectContaining({ severity: 2, message: 'This objective has no key results' })]);
  });

  it('contains a rule that throws and still runs the others', () => {
    const broken: Rule = {
      ...rules[0]!,
      id: 'broken',
      check: () => {
        throw new Error('boom');
      },
    };
    const results = lintWorkspace(workspaceOf({ 'okrs/mission.md': MISSION, 'okrs/2026-q4/a.md': good('Presentations') }), { now: NOW, rules: [broken, ...rules] });
    const messages = results.flatMap((result) => result.messages);
    expect(messages).toContainEqual(expect.objectContaining({ ruleId: 'broken', severity: 2, message: 'Rule `broken` failed: boom' }));
    expect(messages).toContainEqual(expect.objectContaining({ ruleId: 'objective-action-oriented' }));
  });

  it('finds a mission in a folder above, and the nearest one wins', () => {
    const files = {
      'okrs/mission.md': MISSION,
      'okrs/team/mission.md': '---\nmission: Ship a product people love.\nowner: team\n---\n',
      'okrs/team/2026-q4/a.md': good('Delight our first customers'),
    };
    const messages = lintFiles(files);
    expect(messages.filter((message) => message.ruleId === 'mission-required')).toEqual([]);
    expect(messages.filter((message) => message.ruleId === 'objective-count')[0]?.message).toMatch(/^team has 1 objective/);
  });
});
