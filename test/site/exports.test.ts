import { describe, expect, it } from 'vitest';
import { badgeJson, okrsJson } from '../../src/site/exports.ts';

describe('okrsJson', () => {
  it('keeps the data but never lets markup through', () => {
    const history = { generatedAt: '2026-11-20', repo: '', missions: [], objectives: [], checkins: [], warnings: [{ message: '</script><script>alert(1)</script> & more' }] };
    const text = okrsJson(history);
    expect(text).not.toMatch(/[<>]/);
    expect(JSON.parse(text)).toEqual(history);
  });
});

describe('badgeJson', () => {
  it('is a shields.io endpoint with the period and its progress in the grade colour', () => {
    expect(JSON.parse(badgeJson({ label: '2026-Q4', score: 0.634, grade: 'yellow' }))).toEqual({ schemaVersion: 1, label: 'OKRs 2026-Q4', message: '63%', color: 'yellow' });
    expect(JSON.parse(badgeJson({ label: '2026-Q4', score: 0.9, grade: 'green' })).color).toBe('brightgreen');
  });

  it('says so when there are no objectives', () => {
    expect(JSON.parse(badgeJson(undefined))).toEqual({ schemaVersion: 1, label: 'OKRs', message: 'none yet', color: 'lightgrey' });
  });
});
