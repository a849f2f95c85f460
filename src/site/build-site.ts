/**
 * Runs Astro's build for one repository: the edge between `okr build` (or a
 * test, or the benchmark) and Astro. Settings reach the content loader through
 * the environment, restored afterwards.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteInputs } from './inputs.ts';
import type { Problem } from './model.ts';
import { settingsToEnv, SITE_INPUTS_SLOT } from './settings.ts';

/** Where astro.config.mjs and src/pages live: the package itself, whatever repository is built. */
export const SITE_PROJECT = fileURLToPath(new URL('../../', import.meta.url));

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
  /** Astro's cache (the content store with its digests); by default one per repository. */
  cacheDir?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** List the problems of public files on the site instead of their number. */
  showProblems?: boolean;
}

let builds = 0;

const VITE_ENV_NAMES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

/** `report`: every file the build could not use and why an objective was left out, for the build's output only. */
export async function buildSite(options: BuildSiteOptions): Promise<{ report: Problem[] }> {
  const repo = path.resolve(options.repo);
  const outDir = path.resolve(options.out);
  const cacheDir = path.resolve(options.cacheDir ?? defaultCacheDir(repo));
  await mkdir(outDir, { recursive: true });
  const buildNumber = ++builds;
  const env = {
    ...settingsToEnv({ repo, root: options.root ?? 'okrs', now: options.now, historyFile: options.historyFile && path.resolve(options.historyFile), buildId: `${process.pid}-${buildNumber}`, showProblems: options.showProblems ?? false }),
    ASTRO_TELEMETRY_DISABLED: '1',
    // Astro reads `import.meta.env.*` from the process environment too: a BASE_URL or MODE
    // set there (CI, a test runner) would override the base and mode of this build.
    ...Object.fromEntries(VITE_ENV_NAMES.map((name) => [name, undefined])),
  };
  // Astro writes its prerender chunks to `<cwd>/.astro/` when the output folder is outside the
  // current folder; a folder of its own inside the project keeps concurrent builds apart and
  // still resolves the project's node_modules.
  const workDir = path.join(SITE_PROJECT, 'node_modules', '.astro', `build-${process.pid}-${buildNumber}`);
  await mkdir(workDir, { recursive: true });
  const cwd = process.cwd();
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    process.chdir(workDir);
    const { build } = await import('astro');
    await build({
      root: SITE_PROJECT,
      outDir,
      cacheDir,
      site: options.site,
      base: options.base,
      logLevel: options.logLevel ?? 'warn',
      mode: 'production',
    });
    const slot = (globalThis as { [SITE_INPUTS_SLOT]?: { inputs: Promise<SiteInputs> } })[SITE_INPUTS_SLOT];
    return { report: slot ? (await slot.inputs).report : [] };
  } finally {
    // Let go of this build's history and files, so a long-lived process does not hold them.
    delete (globalThis as { [SITE_INPUTS_SLOT]?: unknown })[SITE_INPUTS_SLOT];
    process.chdir(cwd);
    await rm(workDir, { recursive: true, force: true });
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** One content store per repository, so building another one does not throw away its digests. */
export function defaultCacheDir(repo: string): string {
  return path.join(SITE_PROJECT, 'node_modules', '.astro', `okr-${cacheKey(path.resolve(repo))}`);
}

function cacheKey(repo: string): string {
  let hash = 2166136261;
  for (const char of repo) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return (hash >>> 0).toString(36);
}
