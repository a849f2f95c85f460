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

describe('okrsSummary', () => {
  it("lays out each objective's standing and the groups, and points to its own file for the series", async () => {
    const { okrsSummary } = await import('../../src/site/exports.ts');
    const { OkrsSummarySchema } = await import('../../src/core/okrs-json.ts');
    const { groupsOf } = await import('../../src/core/groups.ts');
    const view = {
      id: 'talks',
      title: 'Give <b>talks</b>',
      path: 'okrs/2026-q4/talks.md',
      period: { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
      owner: 'jane',
      type: 'aspirational' as const,
      alignedTo: null,
      parents: [],
      archived: false,
      progress: 0.4,
      expected: 0.5,
      status: 'at risk' as const,
      grade: 'yellow' as const,
      confidence: null,
      daysLeft: 41,
      lastCheckin: { date: '2026-11-01', commit: 'abc' },
      checkinCount: 2,
      tasks: { done: 0, total: 0 },
      sparkline: { path: '', width: 0, height: 0 } as never,
      keyResults: [],
      fromAligned: false,
      finalGrade: null,
      counted: true,
      standing: {
        id: 'talks',
        asOf: '2026-11-20',
        archived: false,
        counted: true,
        progress: 0.4,
        expected: 0.5,
        status: 'at risk' as const,
        grade: 'yellow' as const,
        confidence: null,
        daysLeft: 41,
        lastCheckin: { date: '2026-11-01', commit: 'abc' },
        checkinCount: 2,
        keyResults: [],
      },
    };
    const groups = groupsOf([{ path: 'okrs/mission.md', mission: 'Help', owner: null }], [view]);
    const summary = okrsSummary({
      generatedAt: '2026-11-20T00:00:00Z',
      now: '2026-11-20',
      repo: '',
      missions: [{ path: 'okrs/mission.md', mission: 'Help', owner: null, body: 'long text' }],
      objectives: [view],
      groupOf: new Map([['talks', '']]),
      groups,
      period: '2026-Q4',
      checkinCount: 2,
      warnings: [],
    });
    expect(OkrsSummarySchema.parse(summary)).toEqual(summary);
    expect(summary.objectives[0]).toMatchObject({ group: '', history: 'objectives/talks/okrs.json', standing: { asOf: '2026-11-20', progress: 0.4, status: 'at risk', progressFrom: 'key-results' } });
    expect(summary.groups[0]!.rollup).toMatchObject({ period: '2026-Q4', objectives: 1, progress: 0.4 });
    expect(summary.missions[0]).toEqual({ path: 'okrs/mission.md', mission: 'Help', owner: null });
    expect(okrsJson(summary)).not.toMatch(/[<>]/);
  });
});
