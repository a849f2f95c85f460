/**
 * Headless Chromium driven by playwright-core; no network beyond 127.0.0.1.
 * A system Chromium is used when the machine has one; otherwise the binary that
 * the `@sparticuz/chromium` package ships (unpacked to a temp folder on first use),
 * so the tests need nothing installed beyond `npm ci`.
 */
import { access, constants, mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export async function chromiumPath(): Promise<string> {
  const fromEnv = process.env['CHROMIUM_PATH'];
  for (const candidate of fromEnv ? [fromEnv, ...SYSTEM_CHROMIUM] : SYSTEM_CHROMIUM) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not on this machine
    }
  }
  sparticuz.setGraphicsMode = false;
  // Test files run in parallel workers that share the run's temp folder: one unpacks at a time, so
  // none starts a binary another is still writing (ETXTBSY), and the others find it whole.
  return withUnpackLock(() => sparticuz.executablePath());
}

async function withUnpackLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = path.join(tmpdir(), 'chromium-pack.lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed worker is older than any unpacking takes.
      const since = (await stat(lock).catch(() => undefined))?.mtimeMs;
      if (since !== undefined && Date.now() - since > 120_000) await rm(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} is held for too long`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-zygote',
      '--disable-dev-shm-usage',
    ],
  });
}
