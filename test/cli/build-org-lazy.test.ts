/** Octokit is loaded only for `okr build --org`: no static import leads to it from the CLI or the site. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** Every module reached through static imports (not `await import(…)`) from a file, with the packages they name. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s(?!type\s)[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
      const target = match[1] ?? match[2]!;
      if (target.startsWith('.')) visit(path.resolve(path.dirname(file), target));
      else packages.add(target);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('loading Octokit', () => {
  it('is not reached from the CLI, the build or the organisation build through a static import', () => {
    for (const entry of ['cli/main.ts', 'cli/build.ts', 'cli/build-org.ts', 'site/org-inputs.ts', 'index.ts']) {
      const { files, packages } = staticGraph(path.join(SRC, entry));
      expect(files.size, entry).toBeGreaterThan(0);
      expect(
        [...packages].filter((name) => name.startsWith('@octokit/')),
        entry,
      ).toEqual([]);
    }
  });

  it('is reached from the module that reads a repository through the API', () => {
    expect([...staticGraph(path.join(SRC, 'io/org-github.ts')).packages].filter((name) => name.startsWith('@octokit/')).sort()).toEqual([
      '@octokit/plugin-retry',
      '@octokit/plugin-throttling',
      '@octokit/rest',
    ]);
  });
});
