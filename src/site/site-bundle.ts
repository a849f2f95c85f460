/**
 * The site compiled once. Astro bundles the pages with Vite and Rolldown on every build, about half
 * of a cold build, though between two builds only the inputs change: the pages' code, Astro and the
 * dependencies do not. So `okr build` keeps what the bundling gave (the prerender chunks, the built
 * CSS, what Astro's renderer needs to know of each page) in a folder keyed by a digest of that code,
 * and renders later builds from it (src/site/render-bundle.ts). The package ships one in
 * lib/site-bundle (scripts/build-package.ts); a sources checkout compiles one into the caches on its
 * first build. The route, the base, the site URL and the inputs are the build's, handed over when
 * the pages render (src/site/integration.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Raised when what a bundle folder holds changes shape. */
const BUNDLE_VERSION = 2;
const META = 'bundle.json';
/** The code folder this module runs from: src/ in a checkout, lib/ in the package. */
const CODE = fileURLToPath(new URL('../', import.meta.url));
const FROM_SOURCES = import.meta.url.endsWith('.ts');
/** lib/site-bundle: compiled with the package, never part of its own digest. */
export const PACKAGED_BUNDLE = 'site-bundle';

/** What a bundle folder's bundle.json says. */
export interface BundleMeta {
  version: number;
  digest: string;
  /** The prerender entry, relative to the folder's `server/`. */
  entry: string;
  /** Per page (Astro's page data key), its style sheets as Astro's renderer orders them. */
  pages: [string, { styles: unknown[] }][];
  /** The scripts integrations added (none today), as Astro's renderer reads them. */
  scripts: unknown[];
}

/** A bundle ready to render from: its folder (`server/` the chunks, `static/` the built assets) and what it says. */
export interface SiteBundle {
  dir: string;
  meta: BundleMeta;
}

/**
 * A digest of all the pages' code: every file of src/ (or lib/), the Astro that bundled it, and in a
 * checkout the lockfile, which pins what the chunks import. A change to any of them compiles again.
 */
export async function bundleDigest(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${BUNDLE_VERSION}\n${astroVersion()}\n`);
  // Read at once, not through Node's thread pool: some hundred small files cost a build less so.
  const entries = readdirSync(CODE, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(CODE, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith(`${PACKAGED_BUNDLE}/`) && !file.endsWith('.d.ts'))
    .sort();
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(path.join(CODE, file)));
  if (FROM_SOURCES) hash.update(await readFile(path.join(CODE, '../package-lock.json')).catch(() => Buffer.alloc(0)));
  return hash.digest('base64url').slice(0, 20);
}

function astroVersion(): string {
  return (createRequire(import.meta.url)('astro/package.json') as { version: string }).version;
}

/**
 * The bundle compiled into `compiled` (a folder per digest), or the packaged one; `undefined` when
 * neither fits the code. The compiled one first: a build compiles one there when the packaged one fails.
 */
export async function findBundle(compiled: string, digest: string): Promise<SiteBundle | undefined> {
  for (const dir of [path.join(compiled, digest), path.join(CODE, PACKAGED_BUNDLE)]) {
    const meta = await readFile(path.join(dir, META), 'utf8').then(
      (text) => JSON.parse(text) as BundleMeta,
      () => undefined,
    );
    if (meta?.version === BUNDLE_VERSION && meta.digest === digest && existsSync(path.join(dir, 'server', meta.entry))) return { dir, meta };
  }
  return undefined;
}

/** The compiled bundles of a checkout: one folder per digest, beside Astro, whose packages the chunks import. */
export function compiledBundleFolder(cacheRoot: string): string {
  return path.join(cacheRoot, 'bundles');
}

let captures = 0;

/**
 * An integration that keeps the bundle of the Astro build it is part of in `target` (made whole,
 * then renamed into place), the build going on as it would. Astro deletes the prerender chunks once
 * the pages are generated: they are copied when its renderer is set up, after the bundling, when
 * the built CSS is in the output folder too.
 */
export function keepBundle(target: string, digest: string): AstroIntegration {
  let outDir = '';
  return {
    name: 'gitops-okr:keep-bundle',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((fallback) => ({
          ...fallback,
          name: 'gitops-okr:keep-bundle',
          async setup() {
            // Astro's renderer is told what it needs of the build (each page's styles) once the entry is
            // loaded: loading the entry first, as the renderer's setup then does, catches what it is told.
            const server = path.join(prerenderFolder(outDir), '.prerender');
            const entry = (await readdir(server)).find((name) => /^prerender-entry.*\.mjs$/.test(name));
            let internals: { pagesByKeys?: Map<string, { styles: unknown[] }> } | undefined;
            if (entry) {
              const { app } = (await import(pathToFileURL(path.join(server, entry)).href)) as { app: { setInternals: (value: typeof internals) => void } };
              const setInternals = app.setInternals.bind(app);
              app.setInternals = (value) => {
                internals = value;
                setInternals(value);
              };
            }
            await fallback.setup?.();
            const settings = (fallback as unknown as { app?: { getSettings: () => { scripts: unknown[] } } }).app?.getSettings();
            if (!entry || !internals?.pagesByKeys || !settings) return;
            const meta: BundleMeta = {
              version: BUNDLE_VERSION,
              digest,
              entry,
              pages: [...internals.pagesByKeys].map(([key, page]) => [key, { styles: page.styles }]),
              scripts: settings.scripts,
            };
            await saveBundle(target, server, outDir, meta).catch(() => undefined);
          },
        }));
      },
    },
  };
}

async function saveBundle(target: string, server: string, outDir: string, meta: BundleMeta): Promise<void> {
  if (existsSync(path.join(target, META))) return;
  const temp = `${target}.making-${process.pid}-${++captures}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  try {
    await cp(server, path.join(temp, 'server'), { recursive: true });
    await exportPaths(path.join(temp, 'server', meta.entry));
    const assets = path.join(outDir, '_astro');
    if (existsSync(assets)) await cp(assets, path.join(temp, 'static', '_astro'), { recursive: true });
    await writeFile(path.join(temp, META), `${JSON.stringify(meta)}\n`);
    await mkdir(path.dirname(target), { recursive: true });
    // Another build may have compiled the same code meanwhile: its bundle is as good.
    await rename(temp, target).catch(() => undefined);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Where Astro writes the prerender chunks: the output folder, or `.astro/` of the current one when the output is outside it. */
function prerenderFolder(outDir: string): string {
  return outDir.startsWith(process.cwd()) ? outDir : path.join(process.cwd(), '.astro');
}

/**
 * The two functions of Astro's runtime in the entry that list a route's pages (what Astro's
 * `StaticPaths` calls, with the entry's own route cache, which rendering then reads): exported, so
 * that the renderer need not load Astro's own copy of its runtime, a tenth of a second or more. An
 * entry whose functions are named otherwise is left as it is, and Astro's `StaticPaths` lists the pages.
 */
async function exportPaths(entry: string): Promise<void> {
  const code = await readFile(entry, 'utf8');
  if (!/^async function callGetStaticPaths\(/m.test(code) || !/^function stringifyParams\(/m.test(code)) return;
  await writeFile(entry, `${code}\nexport { callGetStaticPaths as ${PATHS_EXPORTS.list}, stringifyParams as ${PATHS_EXPORTS.pathname} };\n`);
}

/** The names `exportPaths` gives them. */
export const PATHS_EXPORTS = { list: 'gitopsOkrCallGetStaticPaths', pathname: 'gitopsOkrStringifyParams' } as const;
