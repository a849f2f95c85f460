/**
 * Runs Astro's build for one repository: the edge between `okr build` (or a
 * test, or the benchmark) and Astro. No Astro project is needed: the config is
 * inline, the pages come in through the site integration (src/site/integration.ts),
 * and Astro's folders go to a cache beside the installed packages, never into
 * this package.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroInlineConfig } from 'astro';
import type { OrgConfig } from '../core/org.ts';
import { useCompileCache } from './compile-cache.ts';
import type { ReadHistoryOptions } from '../git/history.ts';
import type { SourceEnvironment } from '../io/org-source.ts';
import type { SiteInputs } from './inputs.ts';
import { siteIntegration, SITE_SETTINGS, type SiteSettingsAtRender } from './integration.ts';
import { readInBackground, type ReadResult } from './read-inputs.ts';
import { renderFromBundle } from './render-bundle.ts';
import { bundleDigest, compiledBundleFolder, findBundle, keepBundle } from './site-bundle.ts';
import { writeWhole } from '../io/write-whole.ts';
import type { Problem } from './model.ts';
import { deleteReplaced, swapIn } from './replaced.ts';

/** This package's folder: its own `okrs/` are the demo, its `public/` the site's static files. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildSiteOptions {
  repo: string;
  out: string;
  now: string;
  /** e.g. `https://jane.github.io`; feeds, the sitemap and canonical links are absolute under it. */
  site: string;
  /** e.g. `/my-okrs/` for a GitHub Pages project site. */
  base: string;
  root?: string;
  /** Publish this `History` JSON instead of reading the repository's git history. */
  historyFile?: string;
  /** Inputs already read (the build then reports no problems of its own). */
  inputs?: SiteInputs;
  /** Astro's cache folder; by default one per repository in node_modules/.cache/gitops-okr. */
  cacheDir?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** List the problems of public files on the site instead of their number. */
  showProblems?: boolean;
  /** The history cache, as `readHistory` takes it. */
  historyCache?: ReadHistoryOptions['cache'];
  /**
   * An organisation's site: its sources are read with the repository's own OKRs (src/site/org-inputs.ts).
   * `onRead` is told what they gave before the pages are generated; when it throws, nothing is built.
   */
  org?: { config: OrgConfig; env: SourceEnvironment; onRead: (read: Required<ReadResult>) => void };
  /** Build with Astro and keep the compiled site in this folder (lib/site-bundle, scripts/build-package.ts). */
  bundleInto?: string;
  /** Where a checkout keeps the sites it compiled, one folder per digest; by default beside Astro. It must lie below the node_modules that holds Astro, whose packages the pages import. */
  bundles?: string;
}

/** `renderer`: whether the pages were rendered from the compiled site (src/site/site-bundle.ts) or by Astro's whole build. */
export interface BuiltSite {
  report: Problem[];
  renderer: 'bundle' | 'astro';
}

/** Thrown when the optional peer dependency `astro` is not installed. */
export class AstroMissingError extends Error {
  constructor() {
    super('building the site needs Astro, which is not installed: run `npm i -D astro` next to gitops-okr');
    this.name = 'AstroMissingError';
  }
}

/** The site's build options; the bare benchmark site uses the same. */
export const SITE_BUILD_OPTIONS = {
  output: 'static',
  trailingSlash: 'ignore',
  // Pages are independent and much of a page's time is spent waiting for its file to be
  // written: a few at a time keep the one JavaScript thread busy meanwhile.
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  prefetch: false,
} satisfies AstroInlineConfig;

let builds = 0;

const VITE_ENV_NAMES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

/** `report`: every file the build could not use and why an objective was left out, for the build's output only. */
export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const repo = path.resolve(options.repo);
  const outDir = path.resolve(options.out);
  // The project root: Astro's own folders (.astro, Vite's cache) go there, and Vite resolves
  // from it, so it lies below the node_modules that holds Astro.
  const projectRoot = defaultCacheDir(repo);
  const cacheDir = path.resolve(options.cacheDir ?? path.join(projectRoot, 'astro'));
  // Astro writes its prerender chunks under the current folder when the output folder is
  // outside it, and Node then imports them: a folder of this build's own beside the installed
  // packages keeps concurrent builds apart and resolves Astro and this package's dependencies.
  const workDir = path.join(cacheRoot(), `build-${process.pid}-${++builds}`);
  // The inputs are read on a thread of their own while Astro loads, starts and bundles the pages
  // (src/site/read-inputs.ts), into a file of this build's that becomes the pages' inputs file.
  const readInputs = path.join(workDir, 'inputs.json');
  // Before the threads start and the pages or Astro load, so that they (and Vite, Rolldown) load compiled from the last build.
  await useCompileCache(compileCacheDir);
  const pending = options.inputs
    ? undefined
    : readInBackground(
        {
          repo,
          now: options.now,
          showProblems: options.showProblems ?? false,
          ...(options.root ? { root: options.root } : {}),
          ...(options.historyFile ? { historyFile: path.resolve(options.historyFile) } : {}),
        },
        // Beside Astro's own caches, so a build with a fresh cache folder renders every body anew.
        { bodiesFile: path.join(cacheDir, 'gitops-okr-bodies.json'), parsesFile: path.join(cacheDir, 'gitops-okr-parses.json'), inputsFile: readInputs },
        options.historyCache,
        options.org && { config: options.org.config, env: options.org.env },
      );
  // The sites earlier builds replaced are deleted meanwhile (src/site/replaced.ts).
  const deleted = deleteReplaced(replacedDir());
  let readFailure: unknown;
  pending?.read.catch((error: unknown) => (readFailure = error));
  // The inputs file once whole, for whichever renders the pages: the compiled site or Astro's build.
  let inputsRead: Promise<void> | undefined;
  const readOnce = () =>
    (inputsRead ??= (async () => {
      if (!pending) return writeWhole(readInputs, JSON.stringify(options.inputs));
      try {
        const read = await pending.read;
        options.org?.onRead({ report: read.report, org: read.org! });
      } catch (error) {
        readFailure = error;
        throw error;
      }
    })());
  // The site is written to a folder of its own beside the output and swapped in once whole: an
  // interrupted build leaves the last site as it was, and Astro starts from an empty folder
  // instead of deleting the last site file by file.
  const buildDir = `${outDir}.building-${process.pid}-${builds}`;
  // Astro's normalisation of the base, as the pages and Astro's renderer see it.
  const base = options.base.startsWith('/') ? options.base : `/${options.base}`;
  const logLevel = options.logLevel ?? 'warn';
  // Astro reads `import.meta.env.*` from the process environment too: a BASE_URL or MODE
  // set there (CI, a test runner) would override the base and mode of this build.
  const env = { ASTRO_TELEMETRY_DISABLED: '1', ...Object.fromEntries(VITE_ENV_NAMES.map((name) => [name, undefined])) };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const cwd = process.cwd();
  // Either renderer starts from an empty folder of its own and ends by swapping it in, once the report is read.
  const emptyBuildDir = async () => {
    await rm(buildDir, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
    await mkdir(buildDir, { recursive: true });
  };
  const swapInBuilt = async (): Promise<Problem[]> => {
    const report = pending ? (await pending.read).report : [];
    await swapInKeepingGit(buildDir, outDir);
    return report;
  };
  try {
    await mkdir(workDir, { recursive: true });
    // The compiled site, when one fits this code (src/site/site-bundle.ts).
    const compiled = options.bundles ? path.resolve(options.bundles) : compiledBundleFolder(cacheRoot());
    const digest = await bundleDigest().catch(() => undefined);
    const bundle = digest === undefined || options.bundleInto ? undefined : await findBundle(compiled, digest);
    // Without a compiled site that fits the code, the Astro build compiles one for the next build.
    let compile = digest !== undefined && bundle === undefined;
    if (bundle) {
      const started = performance.now();
      await emptyBuildDir();
      const rendered = await renderFromBundle({
        bundle,
        route: '/',
        base,
        site: options.site,
        out: buildDir,
        publicDir: path.join(PACKAGE_ROOT, 'public'),
        cacheDir,
        concurrency: SITE_BUILD_OPTIONS.build.concurrency,
        log: logLevel === 'info' || logLevel === 'debug',
        inputsFile: readOnce().then(() => readInputs),
      }).catch(async (error: unknown) => {
        if (readFailure) throw readFailure;
        // A bundle that cannot render the site is compiled again by the Astro build below, into the
        // folder that is looked in first.
        if (bundle.dir.startsWith(compiled)) await rm(bundle.dir, { recursive: true, force: true });
        compile = true;
        if (logLevel !== 'silent' && logLevel !== 'error') process.stderr.write(`gitops-okr: the compiled site could not render the pages, building them with Astro: ${String(error)}\n`);
        return undefined;
      });
      if (rendered) {
        const report = await swapInBuilt();
        // Only once the site is in place: the caches' pages are then those of the site that is out.
        await rendered.keep();
        performance.measure('gitops-okr:astro', { start: started });
        return { report, renderer: 'bundle' };
      }
    }
    let inputsFile: (file: string) => void = () => undefined;
    const settings: SiteSettingsAtRender = { route: '/', standalone: true, base, inputsFile: new Promise((resolve) => (inputsFile = resolve)) };
    (globalThis as Record<symbol, unknown>)[SITE_SETTINGS] = settings;
    const integration = siteIntegration({
      writeInputs: async (file) => {
        await readOnce();
        await rename(readInputs, file);
        inputsFile(fileURLToPath(file));
      },
      route: '/',
      standalone: true,
      inputsFileName: 'inputs.json',
    });
    const astro = await loadAstro();
    await emptyBuildDir();
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    process.chdir(workDir);
    const astroStarted = performance.now();
    await astro.build({
      ...SITE_BUILD_OPTIONS,
      configFile: false,
      root: projectRoot,
      srcDir: path.join(projectRoot, 'src'),
      publicDir: path.join(PACKAGE_ROOT, 'public'),
      cacheDir,
      outDir: buildDir,
      site: options.site,
      base: options.base,
      logLevel,
      mode: 'production',
      // Pages whose code, config and cache key (src/site/page-key.ts) are unchanged since the last
      // build in this cache are copied from Astro's copy of that build instead of rendered again.
      experimental: { incrementalBuild: true },
      integrations: compile && digest !== undefined ? [integration, keepBundle(options.bundleInto ?? path.join(compiled, digest), digest)] : [integration],
    });
    // Astro's step of the build, for the site benchmark (bench/site.ts); the swap is part of it.
    const report = await swapInBuilt();
    performance.measure('gitops-okr:astro', { start: astroStarted });
    return { report, renderer: 'astro' };
  } catch (error) {
    // A failure while reading is the build's error, whatever Astro made of it on its way out.
    throw readFailure ?? error;
  } finally {
    process.chdir(cwd);
    // The worker writes the body cache once the inputs are read; a build that failed before ends it.
    await pending?.stop();
    await rm(workDir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
    await deleted;
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * An output folder with a `.git` is a checkout (of a Pages branch, say) that the site is committed from: its
 * `.git` moves into the new site before the swap, and back when the swap fails.
 */
async function swapInKeepingGit(built: string, out: string): Promise<void> {
  const git = path.join(out, '.git');
  const moved = existsSync(git);
  if (moved) await rename(git, path.join(built, '.git'));
  try {
    await swapIn(built, out, replacedDir());
  } catch (error) {
    if (moved) await rename(path.join(built, '.git'), git);
    throw error;
  }
}

async function loadAstro(): Promise<typeof import('astro')> {
  try {
    return await import('astro');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes("'astro'")) throw new AstroMissingError();
    throw error;
  }
}

/**
 * `node_modules/.cache/gitops-okr` of the folder that holds the installed packages (the
 * repository's own, when it installed gitops-okr): the node_modules that Astro resolves from.
 * Astro is a peer dependency, so npm installs it beside this package, never inside it.
 */
export function cacheRoot(): string {
  let astroPackage: string;
  try {
    astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') throw new AstroMissingError();
    throw error;
  }
  return path.join(path.dirname(path.dirname(astroPackage)), '.cache', 'gitops-okr');
}

/** Node's compiled code of Astro and the other modules a build loads (src/site/compile-cache.ts). */
function compileCacheDir(): string {
  return path.join(cacheRoot(), 'compiled');
}

/** Where the sites that builds replaced wait to be deleted (src/site/replaced.ts). */
export function replacedDir(): string {
  return path.join(cacheRoot(), 'replaced');
}

/** One cache per repository, so building another one does not throw away its files. */
export function defaultCacheDir(repo: string): string {
  return path.join(cacheRoot(), `site-${cacheKey(path.resolve(repo))}`);
}

function cacheKey(repo: string): string {
  let hash = 2166136261;
  for (const char of repo) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return (hash >>> 0).toString(36);
}
