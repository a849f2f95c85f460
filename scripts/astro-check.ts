/**
 * `astro check` over the site's .astro files: component props and page code
 * are type-checked with the project's tsconfig. It runs Astro's language
 * server (what `@astrojs/check` wraps) on TypeScript 6, because the language
 * server needs TypeScript's JavaScript API, which the TypeScript 7 compiler the
 * rest of the project is checked with no longer has.
 *
 *   npm run check:astro
 */
import { readdirSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

// Volar (inside the language server) loads `typescript` itself; it gets TypeScript 6 too.
registerHooks({
  resolve: (specifier, context, next) => next(specifier === 'typescript' ? 'astro-check-typescript' : specifier, context),
});

export async function checkAstro(): Promise<{ files: number; errors: number; warnings: number }> {
  const { AstroCheck } = await import('@astrojs/language-server');
  const checker = new AstroCheck(root, require.resolve('astro-check-typescript'), path.join(root, 'tsconfig.json'));
  // The .astro files only: the TypeScript files are `tsc`'s (npm run typecheck).
  const fileNames = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.astro'))
    .map((file) => path.join(root, 'src', file));
  const result = await checker.lint({ fileNames, logErrors: { level: 'warning' } });
  return { files: result.fileChecked, errors: result.errors, warnings: result.warnings };
}

if (process.argv[1] === import.meta.filename) {
  const { files, errors, warnings } = await checkAstro();
  process.stdout.write(`astro check: ${files} files, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  if (errors > 0) process.exitCode = 1;
}
