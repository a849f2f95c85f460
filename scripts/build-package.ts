/**
 * Compiles the package for publishing: src/*.ts → lib/*.js (esbuild) with declarations (tsc), and
 * the site's .astro and .css files copied beside them. `npm run build:package`; `npm pack` runs it
 * first (prepare).
 *
 * Every module of src/ is an entry point, so each keeps its place (lib/core/score.js, the
 * `./astro` export lib/site/integration.js) and the site's .astro files, which Astro compiles in
 * the user's build as Starlight's pages are, import them as before; their relative `.ts` imports
 * are rewritten to `.js`. The modules' code lives in shared chunks (lib/chunks/), once, and
 * `okr lint` loads only the chunks its modules reach: the command's `import()` of the other
 * commands stays lazy. The small libraries the command line starts with are bundled into those
 * chunks (one file each instead of a few hundred): a start about 60 ms faster. What only the site
 * uses stays an ordinary dependency.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PACKAGED_BUNDLE } from '../src/site/site-bundle.ts';
import { build, transform, type Metafile, type Plugin } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'src');
export const LIB = path.join(ROOT, 'lib');

/**
 * The dependencies bundled into lib/: what every command loads, one chunk each instead of a few
 * hundred files (zod alone saves `okr lint` 35 ms). The package still depends on zod and yaml,
 * whose types its declarations name.
 */
export const BUNDLED = new Set(['zod', 'yaml', 'commander', 'gray-matter', 'picocolors', 'section-matter', 'kind-of', 'extend-shallow', 'is-extendable', 'strip-bom-string']);

/**
 * zod's `z` is one object that holds all of zod (every locale's messages among it), so a bundle
 * cannot leave out what it does not use: 450 KB. In lib/, `z` is an object of what src/ names,
 * `z.string`, `z.object`, …, and the bundle keeps what those reach: 100 KB. `z.core` names types
 * only (`z.core.$ZodIssue`); a name that zod does not export as a value is a type as well.
 */
async function zodShim(): Promise<string> {
  const { z } = await import('zod');
  const names = new Set<string>();
  for (const file of await sourceFiles()) {
    if (!file.endsWith('.ts')) continue;
    const text = await readFile(file, 'utf8');
    if (/\bz\.core\.\w+\s*\(/.test(text)) throw new Error(`${path.relative(ROOT, file)} calls into \`z.core\`, which lib/'s \`z\` leaves out: import it from 'zod/v4/core'`);
    for (const [, name] of text.matchAll(/\bz\.([A-Za-z]\w*)/g)) if (name !== 'core' && name! in z) names.add(name!);
  }
  const sorted = [...names].sort();
  return `import { ${sorted.map((name) => `${name} as _${name}`).join(', ')} } from 'zod/v4';\nexport const z = { ${sorted.map((name) => `${name}: _${name}`).join(', ')} };\n`;
}

/** `from '../site/urls.ts'` → `from '../site/urls.js'`: relative imports only, as tsc's rewriteRelativeImportExtensions. */
export function rewriteImports(source: string): string {
  return source.replace(/((?:from|import)\s*['"])(\.{1,2}\/[^'"]*?)\.ts(['"])/g, '$1$2.js$3');
}

/** The name of the package a bare import names: `yaml/util` → `yaml`, `@astrojs/rss` → `@astrojs/rss`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * What is bundled and what is left out. gray-matter is given the `yaml` engine (src/core/frontmatter.ts)
 * but its lib/engines.js requires js-yaml (and, through it, esprima) when it loads: here that module
 * is one that refuses, as the engines src/core/frontmatter.ts passes for JSON and JavaScript do.
 */
const dependencies = (zod: string): Plugin => ({
  name: 'dependencies',
  setup(builder) {
    builder.onResolve({ filter: /^zod$/ }, ({ importer }) => (importer.startsWith(SOURCE) ? { path: 'zod', namespace: 'zod-shim' } : undefined));
    builder.onLoad({ filter: /.*/, namespace: 'zod-shim' }, () => ({ contents: zod, loader: 'js', resolveDir: ROOT }));
    builder.onResolve({ filter: /^[^./]/ }, ({ path: specifier, kind }) => {
      if (kind === 'entry-point' || specifier.startsWith('node:')) return undefined;
      if (specifier === 'js-yaml') return { path: 'js-yaml', namespace: 'refused' };
      return BUNDLED.has(packageOf(specifier)) ? undefined : { path: specifier, external: true };
    });
    builder.onLoad({ filter: /.*/, namespace: 'refused' }, () => ({
      contents: "const refused = () => { throw new Error('Frontmatter is YAML only'); };\nmodule.exports = { safeLoad: refused, safeDump: refused };",
      loader: 'js',
    }));
  },
});

async function sourceFiles(): Promise<string[]> {
  return (await readdir(SOURCE, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Bundles src/ into `outdir` and returns what went where. */
export async function bundleSources(outdir: string = LIB): Promise<Metafile> {
  const entryPoints = (await sourceFiles()).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints,
    outbase: SOURCE,
    outdir,
    // Chunks sit one folder below lib/, as src/site/ does: `new URL('../pages/', import.meta.url)` finds the pages from either.
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node22.12',
    format: 'esm',
    minify: true,
    keepNames: true,
    charset: 'utf8',
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
    plugins: [dependencies(await zodShim())],
    // gray-matter, which is CommonJS, calls require() for Node's `fs`.
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  });
  return result.metafile;
}

/**
 * Removes the declarations that no export's types reach (those of the commands, the pages, the rules):
 * a user's type checker never opens them.
 */
export async function pruneDeclarations(): Promise<void> {
  const { exports } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { types?: string } | string> };
  const reached = new Set<string>();
  const pending = Object.values(exports).flatMap((target) => (typeof target === 'object' && target.types ? [path.join(ROOT, target.types)] : []));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    for (const [, target] of (await readFile(file, 'utf8')).matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)\.[jt]s['"]/g)) {
      // tsc keeps the sources' `.ts` in the declarations' imports; they name the `.d.ts` beside.
      pending.push(path.join(path.dirname(file), `${target}.d.ts`));
    }
  }
  for (const file of await readdir(LIB, { recursive: true })) {
    const absolute = path.join(LIB, file);
    if (absolute.endsWith('.d.ts') && !reached.has(absolute)) await rm(absolute);
  }
}

export async function buildPackage(): Promise<void> {
  await rm(LIB, { recursive: true, force: true });
  const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  await pruneDeclarations();
  await bundleSources();
  for (const from of await sourceFiles()) {
    if (!/\.(astro|css)$/.test(from)) continue;
    const to = path.join(LIB, path.relative(SOURCE, from));
    await cp(from, to);
    if (from.endsWith('.astro')) await writeFile(to, rewriteImports(await readFile(from, 'utf8')));
  }
  await compileSite();
}

/**
 * The site compiled from lib/ into lib/site-bundle (src/site/site-bundle.ts), so that a user's
 * `okr build` renders the pages without bundling them: one build of this package's own OKRs, in a
 * process of its own that loads lib/ as a user's does. Last: the bundle is keyed by lib/'s files.
 */
async function compileSite(): Promise<void> {
  const work = path.join(ROOT, 'node_modules', '.cache', 'gitops-okr', `package-${process.pid}`);
  const script = [
    `const { buildSite } = await import(${JSON.stringify(pathToFileURL(path.join(LIB, 'site', 'build-site.js')).href)});`,
    `await buildSite(${JSON.stringify({ repo: ROOT, out: path.join(work, 'out'), cacheDir: path.join(work, 'cache'), now: '2026-01-01', site: 'https://example.invalid', base: '/', logLevel: 'error', bundleInto: path.join(LIB, PACKAGED_BUNDLE) })});`,
  ].join('\n');
  try {
    // A file, not `--eval`: the build's worker threads take the process's flags.
    await mkdir(work, { recursive: true });
    await writeFile(path.join(work, 'compile.mjs'), script);
    execFileSync(process.execPath, [path.join(work, 'compile.mjs')], { stdio: 'inherit' });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  // Astro leaves the chunks as Rolldown wrote them, Astro's own runtime among them: minified as lib/ is, the
  // package is smaller. The folders of this machine they name (each page's file, which Astro's renderer
  // looks up by that name, and the build's folders, which it does not read) become a folder of no machine.
  const server = path.join(LIB, PACKAGED_BUNDLE, 'server');
  for (const file of (await readdir(server, { recursive: true })).filter((name) => name.endsWith('.mjs'))) {
    const code = await readFile(path.join(server, file), 'utf8');
    const { code: minified } = await transform(code, { format: 'esm', minify: true, keepNames: true, target: 'node22.12', charset: 'utf8', legalComments: 'eof' });
    await writeFile(path.join(server, file), minified.replaceAll(pathToFileURL(ROOT).href, 'file:///gitops-okr').replaceAll(ROOT, '/gitops-okr'));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildPackage();
}
