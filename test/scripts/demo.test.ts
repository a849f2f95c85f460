import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHistory } from '../../src/git/history.ts';
import { createDemoRepo } from '../../scripts/demo.ts';
import { removeTempFolders, tempFolder, TestRepo } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

describe('createDemoRepo', () => {
  const dir = path.join(tempFolder(), 'demo');
  const { commits } = createDemoRepo(dir);

  it('ends with exactly the sample OKRs and the same commit ids on every run', () => {
    for (const file of ['mission.md', 'config.yml', '2026-q4/presentations.md', '2026-q4/work-pace.md', '2026-q4/new-skills.md']) {
      expect(readFileSync(path.join(dir, 'okrs', file), 'utf8')).toBe(readFileSync(path.resolve('okrs', file), 'utf8'));
    }
    const again = path.join(tempFolder(), 'demo');
    createDemoRepo(again);
    expect(new TestRepo(again).head()).toBe(new TestRepo(dir).head());
    expect(commits).toBeGreaterThan(15);
  });

  it('holds a rename, a broken check-in fixed a day later, a merge and weekly check-ins through 2026-11-25', async () => {
    const history = await readHistory(dir, { now: '2026-11-25' });
    expect(history.objectives.map((objective) => [objective.id, objective.previousPaths])).toEqual([
      ['new-skills', ['okrs/drafts/new-skills.md']],
      ['presentations', []],
      ['work-pace', []],
    ]);
    expect(history.warnings).toEqual([expect.objectContaining({ path: 'okrs/2026-q4/presentations.md', line: 12 })]);
    const merge = history.checkins.find((checkin) => checkin.message.startsWith('Merge pull request'));
    expect(merge).toMatchObject({ date: '2026-11-11', objective: 'work-pace', changes: [{ kr: 'review-time', from: 2.5, to: 2 }] });
    expect(history.checkins[0]?.date).toBe('2026-11-25');
    expect(history.checkins.some((checkin) => checkin.changes.some((change) => change.confidenceTo !== undefined))).toBe(true);
    expect(new Set(history.checkins.map((checkin) => checkin.date)).size).toBeGreaterThanOrEqual(8);
  });

  it('refuses a folder that is not empty', () => {
    expect(() => createDemoRepo(dir)).toThrow(/is not empty/);
  });
});
