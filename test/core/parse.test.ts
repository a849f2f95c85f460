import { describe, expect, it } from 'vitest';
import { parseConfig, parseMission, parseObjective } from '../../src/core/parse.ts';

const valid = `---
# yaml-language-server: $schema=../../schema/objective.schema.json
title: Deliver engaging presentations
period: 2026-Q4
key_results:
  - id: feedback
    title: Raise average audience feedback from 3.6 to 4.5 out of 5
    baseline: 3.6
    target: 4.5
    current: 3.9
---
Context.

- [x] Join the speakers' club
`;

describe('parseObjective', () => {
  it('returns typed data with defaults filled in', () => {
    const parsed = parseObjective('okrs/2026-q4/presentations.md', valid);
    expect(parsed.findings).toEqual([]);
    expect(parsed.data).toMatchObject({ title: 'Deliver engaging presentations', type: 'aspirational', aligned_to: 'mission', private: false });
    expect(parsed.data?.key_results[0]?.current).toBe(3.9);
  });

  it('keeps the line and column of every field', () => {
    const parsed = parseObjective('x.md', valid);
    expect(parsed.locate(['title'])).toMatchObject({ line: 3, column: 8 });
    expect(parsed.locate(['key_results', 0, 'target'])).toMatchObject({ line: 9, column: 13, endLine: 9, endColumn: 16 });
    expect(parsed.locate(['key_results', 0, 'target'], 'key')).toMatchObject({ line: 9, column: 5 });
    expect(parsed.bodyLine).toBe(12);
    expect(parsed.body).toContain('Context.');
  });

  it('reads `aligned_to` as one id or a list of ids', () => {
    expect(parseObjective('x.md', '---\ntitle: Grow the team\nperiod: 2026\naligned_to: [sales, platform]\n---\n').data?.aligned_to).toEqual(['sales', 'platform']);
    expect(parseObjective('x.md', '---\ntitle: Grow the team\nperiod: 2026\naligned_to: sales\n---\n').data?.aligned_to).toBe('sales');
  });

  it('points at `mission` inside a list and at an id listed twice', () => {
    const findings = parseObjective('x.md', '---\ntitle: Grow the team\nperiod: 2026\naligned_to: [sales, mission, sales]\n---\n').findings;
    expect(findings.map((finding) => [finding.line, finding.column, finding.message])).toEqual([
      [4, 21, 'Unexpected `aligned_to: "mission"`: write `aligned_to: mission` alone, not in a list of objectives'],
      [4, 30, 'Unexpected `aligned_to: "sales"`: listed twice'],
    ]);
  });

  it('reads a bare year as a period', () => {
    expect(parseObjective('x.md', '---\ntitle: Grow the team\nperiod: 2026\n---\n').data?.period).toBe('2026');
  });

  it('points at a wrong period with the expected form', () => {
    const [finding] = parseObjective('x.md', '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q5\n---\n').findings;
    expect(finding).toMatchObject({ ruleId: 'schema', line: 3, column: 9 });
    expect(finding?.message).toBe('Unexpected `period: "2026-Q5"`: expected a period such as `2026-Q4`, `2026-H2`, `2026`, `2026-11` or `{start: 2026-10-05, end: 2026-12-18}`');
    expect(finding?.hint).toContain('period: 2026-Q4');
  });

  it('suggests the key that was meant for an unknown key', () => {
    const findings = parseObjective(
      'x.md',
      '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Get 3 invitations\n    bseline: 0\n    target: 3\n---\n',
    ).findings;
    expect(findings).toContainEqual(expect.objectContaining({ line: 7, column: 5, message: 'Unknown key `bseline`; did you mean `baseline`?' }));
  });

  it('asks for plain numbers where a number is quoted', () => {
    const [finding] = parseObjective('x.md', '---\ntitle: T t t\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Get 3\n    baseline: 0\n    target: "3"\n---\n').findings;
    expect(finding).toMatchObject({ line: 8, message: expect.stringContaining('`target: "3"`') });
    expect(finding?.hint).toContain('plain number');
  });

  it('names the key result that mixes kinds', () => {
    const [finding] = parseObjective('x.md', '---\ntitle: T t t\nperiod: 2026-Q4\nkey_results:\n  - id: course\n    title: Pass it\n    done: false\n    target: 3\n---\n').findings;
    expect(finding).toMatchObject({ line: 5, message: expect.stringMatching(/^Key result `course`: A key result is one kind/) });
  });

  it.each([
    ['an empty file', '', 'Empty file', 1],
    ['a file without frontmatter', '# Notes\n', 'Missing frontmatter', 1],
    ['unclosed frontmatter', '---\ntitle: x\n', 'Frontmatter is not closed', 1],
    ['malformed YAML', '---\ntitle: Deliver\n  bad: [\n---\n', 'Malformed YAML', 2],
    ['a duplicate key', '---\ntitle: a\ntitle: b\nperiod: 2026-Q4\n---\n', 'Malformed YAML: Map keys must be unique', 3],
    ['a missing title', '---\nperiod: 2026-Q4\n---\n', 'Missing `title`', 2],
  ])('reports %s with its line and a hint', (_, text, message, line) => {
    const findings = parseObjective('x.md', text).findings;
    expect(findings[0]?.message).toContain(message);
    expect(findings[0]?.line).toBe(line);
    expect(findings[0]?.hint).toBeTruthy();
  });

  it('strips a byte-order mark and reads Windows line endings', () => {
    const parsed = parseObjective('x.md', '\uFEFF---\r\ntitle: Deliver engaging presentations\r\nperiod: 2026-Q4\r\n---\r\nBody\r\n');
    expect(parsed.findings).toEqual([]);
    expect(parsed.locate(['period'])).toMatchObject({ line: 3 });
  });

  it('accepts Obsidian properties such as tags and aliases', () => {
    expect(parseObjective('x.md', '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\ntags: [okr, speaking]\naliases: talks\n---\n').findings).toEqual([]);
    const obsidian =
      '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\ncreated: 2026-09-28\nupdated: 2026-10-02T09:30\npublish: true\ncssclasses: [wide]\naliases: [talks]\ntags: okr\n---\n';
    expect(parseObjective('x.md', obsidian).findings).toEqual([]);
    expect(parseMission('okrs/mission.md', '---\nmission: Be an ideal candidate.\ncreated: 2026-09-28\npublish: false\n---\n').findings).toEqual([]);
  });
});

describe('parseMission and parseConfig', () => {
  it('reads a mission with its owner', () => {
    expect(parseMission('okrs/mission.md', '---\nmission: Be an ideal candidate for promotion or hire.\nowner: jane\n---\nWhy.\n').data).toEqual({
      mission: 'Be an ideal candidate for promotion or hire.',
      owner: 'jane',
    });
  });

  it('reads the config as plain YAML and reports bad severities on their line', () => {
    expect(parseConfig('okrs/config.yml', 'rules:\n  kr-measurable: off\n').data).toEqual({ rules: { 'kr-measurable': 'off' } });
    const [finding] = parseConfig('okrs/config.yml', '# comment\nrules:\n  kr-measurable: loud\n').findings;
    expect(finding).toMatchObject({ line: 3, message: expect.stringContaining('`kr-measurable: "loud"`') });
  });

  it('never evaluates the config: YAML tags stay data', () => {
    const parsed = parseConfig('okrs/config.yml', 'rules: !!js/function "function () { return 1 }"\n');
    expect(parsed.data).toBeUndefined();
    expect(parsed.findings.length).toBeGreaterThan(0);
  });
});
