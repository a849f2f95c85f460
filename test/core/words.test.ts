import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/core/lint.ts';
import { formatStylish } from '../../src/format/stylish.ts';
import picocolors from 'picocolors';
import { lintFiles, objective } from '../helpers/workspace.ts';

const plain = picocolors.createColors(false);

describe('counted words', () => {
  it('says "There is 1 objective" and "1 key result"', () => {
    const messages = lintFiles({
      'okrs/mission.md': '---\nmission: Be an ideal candidate for promotion or hire.\n---\n',
      'okrs/2026-q4/a.md': objective('title: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Get 3 invitations to speak\n    baseline: 0\n    target: 3\n'),
    });
    expect(messages.find((message) => message.ruleId === 'objective-count')?.message).toBe('There is 1 objective in 2026-Q4; aim for 3–5');
    expect(messages.find((message) => message.ruleId === 'kr-count')?.message).toBe('This objective has 1 key result; aim for 2–5');
  });

  it('says "1 day" of a one-day period', () => {
    const messages = lintFiles({ 'okrs/x.md': objective('title: Deliver engaging presentations\nperiod: {start: 2026-10-01, end: 2026-10-01}\n') });
    expect(messages.find((message) => message.ruleId === 'period-length')?.message).toBe('The period lasts 1 day; OKRs work best over 30–90 days');
  });

  it('counts one problem, one warning and one file in the singular', () => {
    const result: LintResult = { path: 'okrs/x.md', errorCount: 0, warningCount: 1, messages: [{ ruleId: 'kr-count', severity: 1, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 }] };
    expect(formatStylish([result], plain)).toContain('✖ 1 problem (0 errors, 1 warning) in 1 file');
    expect(formatStylish([{ ...result, warningCount: 0, messages: [] }], plain)).toContain('✔ 1 file checked, no problems');
  });
});
