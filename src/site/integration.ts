/**
 * The progress site as an Astro integration, Starlight's way: the pages ship in
 * this package and are injected as routes; their inputs are read once, before
 * the build, and reach them through a virtual module (which loads them from a
 * JSON file in Astro's folder for integrations, `.astro/integrations/gitops-okr/`).
 *
 * `okrs({ repo: '.', route: '/okrs' })` in an Astro site's `integrations` adds
 * the OKR pages, feeds and JSON under `/okrs/`; `okr build` runs Astro with the
 * same integration at `/` (src/site/build-site.ts).
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeWhole } from '../io/write-whole.ts';
import type { SiteInputs } from './inputs.ts';
import { sitemapFiles } from './sitemap.ts';
import { absoluteUrl } from './urls.ts';

export interface OkrsOptions {
  /** The repository whose `okrs/` and git history are published, relative to the Astro project; `.` by default. */
  repo?: string;
  /** Folder of the OKRs inside the repository; `okrs` by default. */
  root?: string;
  /** Where the pages go under the site's base, e.g. `/okrs`; `/okrs` by default. */
  route?: string;
  /** The day to build for, YYYY-MM-DD; today by default. */
  now?: string;
}

export interface SiteIntegrationOptions {
  /** Called once, when Astro sets up the build. */
  inputs?: (projectRoot: string) => Promise<SiteInputs>;
  /** Instead of `inputs`: writes the inputs as JSON to `file` itself (src/site/read-inputs.ts), called when Astro sets up the build. */
  writeInputs?: (file: URL) => Promise<void>;
  route: string;
  /** The pages are the whole site: a 404 page, a favicon and a sitemap of their own. */
  standalone: boolean;
  /**
   * The inputs file's name in Astro's folder for integrations. By default one per process and
   * setup, so an `astro dev` and an `astro build` of the same project never read each other's.
   * `okr build` names one per project root: the module that reads it then has the same code in
   * every build, so Astro's incremental build sees the pages' code unchanged.
   */
  inputsFileName?: string;
}

const VIRTUAL_ID = 'virtual:gitops-okr/inputs';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const PAGES = new URL('../pages/', import.meta.url);

/** Each page of the site and its file in src/pages (lib/pages in the package). */
const ROUTES: { pattern: string; entrypoint: string }[] = [
  { pattern: '', entrypoint: 'index.astro' },
  { pattern: 'objectives/[id]', entrypoint: 'objectives/[id]/index.astro' },
  { pattern: 'objectives/[id]/rss.xml', entrypoint: `objectives/[id]/rss.xml${extension()}` },
  { pattern: 'objectives/[id]/okrs.json', entrypoint: `objectives/[id]/okrs.json${extension()}` },
  { pattern: 'periods/[period]/[...page]', entrypoint: 'periods/[period]/[...page].astro' },
  { pattern: 'owners/[owner]', entrypoint: 'owners/[owner]/index.astro' },
  { pattern: 'owners/[owner]/rss.xml', entrypoint: `owners/[owner]/rss.xml${extension()}` },
  { pattern: 'checkins/[...page]', entrypoint: 'checkins/[...page].astro' },
  { pattern: 'groups/[...group]', entrypoint: 'groups/[...group]/index.astro' },
  { pattern: 'groups/[...group]/rss.xml', entrypoint: `groups/[...group]/rss.xml${extension()}` },
  { pattern: 'alignment/[...page]', entrypoint: 'alignment/[...page].astro' },
  { pattern: 'rss.xml', entrypoint: `rss.xml${extension()}` },
  { pattern: 'okrs.json', entrypoint: `okrs.json${extension()}` },
  { pattern: 'badge.json', entrypoint: `badge.json${extension()}` },
];

/** The OKR pages of a repository, inside an existing Astro site. */
export default function okrs(options: OkrsOptions = {}): AstroIntegration {
  return siteIntegration({
    // Loaded when read: `okr build` reads on a thread of its own, and its main thread never loads the reading code.
    inputs: async (projectRoot) =>
      (await import('./inputs.ts')).readSiteInputs({
        repo: path.resolve(projectRoot, options.repo ?? '.'),
        ...(options.root ? { root: options.root } : {}),
        ...(options.now ? { now: options.now } : {}),
      }),
    route: normalizeRoute(options.route ?? '/okrs'),
    standalone: false,
  });
}

let setups = 0;

export function siteIntegration({ inputs, writeInputs, route, standalone, inputsFileName }: SiteIntegrationOptions): AstroIntegration {
  let root = '/';
  let inputsFile: URL | undefined;
  return {
    name: 'gitops-okr',
    hooks: {
      'astro:config:setup': async ({ config, command, injectRoute, updateConfig, createCodegenDir }) => {
        if (config.site) root = absoluteUrl('/', config.site, config.base);
        const routes = standalone ? [...ROUTES, { pattern: '404', entrypoint: '404.astro' }] : ROUTES;
        for (const page of routes) {
          injectRoute({ pattern: `${route}${page.pattern}`.replace(/(.)\/$/, '$1'), entrypoint: new URL(page.entrypoint, PAGES), prerender: true });
        }
        // The data stays out of the bundle, where Vite and Rolldown would hold megabytes of it
        // (a fifth more memory at 20,000 check-ins); the module reads it from Astro's folder.
        const folder = createCodegenDir();
        await removeLeftovers(folder);
        inputsFile = new URL(inputsFileName ?? `inputs-${process.pid}-${++setups}.json`, folder);
        const write = writeInputs ?? (async (file: URL) => writeWhole(file, JSON.stringify(await inputs!(fileURLToPath(config.root)))));
        // The pages read the file only when Astro generates them, after Vite has bundled them: a
        // build reads its inputs meanwhile and waits for them in the last step before generating.
        const written = write(inputsFile);
        written.catch(() => undefined);
        if (command !== 'build') await written;
        const code = inputsFileName === undefined ? moduleCode(inputsFile, route, standalone) : RUNTIME_MODULE_CODE;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'gitops-okr:inputs',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? code : undefined),
                // Vite runs the app's build (every environment bundled) before `post` hooks, and this plugin's before
                // Astro's own, which generates the pages (astro:build-generate in astro/dist/core/build/static-build.js).
                buildApp: {
                  order: 'post',
                  handler: async () => {
                    const waited = performance.now();
                    await written;
                    // How long the bundled pages waited for their inputs, for the site benchmark (bench/site.ts).
                    performance.measure('gitops-okr:waiting', { start: waited });
                  },
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, pages }) => {
        if (inputsFile) await rm(inputsFile, { force: true });
        // Another site has a sitemap of its own (@astrojs/sitemap lists these pages too).
        if (!standalone || root === '/') return;
        for (const file of siteMap(pages, root)) await writeFile(new URL(file.name, dir), file.xml);
      },
    },
  };
}

/** The sitemap of a standalone site's pages (Astro's `pathname`s), under `root`, its absolute root URL. */
export function siteMap(pages: readonly { pathname: string }[], root: string): { name: string; xml: string }[] {
  const urls = pages.filter((page) => !/(^|\/)404\/?$/.test(page.pathname)).map((page) => new URL(page.pathname, root).href);
  return sitemapFiles(urls, root);
}

/** Where `okr build` hands the pages their settings (src/site/site-bundle.ts), see `RUNTIME_MODULE_CODE`. */
export const SITE_SETTINGS = Symbol.for('gitops-okr:site-settings');

/** What `okr build` sets at `SITE_SETTINGS` before the pages' code loads. */
export interface SiteSettingsAtRender {
  route: string;
  standalone: boolean;
  base: string;
  /** Resolves once the inputs file is whole. */
  inputsFile: Promise<string>;
}

/**
 * `okr build`'s module: the route, the base and the inputs file are the build's, read when the pages
 * load, never baked in. The pages compiled once then render any repository's site under any base
 * (src/site/site-bundle.ts), and they may load while the inputs are still being read: the module
 * waits for the file only when the pages' code reaches it.
 */
const RUNTIME_MODULE_CODE = [
  "import { readFileSync } from 'node:fs';",
  `const settings = globalThis[Symbol.for('gitops-okr:site-settings')];`,
  'export const route = settings.route;',
  'export const standalone = settings.standalone;',
  'export const base = settings.base;',
  "export const inputs = JSON.parse(readFileSync(await settings.inputsFile, 'utf8'));",
  '',
].join('\n');

function moduleCode(inputsFile: URL, route: string, standalone: boolean): string {
  return [
    "import { readFileSync } from 'node:fs';",
    `export const route = ${JSON.stringify(route)};`,
    `export const standalone = ${JSON.stringify(standalone)};`,
    // Astro's base, as links.ts reads it.
    'export const base = undefined;',
    `export const inputs = JSON.parse(readFileSync(new URL(${JSON.stringify(inputsFile.href)}), 'utf8'));`,
    '',
  ].join('\n');
}

/** Inputs files of processes that ended without finishing a build (`astro dev`, a failed build). */
async function removeLeftovers(folder: URL): Promise<void> {
  for (const name of await readdir(folder)) {
    const pid = /^inputs-(\d+)-\d+\.json$/.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await rm(new URL(name, folder), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `okrs`, `/okrs` and `/okrs/` all mean `/okrs/`; `/` and `` mean the site's root. */
export function normalizeRoute(route: string): string {
  const trimmed = route.trim().replace(/^\/+|\/+$/g, '');
  if (/[?#\\\s[\]]/.test(trimmed) || trimmed.split('/').includes('..')) {
    throw new Error(`gitops-okr: \`route\` takes a path such as /okrs, got \`${route}\``);
  }
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The pages' own endpoints are .ts in the sources and .js once compiled. */
function extension(): string {
  return import.meta.url.endsWith('.ts') ? '.ts' : '.js';
}
