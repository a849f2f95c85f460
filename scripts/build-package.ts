/**
 * Compiles the package for publishing: src/*.ts → lib/*.js with declarations (tsc), and the
 * site's .astro and .css files copied beside them. Astro compiles the .astro files in the
 * user's build (as Starlight's pages are); their relative `.ts` imports are rewritten to the
 * compiled `.js`, as tsc rewrites those of the .ts files. `npm run build:package`; `npm pack`
 * runs it first (prepare).
 */
import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'src');
export const LIB = path.join(ROOT, 'lib');

/** `from '../site/urls.ts'` → `from '../site/urls.js'`: relative imports only, as tsc's rewriteRelativeImportExtensions. */
export function rewriteImports(source: string): string {
  return source.replace(/((?:from|import)\s*['"])(\.{1,2}\/[^'"]*?)\.ts(['"])/g, '$1$2.js$3');
}

export async function buildPackage(): Promise<void> {
  await rm(LIB, { recursive: true, force: true });
  const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  for (const entry of await readdir(SOURCE, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(astro|css)$/.test(entry.name)) continue;
    const from = path.join(entry.parentPath, entry.name);
    const to = path.join(LIB, path.relative(SOURCE, from));
    await cp(from, to);
    if (entry.name.endsWith('.astro')) await writeFile(to, rewriteImports(await readFile(from, 'utf8')));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildPackage();
}
