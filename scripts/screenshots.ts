/**
 * The README's screenshots: the demo repository's site for 2026-11-25, served
 * on 127.0.0.1 and photographed in headless Chromium.
 *
 *   npm run screenshots [-- <folder>]      default: docs/screenshots
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildSite } from '../src/site/build-site.ts';
import { launchChromium } from '../test/e2e/browser.ts';
import { serveStatic } from '../test/e2e/static-server.ts';
import { createDemoRepo } from './demo.ts';

export const SCREENSHOT_NOW = '2026-11-25';

/** Photographs the dashboard and an objective page of the site at `url` into `folder`; returns the files written. */
export async function screenshotSite(browser: Browser, url: string, folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1 });
  const shots = [
    { file: path.join(folder, 'dashboard.png'), url },
    { file: path.join(folder, 'objective.png'), url: `${url}objectives/presentations/` },
  ];
  try {
    const page = await context.newPage();
    for (const shot of shots) {
      await page.goto(shot.url, { waitUntil: 'load' });
      await page.screenshot({ path: shot.file, fullPage: true });
    }
  } finally {
    await context.close();
  }
  return shots.map((shot) => shot.file);
}

async function main(folder: string): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'okr-screenshots-'));
  try {
    const repo = path.join(work, 'demo');
    createDemoRepo(repo);
    const site = path.join(work, 'site');
    await buildSite({ repo, out: site, now: SCREENSHOT_NOW, site: 'https://jane.github.io', base: '/', cacheDir: path.join(work, 'cache'), logLevel: 'error' });
    const server = await serveStatic(site, '/');
    const browser = await launchChromium();
    try {
      for (const file of await screenshotSite(browser, server.url, folder)) process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) {
  await main(path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../docs/screenshots'))).catch((error: unknown) => {
    process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
