/** Reads the OKR files of a folder from disk. The only place the linter touches the file system. */
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../core/source.ts';
import { isOkrFile, type SourceFile } from '../core/workspace.ts';

/** Every OKR file below `root`, with paths relative to `cwd` in `/` form. */
export async function readOkrTree(root: string, cwd = process.cwd()): Promise<SourceFile[]> {
  const absoluteRoot = path.resolve(cwd, root);
  const relativeRoot = toPosix(path.relative(cwd, absoluteRoot));
  let entries: string[];
  try {
    entries = (await readdir(absoluteRoot, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => toPosix(path.relative(cwd, path.join(entry.parentPath, entry.name))));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = entries.filter((file) => isOkrFile(relativeRoot, file)).sort();
  return Promise.all(files.map((file) => readSource(path.resolve(cwd, file), file)));
}

export async function readSource(absolutePath: string, relativePath: string): Promise<SourceFile> {
  const { size } = await stat(absolutePath);
  if (size <= MAX_FILE_BYTES) {
    const handle = await open(absolutePath);
    try {
      return { path: relativePath, bytes: new Uint8Array(await handle.readFile()) };
    } finally {
      await handle.close();
    }
  }
  return { path: relativePath, bytes: new Uint8Array(0), size };
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/') || '.';
}
