import { describe, expect, it } from 'vitest';
import { HistoryBuilder } from '../../src/core/history.ts';
import { fileRole, readVersion } from '../../src/core/history-version.ts';
import { lintFiles, MISSION } from '../helpers/workspace.ts';

const objective = (extra = '', value = '2') =>
  `---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\n${extra}key_results:\n  - id: invites\n    title: Get 3 invitations to speak\n    baseline: 0\n    target: 3\n    current: ${value}\n---\nBody.\n`;

const schemaErrors = (files: Record<string, string>) => lintFiles({ 'okrs/mission.md': MISSION, ...files }).filter((message) => message.ruleId === 'schema');

describe('ids have a documented shape', () => {
  it('says clearly that a file named only `🔥.md` gives no id', () => {
    expect(schemaErrors({ 'okrs/2026-q4/🔥.md': objective() })).toEqual([
      expect.objectContaining({ path: 'okrs/2026-q4/🔥.md', line: 1, message: 'The file name `🔥.md` gives no id', hint: expect.stringContaining('Add an `id:`') }),
    ]);
  });

  it('accepts such a file once it has an `id:`', () => {
    expect(schemaErrors({ 'okrs/2026-q4/🔥.md': objective('id: fire\n') })).toEqual([]);
  });

  it('rejects an `id:` or a file name longer than 64 characters', () => {
    expect(schemaErrors({ 'okrs/2026-q4/a.md': objective(`id: ${'a'.repeat(300)}\n`) })).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('at most 64 characters') })]);
    expect(schemaErrors({ [`okrs/2026-q4/${'b'.repeat(200)}.md`]: objective() })).toEqual([expect.objectContaining({ message: expect.stringContaining('which is not a usable id') })]);
  });

  it('leaves such a file out of the history with a warning, instead of failing', () => {
    const builder = new HistoryBuilder({ root: 'okrs', repo: 'repo', generatedAt: '2026-11-25' });
    const path = 'okrs/2026-q4/🔥.md';
    builder.apply({
      commit: 'a',
      date: '2026-10-01',
      author: 'Jane',
      message: 'Plan',
      changes: [{ status: 'A', path, version: readVersion(fileRole('okrs', path), path, new TextEncoder().encode(objective())) }],
    });
    const history = builder.finish();
    expect(history.objectives).toEqual([]);
    expect(history.warnings).toEqual([expect.objectContaining({ path, message: expect.stringContaining('has no usable id') })]);
  });
});

describe('numbers are finite and reasonable', () => {
  it.each(['1e308', '-1e16', '.inf', '-.inf', '.nan'])('rejects `current: %s` with a clear message at its line', (value) => {
    expect(schemaErrors({ 'okrs/2026-q4/talks.md': objective('', value) })).toEqual([
      expect.objectContaining({ line: 9, message: expect.stringMatching(/^Unexpected `current: (1e\+308|-10000000000000000|Infinity|-Infinity|NaN)`/) }),
    ]);
  });

  it('accepts values up to 10^15', () => {
    expect(schemaErrors({ 'okrs/2026-q4/talks.md': objective('', '1e15') })).toEqual([]);
  });
});
