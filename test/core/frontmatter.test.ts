import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { editKeyResult } from '../../src/core/checkin-edit.ts';
import { readFrontmatter, splitFrontmatter } from '../../src/core/frontmatter.ts';
import { parseConfig, parseObjective } from '../../src/core/parse.ts';
import { readVersion } from '../../src/core/history-version.ts';

const objective =
  '---\n# a comment\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: a\n    title: Get 3 invitations\n    baseline: 0\n    target: 3\n    current: 1\n---\nBody\n\n---\n\nAfter a rule.\n';

describe('the one frontmatter split', () => {
  it.each([
    ['LF', (text: string) => text],
    ['CRLF', (text: string) => text.replace(/\n/g, '\r\n')],
    ['a byte-order mark', (text: string) => `\uFEFF${text}`],
  ])('puts YAML errors on their line of the file, counting the opening fence, with %s', (_, shape) => {
    const yaml = '# a comment\ntitle: Deliver engaging presentations\nperiod: [2026-Q4\nkey_results: []\n';
    const [finding] = parseObjective('x.md', shape(`---\n${yaml}---\nBody\n`)).findings;
    // The yaml package puts this error on line 4 of the YAML alone: line 5 of the file.
    const counter = new LineCounter();
    const alone = parseDocument(yaml, { lineCounter: counter, prettyErrors: false }).errors[0]!;
    expect(counter.linePos(alone.pos[0]).line).toBe(4);
    expect(finding).toMatchObject({ ruleId: 'schema', line: 5, message: `Malformed YAML: ${alone.message.split('\n')[0]}` });
    expect(parseObjective('x.md', shape('---\n\n\ntitle: a\ntitle: b\nperiod: 2026-Q4\n---\n')).findings[0]).toMatchObject({ line: 5, column: 1, message: 'Malformed YAML: Map keys must be unique' });
    expect(parseObjective('x.md', shape(objective)).locate(['key_results', 0, 'current'])).toMatchObject({ line: 10, column: 14 });
  });

  it('ends the frontmatter at its first closing fence: parse, the check-in editor and history agree on the body', () => {
    const parsed = parseObjective('okrs/q4/talks.md', objective);
    expect(parsed.findings).toEqual([]);
    expect(parsed.body).toBe('Body\n\n---\n\nAfter a rule.\n');
    expect(parsed.bodyLine).toBe(12);
    const split = splitFrontmatter(objective);
    expect(split.ok && objective.slice(split.bodyStart)).toBe(parsed.body);
    const edited = editKeyResult(objective, 0, { current: 2 });
    expect(edited).toBe(objective.replace('current: 1', 'current: 2'));
    const version = readVersion('objective', 'okrs/q4/talks.md', new TextEncoder().encode(edited));
    expect(version.kind === 'objective' && version.objective.key_results[0]?.current).toBe(2);
  });

  it('reports a closing line that is more than `---` at its line instead of splitting the file there', () => {
    const text = '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\n----\nBody\n---\n';
    expect(parseObjective('x.md', text).findings).toEqual([expect.objectContaining({ line: 4, message: 'Unexpected `----`: frontmatter closes with a line that holds only `---`' })]);
    expect(() => editKeyResult(text, 0, { current: 1 })).toThrow(/Unexpected `----`.*at line 4/);
  });

  it('starts the body after a closing fence with trailing spaces', () => {
    const parsed = readFrontmatter('---\ntitle: Deliver engaging presentations\n---  \nBody\n');
    expect([parsed.body, parsed.bodyLine, parsed.findings]).toEqual(['Body\n', 4, []]);
  });

  it('never evaluates frontmatter in another language: gray-matter’s JavaScript and JSON engines are not reached', () => {
    const global = globalThis as { evaluated?: boolean };
    for (const opening of ['---js', '---javascript', '---json', '--- coffee']) {
      const parsed = parseObjective('x.md', `${opening}\n({ title: (globalThis.evaluated = true, 'Deliver engaging presentations'), period: '2026-Q4' })\n---\n`);
      expect(parsed.data).toBeUndefined();
      expect(parsed.findings).toEqual([expect.objectContaining({ line: 1, message: `Unexpected \`${opening}\`: frontmatter opens with a line that holds only \`---\`` })]);
    }
    expect(global.evaluated).toBeUndefined();
  });

  it('reads YAML with the yaml package, never js-yaml: dates stay text and merge keys are plain keys', () => {
    const parsed = readFrontmatter('---\ncreated: 2026-09-28\nupdated: 2026-10-02T09:30\nbase: &b {x: 1}\nmerged:\n  <<: *b\n---\n');
    // js-yaml (gray-matter's default engine) turns these into Date objects and merges `<<`.
    expect(parsed.data).toEqual({ created: '2026-09-28', updated: '2026-10-02T09:30', base: { x: 1 }, merged: { '<<': { x: 1 } } });
  });

  it('reads a comment-only frontmatter as empty data', () => {
    expect(readFrontmatter('---\n# nothing yet\n---\nBody\n')).toMatchObject({ data: {}, body: 'Body\n', bodyLine: 4, findings: [] });
  });

  it('reads okrs/config.yml with the same parser, a leading `---` document marker included, on its own lines', () => {
    expect(parseConfig('okrs/config.yml', '---\nrules:\n  kr-measurable: off\n').data).toEqual({ rules: { 'kr-measurable': 'off' } });
    expect(parseConfig('okrs/config.yml', '---\n# comment\nrules:\n  kr-measurable: loud\n').findings[0]).toMatchObject({ line: 4, column: 18 });
    expect(parseConfig('okrs/config.yml', 'rules: [\n').findings[0]).toMatchObject({ message: expect.stringMatching(/^Malformed YAML/), line: 2 });
  });
});
