import { describe, expect, it } from 'vitest';
import { isSourceReference, parseOrgConfig, qualifiedParent, sourceId } from '../../src/core/org.ts';

describe('org.yml', () => {
  it('reads sources of both kinds with their defaults', () => {
    const result = parseOrgConfig('name: acme\nsources:\n  - name: team-platform\n    url: https://acme.github.io/platform/okrs.json\n  - name: team-search\n    github: acme/search-okrs\n');
    expect(result).toEqual({
      ok: true,
      config: {
        name: 'acme',
        timeout_seconds: 20,
        sources: [
          { name: 'team-platform', url: 'https://acme.github.io/platform/okrs.json' },
          { name: 'team-search', github: 'acme/search-okrs', root: 'okrs', max_commits: 2000 },
        ],
      },
    });
  });

  it('reports each mistake at its line: a bad address, a bad name, a key it does not know, two sources of one name', () => {
    const text =
      'sources:\n  - name: a\n    url: file:///etc/passwd\n  - name: Team B\n    github: acme/b\n  - name: c\n    github: acme/c\n    tokn: x\n  - name: c\n    url: https://c.example/okrs.json\n';
    const result = parseOrgConfig(text);
    expect(result.ok).toBe(false);
    const findings = result.ok ? [] : result.findings.map((finding) => `${finding.line}: ${finding.message}`);
    expect(findings).toEqual([
      expect.stringMatching(/^3: `sources\.0\.url`: Expected an http\(s\) address/),
      expect.stringMatching(/^4: `sources\.1\.name`: A source name is lower-case letters/),
      '8: `sources.2`: Unknown key `tokn`',
      expect.stringMatching(/^9: `sources\.3\.name`: Two sources are named `c`/),
    ]);
  });

  it('reports malformed YAML and a missing list of sources', () => {
    const broken = parseOrgConfig('sources: [\n');
    expect(broken.ok ? [] : broken.findings.map((finding) => finding.message)).toEqual([expect.stringMatching(/^Malformed YAML/)]);
    const empty = parseOrgConfig('mission: Make every customer successful\n');
    expect(empty.ok ? [] : empty.findings.map((finding) => `${finding.line}: ${finding.message}`)).toEqual(['1: `sources`: Invalid input: expected array, received undefined']);
  });

  it('keeps a source objective id under its name, and qualifies each parent id from the source’s point of view', () => {
    expect(sourceId('team-platform', 'latency')).toBe('team-platform:latency');
    expect(qualifiedParent('team-search', 'mission')).toBe('mission');
    expect(qualifiedParent('team-search', 'relevance')).toBe('team-search:relevance');
    expect(qualifiedParent('team-search', 'relevance/ndcg')).toBe('team-search:relevance/ndcg');
    expect(qualifiedParent('team-search', 'team-platform:latency')).toBe('team-platform:latency');
    expect(['a', 'b:c'].map(isSourceReference)).toEqual([false, true]);
  });
});
