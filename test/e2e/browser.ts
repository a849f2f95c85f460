/**
 * Headless Chromium driven by playwright-core; no network beyond 127.0.0.1.
 * A system Chromium is used when the machine has one; otherwise the binary that
 * the `@sparticuz/chromium` package ships (unpacked to a temp folder on first use),
 * so the tests need nothing installed beyond `npm ci`.
 */
import { access, constants } from 'node:fs/promises';
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
  return sparticuz.executablePath();
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
