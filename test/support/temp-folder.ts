/**
 * Every test run gets a temp folder of its own (TMPDIR, so os.tmpdir() in every
 * worker and child process points into it). Whatever a test leaves there is
 * listed by the totals reporter as a failure, and removed afterwards.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What tools keep in the temp folder on purpose: the Chromium @sparticuz/chromium unpacks (with its libraries) and Node's compile cache. */
const CACHES = new Set(['chromium', 'chromium-pack', 'chromium-pack.lock', 'al2023', 'fonts', 'locales', 'swiftshader', 'node-compile-cache', 'vk_swiftshader_icd.json']);
const CACHE_FILES = /^lib[\w-]+\.so(\.\d+)*$/;

export const RUN_TEMP = 'OKR_TEST_RUN_TEMP';

export function setup(): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), 'okr-test-run-'));
  process.env[RUN_TEMP] = folder;
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}

/** What the tests left in the run's temp folder, caches aside. */
export function leftBehind(folder = process.env[RUN_TEMP]): string[] {
  if (folder === undefined) return [];
  try {
    return readdirSync(folder)
      .filter((name) => !CACHES.has(name) && !CACHE_FILES.test(name) && !name.startsWith('.'))
      .sort();
  } catch {
    return [];
  }
}
