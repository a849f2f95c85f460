import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ACTION_BUNDLE, buildAction } from '../../scripts/build-action.ts';

test('the committed action bundle is what the sources build to (check-dist)', async () => {
  const fresh = path.join(mkdtempSync(path.join(tmpdir(), 'okr-dist-')), 'index.js');
  let built: string;
  try {
    await buildAction(fresh);
    built = readFileSync(fresh, 'utf8');
  } finally {
    rmSync(path.dirname(fresh), { recursive: true, force: true });
  }
  const committed = readFileSync(ACTION_BUNDLE, 'utf8');
  // Compared by length and equality rather than printed: the bundle is large.
  expect({ length: committed.length, same: committed === built }, 'action/dist/index.js is stale: run `npm run build:action` and commit it').toEqual({ length: built.length, same: true });
});

test('the bundle never pulls in Astro', () => {
  expect(readFileSync(ACTION_BUNDLE, 'utf8')).not.toMatch(/node_modules\/astro\/|from ?["']astro/);
});
