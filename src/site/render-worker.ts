/**
 * Renders a site from its compiled bundle (src/site/site-bundle.ts) on a thread of its own, started
 * by src/site/render-bundle.ts: the pages' modules are loaded afresh for every build (a module keeps
 * what it computed from the inputs it loaded with), and they load while the main thread still waits
 * for the inputs. Each page goes to the file Astro would write it to; a page whose key is the one it
 * had in the last build is linked from the copy of that build in the caches instead.
 */
import { readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { SITE_SETTINGS, type SiteSettingsAtRender } from './integration.ts';
import { PATHS_EXPORTS } from './site-bundle.ts';
import { keptName, type KeptPages, type RenderMessage, type RenderRequest } from './render-bundle.ts';

interface RouteData {
  type: string;
  component: string;
  pathname?: string;
  prerender: boolean;
  fallbackRoutes: RouteData[];
}
interface Entry {
  app: BuildApp;
  [PATHS_EXPORTS.list]?: (options: {
    mod: unknown;
    route: RouteData;
    routeCache: unknown;
    ssr: boolean;
    base: string;
    trailingSlash: string;
  }) => Promise<{ params: Record<string, string | undefined>; cacheKey?: unknown }[]>;
  [PATHS_EXPORTS.pathname]?: (params: Record<string, string | undefined>, route: RouteData, trailingSlash: string) => string;
}
type StaticPath = { pathname: string; route: RouteData; cacheKey?: string };
interface BuildApp {
  manifest: { base: string; site?: string; serverLike: boolean; trailingSlash: string; routes: { routeData: RouteData }[] };
  baseWithoutTrailingSlash: string;
  routeCache: unknown;
  getComponentByRoute(route: RouteData): Promise<unknown>;
  logger: { options: { destination: unknown } };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

const request = workerData as RenderRequest;
const post = (message: RenderMessage) => parentPort!.postMessage(message);

try {
  const settings: SiteSettingsAtRender = {
    route: request.route,
    standalone: request.standalone,
    base: request.base,
    inputsFile: new Promise((resolve) => parentPort!.once('message', (file: string) => resolve(file))),
  };
  (globalThis as Record<symbol, unknown>)[SITE_SETTINGS] = settings;
  // Every chunk starts loading now: Node reads and compiles them while the inputs are still being
  // read, and those that need the inputs wait for them (src/site/integration.ts).
  const chunks = path.join(request.bundle, 'server', 'chunks');
  for (const name of readdirSync(chunks)) import(pathToFileURL(path.join(chunks, name)).href).catch(() => undefined);
  const previous = lastPages(request.kept);
  // The folders of the last build's pages are made meanwhile too, on Node's thread pool: a rebuild
  // after a check-in has the same pages, and making some hundred folders is most of what it writes.
  const folders = [...new Set(Object.keys(previous?.keys ?? {}).map((file) => path.dirname(path.join(request.out, file))))].sort();
  const madeEarly = makeFolders(folders);
  // What renders a page answers with a Response, whose classes Node loads when first used.
  void new Response('');
  const entry = (await import(pathToFileURL(path.join(request.bundle, 'server', request.meta.entry)).href)) as Entry;
  const { app } = entry;
  // The base and the site URL are this build's, not those of the build that compiled the bundle.
  app.manifest.base = request.base;
  if (request.site) app.manifest.site = request.site;
  else delete app.manifest.site;
  app.baseWithoutTrailingSlash = request.base.replace(/\/$/, '') || '';
  app.setInternals({ pagesByKeys: new Map(request.meta.pages), entrySpecifierToBundleMap: new Map() });
  app.setOptions({ settings: { scripts: request.meta.scripts }, logger: { options: { destination: app.logger.options.destination } } });

  const seen = new Set<string>();
  const paths = (await staticPaths(entry)).filter(({ pathname }) => {
    const normal = pathname.replace(/\/$/, '');
    if (seen.has(normal)) return false;
    seen.add(normal);
    return true;
  });
  const origin = request.site ? new URL(request.site).origin : 'http://localhost:4321';
  const keys: Record<string, string> = {};
  const pageNames: string[] = [];
  const rendered: string[] = [];
  const log: string[] = [];
  // Written on Node's thread pool: making a file is slow on a busy disk, and the next pages render meanwhile.
  const made = new Map((await madeEarly).map((dir) => [dir, Promise.resolve()]));
  const folder = (file: string) => {
    const dir = path.dirname(path.join(request.out, file));
    let making = made.get(dir);
    if (making === undefined) made.set(dir, (making = mkdir(dir, { recursive: true }).then(() => undefined)));
    return making;
  };
  const one = async ({ pathname, route, cacheKey }: (typeof paths)[number]) => {
    const file = outFile(pathname, route.type);
    if (route.type === 'page') pageNames.push(pathname === '/' ? '' : `${pathname.replace(/^\//, '').replace(/\/$/, '')}/`);
    const key = cacheKey === undefined ? undefined : `${route.component}\n${pathname}\n${cacheKey}`;
    await folder(file);
    if (key !== undefined && previous?.keys[file] === key && (await linkOrCopy(path.join(request.kept.dir, keptName(file)), path.join(request.out, file)))) {
      keys[file] = key;
      if (request.log) log.push(`  ├─ /${file} (cached)`);
      return;
    }
    const started = performance.now();
    const url = new URL(`${request.base.replace(/\/$/, '')}/${route.type === 'endpoint' ? pathname.slice(1) : pathname === '/' ? '' : `${pathname.slice(1).replace(/\/$/, '')}/`}`, origin);
    const response = await app.render(new Request(url), { routeData: route });
    if (response.status >= 300 && response.status < 400) throw new Error(`${pathname} redirects, which the bundle does not render`);
    if (!response.body) return;
    await writeFile(path.join(request.out, file), Buffer.from(await response.arrayBuffer()));
    if (key !== undefined) keys[file] = key;
    rendered.push(file);
    // The main thread copies the pages into the caches meanwhile, a batch at a time.
    if (rendered.length % 64 === 0) post({ kind: 'written', files: rendered.slice(-64) });
    if (request.log) log.push(`  ├─ /${file} (+${Math.round(performance.now() - started)}ms)`);
  };
  // A few pages at a time, as Astro's build.concurrency: each page's wait for its file keeps the thread busy meanwhile.
  let next = 0;
  await Promise.all(
    Array.from({ length: request.concurrency }, async () => {
      while (next < paths.length) await one(paths[next++]!);
    }),
  );
  // A folder of the last build that no page of this one needs is removed, as it would not be there.
  const used = new Set(
    Object.keys(keys)
      .concat(rendered)
      .map((file) => path.dirname(path.join(request.out, file))),
  );
  for (const dir of folders.reverse()) if (!used.has(dir)) rmEmpty(dir, request.out);
  post({ kind: 'done', keys, gone: Object.keys(previous?.keys ?? {}).filter((file) => !(file in keys)), rendered: rendered.slice(rendered.length - (rendered.length % 64)), pageNames, log });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  // The thread then exits by itself once its messages are out, the inputs it may still wait for never to come
  // (src/site/render-bundle.ts).
  parentPort!.unref();
}

/** Where Astro's `directory` format writes a route's path: `objectives/x/index.html`, `404.html`, `rss.xml`. */
function outFile(pathname: string, type: string): string {
  const bare = pathname.replace(/^\/|\/$/g, '');
  if (type === 'endpoint') return bare;
  if (bare === '404' || bare === '500') return `${bare}.html`;
  return bare === '' ? 'index.html' : `${bare}/index.html`;
}

/**
 * Every page of every route, as Astro's `StaticPaths` lists them, through the entry's own copy of
 * Astro's runtime (src/site/site-bundle.ts): the routes of this site are neither redirects nor
 * fallbacks, which only Astro's own `StaticPaths` lists.
 */
async function staticPaths(entry: Entry): Promise<StaticPath[]> {
  const { app } = entry;
  const list = entry[PATHS_EXPORTS.list];
  const pathname = entry[PATHS_EXPORTS.pathname];
  const routes = app.manifest.routes.map(({ routeData }) => routeData).filter((route) => route.prerender);
  if (!list || !pathname || routes.some((route) => route.type === 'redirect' || route.type === 'fallback' || route.fallbackRoutes.length > 0)) {
    const { StaticPaths } = (await import('astro/runtime/prerender/static-paths.js')) as unknown as { StaticPaths: new (app: BuildApp) => { getAll(): Promise<StaticPath[]> } };
    return new StaticPaths(app).getAll();
  }
  const { manifest } = app;
  const paths: StaticPath[] = [];
  for (const route of routes) {
    if (route.pathname) {
      paths.push({ pathname: route.pathname, route });
      continue;
    }
    const mod = await app.getComponentByRoute(route);
    for (const { params, cacheKey } of await list({ mod, route, routeCache: app.routeCache, ssr: manifest.serverLike, base: manifest.base, trailingSlash: manifest.trailingSlash })) {
      paths.push({ pathname: pathname(params, route, manifest.trailingSlash), route, ...(cacheKey === undefined ? {} : { cacheKey: String(cacheKey) }) });
    }
  }
  return paths;
}

/**
 * The keys of the last build's pages when they were rendered as this build renders (the same
 * bundle, base, site and route). The keys file is removed: the copy changes from now on, and its
 * keys are written again once this build's site is in place (src/site/render-bundle.ts).
 */
function lastPages({ dir, identity }: RenderRequest['kept']): KeptPages | undefined {
  let last: KeptPages | undefined;
  try {
    last = JSON.parse(readFileSync(`${dir}.json`, 'utf8')) as KeptPages;
  } catch {
    last = undefined;
  }
  rmSync(`${dir}.json`, { force: true });
  const same = last !== undefined && typeof last.keys === 'object' && Object.entries(identity).every(([name, value]) => last[name as keyof typeof identity] === value);
  if (!same) rmSync(dir, { recursive: true, force: true });
  return same ? last : undefined;
}

/** `false` when the last build's copy is gone (then the page is rendered). */
async function linkOrCopy(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    return copyFile(from, to).then(
      () => true,
      () => false,
    );
  }
}

/** Makes `folders` (sorted, so a parent comes before its children), a parent's children at once. */
async function makeFolders(folders: readonly string[]): Promise<string[]> {
  const made = new Set<string>();
  const waits = new Map<string, Promise<void>>();
  for (const dir of folders) {
    const parent = waits.get(path.dirname(dir)) ?? Promise.resolve();
    waits.set(
      dir,
      parent.then(() => mkdir(dir, { recursive: true }).then(() => void made.add(dir))),
    );
  }
  await Promise.all([...waits.values()].map((wait) => wait.catch(() => undefined)));
  return [...made];
}

/** Removes `dir` when it is empty, and then each of its parents below `top` that is left empty. */
function rmEmpty(dir: string, top: string): void {
  for (let at = dir; at.startsWith(`${top}${path.sep}`); at = path.dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      // Not empty: a page of this build is in it.
      return;
    }
  }
}
