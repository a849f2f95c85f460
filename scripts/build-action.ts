/**
 * Bundles the action into one file, `action/dist/index.js`, which is committed:
 * GitHub runs it as is, without installing anything. `npm run build:action`.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ACTION_BUNDLE = path.join(ROOT, 'action', 'dist', 'index.js');

export async function buildAction(outfile: string = ACTION_BUNDLE): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['action/src/index.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    minify: true,
    charset: 'utf8',
    legalComments: 'eof',
    logLevel: 'warning',
    // Some bundled CommonJS modules call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAction();
}
