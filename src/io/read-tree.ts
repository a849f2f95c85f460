/** Reads the OKR files of a folder from disk. The only place the linter touches the file system. */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../core/source.ts';
import { isOkrFile, type SourceFile } from '../core/workspace.ts';
import { OutsideRepositoryError } from './outside-repository.ts';

export { OutsideRepositoryError };

/**
 * Every OKR file below `root`, with paths relative to `cwd` in `/` form. A symbolic link is never followed: a
 * linked file is listed with `symlink: true` and no bytes, a linked folder is skipped, and a root that leads
 * out of `cwd` is refused with an `OutsideRepositoryError`.
 */
export async function readOkrTree(root: string, cwd = process.cwd()): Promise<SourceFile[]> {
  const absoluteRoot = path.resolve(cwd, root);
  const relativeRoot = toPosix(path.relative(cwd, absoluteRoot));
  let entries: { file: string; symlink: boolean }[];
  try {
    await refuseEscape(root, absoluteRoot, cwd);
    entries = (await readdir(absoluteRoot, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => ({ file: toPosix(path.relative(cwd, path.join(entry.parentPath, entry.name))), symlink: entry.isSymbolicLink() }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = entries.filter((entry) => isOkrFile(relativeRoot, entry.file)).sort((a, b) => (a.file < b.file ? -1 : 1));
  // One file at a time, without waiting on the thread pool: a thousand small files in 30 ms
  // where sixteen reads at once took 110 ms; and one open file, whatever the open-files limit.
  return files.map(({ file, symlink }) => (symlink ? { path: file, bytes: new Uint8Array(0), symlink: true } : readSourceNow(path.resolve(cwd, file), file)));
}

/** A root inside `cwd` must stay inside it once symbolic links are resolved. */
async function refuseEscape(root: string, absoluteRoot: string, cwd: string): Promise<void> {
  const lexical = path.relative(cwd, absoluteRoot);
  if (lexical.startsWith('..') || path.isAbsolute(lexical)) return;
  const [realCwd, realRoot] = await Promise.all([realpath(cwd), realpath(absoluteRoot)]);
  const inside = path.relative(realCwd, realRoot);
  if (inside.startsWith('..') || path.isAbsolute(inside)) throw new OutsideRepositoryError(root, realRoot);
}

export async function readSource(absolutePath: string, relativePath: string): Promise<SourceFile> {
  return readSourceNow(absolutePath, relativePath);
}

/** The bytes of a file, or only its size when it is larger than an OKR file may be. */
function readSourceNow(absolutePath: string, relativePath: string): SourceFile {
  const descriptor = openSync(absolutePath, 'r');
  try {
    const { size } = fstatSync(descriptor);
    if (size > MAX_FILE_BYTES) return { path: relativePath, bytes: new Uint8Array(0), size };
    return { path: relativePath, bytes: new Uint8Array(readFileSync(descriptor)) };
  } finally {
    closeSync(descriptor);
  }
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/') || '.';
}

/** A file named from the top of the repository may not lead out of it. */
export class OutsideFileError extends Error {}

/**
 * The text of a file the repository names (a CSV source), refused when the path is absolute,
 * climbs out with `..`, is a symbolic link, or resolves outside `repo` through a linked folder.
 */
export async function readFileInRepository(repo: string, file: string): Promise<string> {
  const absolute = path.resolve(repo, file);
  const lexical = path.relative(repo, absolute);
  if (path.isAbsolute(file) || lexical === '' || lexical.startsWith('..') || path.isAbsolute(lexical)) {
    throw new OutsideFileError(`\`${file}\` is outside the repository; name a file from its top, e.g. data/metrics.csv`);
  }
  const [realRepo, realFile] = await Promise.all([realpath(repo), realpath(absolute)]);
  const inside = path.relative(realRepo, realFile);
  if (inside.startsWith('..') || path.isAbsolute(inside)) throw new OutsideFileError(`\`${file}\` leads outside the repository through a symbolic link; nothing outside the repository is read`);
  if ((await lstat(absolute)).isSymbolicLink()) throw new OutsideFileError(`\`${file}\` is a symbolic link; name the file itself`);
  const read = await readSource(absolute, file);
  if (read.size !== undefined) throw new OutsideFileError(`\`${file}\` is larger than ${MAX_FILE_BYTES / 1024} KB`);
  return new TextDecoder().decode(read.bytes);
}
