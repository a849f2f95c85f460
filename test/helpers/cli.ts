import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempFolder } from './git-repo.ts';

export const BIN = path.resolve(import.meta.dirname, '../../bin/okr.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `okr` command on this Node (24), as a user would. */
export function okr(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the real `okr` command where no file can be written, as on a full disk: `ulimit -f 0` makes
 * every write to a file fail with EFBIG (root included, which permissions would not stop).
 */
export function okrWithFullDisk(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync('sh', ['-c', 'ulimit -f 0 && exec "$@"', 'sh', process.execPath, BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `okr` in this process through the CLI's `main(argv)`, with stdout and
 * stderr captured: the same code path as the command, without a Node start per
 * call. Environment and working folder are set for the call and restored after.
 */
export async function okrIn(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const { main } = await import('../../src/cli/main.ts');
  const env: NodeJS.ProcessEnv = { NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const output = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      output[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  const cwd = process.cwd();
  setEnv(env);
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    if (options.cwd) process.chdir(options.cwd);
    const status = await main(args);
    return { status, ...output };
  } finally {
    process.chdir(cwd);
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    setEnv(saved);
  }
}

function setEnv(values: NodeJS.ProcessEnv): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

/** A temp folder, removed by `removeTempFolders` (git-repo.ts) in the test file's `afterAll`. */
export function tempDir(prefix = 'okr-'): string {
  return tempFolder(prefix);
}

export function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}
