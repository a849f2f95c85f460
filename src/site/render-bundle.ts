/**
 * A build rendered from the compiled site (src/site/site-bundle.ts) instead of Astro's whole build:
 * the pages render on a thread of their own (src/site/render-worker.ts), which loads them while the
 * inputs are read; the output folder gets what Astro adds beside the pages (the public files, the
 * built CSS, the sitemap). The pages of the last build are kept in the caches with each one's key,
 * so a page whose key is unchanged is linked from there: in CI only the caches outlive a build. The
 * copy changes by the pages rendered, so a rebuild after one check-in touches few of its files.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeWhole } from '../io/write-whole.ts';
import { siteMap } from './integration.ts';
import type { BundleMeta, SiteBundle } from './site-bundle.ts';
import { absoluteUrl } from './urls.ts';

/** What the render thread is given. */
export interface RenderRequest {
  bundle: string;
  meta: BundleMeta;
  route: string;
  standalone: boolean;
  base: string;
  site: string;
  /** The folder the pages go to. */
  out: string;
  concurrency: number;
  /** Whether to tell each page, as Astro's log does. */
  log: boolean;
  /**
   * The caches' copy of the last build's pages (`${dir}.json` its keys), and what this build renders
   * with: the thread reads the keys itself, while the main thread starts it.
   */
  kept: { dir: string; identity: Omit<KeptPages, 'keys'> };
}

/**
 * `keys`: each page's key, of those that have one; `written`, then `rendered` once done: the files
 * rendered this time, not kept; `gone`: the kept files of the last build that this one has not.
 */
export type RenderMessage =
  { kind: 'written'; files: string[] } | { kind: 'done'; keys: Record<string, string>; rendered: string[]; gone: string[]; pageNames: string[]; log: string[] } | { kind: 'failed'; message: string };

/** What the last build kept in the caches: its pages, each one's key, and what they were rendered with. */
export interface KeptPages {
  version: number;
  digest: string;
  base: string;
  site: string;
  route: string;
  keys: Record<string, string>;
}

const KEPT = 'gitops-okr-pages';
/** Raised when the caches' copy of the pages changes shape. */
const KEPT_VERSION = 2;
const WORKER = new URL(`../site/render-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export interface RenderOptions {
  bundle: SiteBundle;
  route: string;
  base: string;
  site: string;
  out: string;
  publicDir: string;
  /** The caches of this repository's builds, where the last build's pages are kept. */
  cacheDir: string;
  concurrency: number;
  log: boolean;
  /** Resolves to the inputs file once it is whole. */
  inputsFile: Promise<string>;
}

/** The rendered pages and what the caches are to keep once the site is swapped in (`keep`). */
export interface Rendered {
  keep: () => Promise<void>;
}

/** Renders the site into `out`; throws when the bundle could not render it (then Astro's build does). */
export async function renderFromBundle(options: RenderOptions): Promise<Rendered> {
  const kept = path.join(options.cacheDir, KEPT);
  const identity = { version: KEPT_VERSION, digest: options.bundle.meta.digest, base: options.base, site: options.site, route: options.route };
  const request: RenderRequest = {
    bundle: options.bundle.dir,
    meta: options.bundle.meta,
    route: options.route,
    standalone: true,
    base: options.base,
    site: options.site,
    out: options.out,
    concurrency: options.concurrency,
    log: options.log,
    kept: { dir: kept, identity },
  };
  // The caches' copy of the pages takes those rendered now, as they are written, before the swap moves
  // them. Their keys are written only once the site is in place: until then (the thread removes the
  // last build's first), the copy has no keys and keeps nothing.
  const worker = new Worker(WORKER, { workerData: request });
  // Whether the thread ends by itself: once it has said it is done or has failed, it closes its port and
  // exits. It is ended from here only when the inputs never came: V8 has been seen to abort the whole
  // process when a thread is ended while it is exiting by itself.
  let ending = false;
  const result = new Promise<Extract<RenderMessage, { kind: 'done' }>>((resolve, reject) => {
    worker.on('message', (message: RenderMessage) => {
      if (message.kind === 'written') linkAll(options.out, kept, message.files);
      else {
        ending = true;
        if (message.kind === 'done') resolve(message);
        else reject(new Error(message.message));
      }
    });
    worker.on('error', (error) => ((ending = true), reject(error)));
    worker.on('exit', () => ((ending = true), reject(new Error('rendering the site ended before the pages were written'))));
  });
  result.catch(() => undefined);
  let done: Extract<RenderMessage, { kind: 'done' }>;
  try {
    // Beside the rendering: the files Astro copies into every build.
    const [, rendered] = await Promise.all([copyStatic(options), options.inputsFile.then((file) => (worker.postMessage(file), result))]);
    done = rendered;
  } finally {
    if (!ending) await worker.terminate();
  }
  if (options.log) process.stdout.write(`${done.log.join('\n')}\n`);
  // As Astro's build: a sitemap only when the site's address is known.
  if (options.site) {
    const root = absoluteUrl('/', options.site, options.base);
    for (const file of siteMap(
      done.pageNames.map((pathname) => ({ pathname })),
      root,
    ))
      await writeFile(path.join(options.out, file.name), file.xml);
  }
  await Promise.all(done.gone.map((file) => rm(path.join(kept, keptName(file)), { force: true })));
  linkAll(options.out, kept, done.rendered);
  return {
    keep: async () => {
      const record: KeptPages = { ...identity, keys: done.keys };
      // Whole or not at all, as the other cache files.
      await writeWhole(`${kept}.json`, JSON.stringify(record));
    },
  };
}

/** The public folder's files and the built CSS, as Astro's build writes them beside the pages. */
async function copyStatic(options: RenderOptions): Promise<void> {
  if (existsSync(options.publicDir)) await cp(options.publicDir, options.out, { recursive: true });
  const assets = path.join(options.bundle.dir, 'static');
  if (existsSync(assets)) await cp(assets, options.out, { recursive: true });
}

/**
 * The name in the caches' copy of a page's file: one folder of files, `objectives%2Fx%2Findex.html`,
 * so a cold build makes no folders there.
 */
export function keptName(file: string): string {
  return encodeURIComponent(file);
}

/**
 * `files` of `from` linked into the caches' copy `to` (copied where links cannot be made), each
 * replacing the one there. At once: the main thread has nothing else to do meanwhile, and some
 * hundred small links cost less without a wait for a thread of Node's pool each.
 */
function linkAll(from: string, to: string, files: readonly string[]): void {
  mkdirSync(to, { recursive: true });
  for (const file of files) {
    const target = path.join(to, keptName(file));
    rmSync(target, { force: true });
    try {
      linkSync(path.join(from, file), target);
    } catch {
      copyFileSync(path.join(from, file), target);
    }
  }
}
