/** Runs the real `okr` command without blocking, so a server on 127.0.0.1 in the test can answer it. */
import { spawn } from 'node:child_process';
import { BIN, type Run } from './cli.ts';

export function okrAsync(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_TOKEN: undefined, GITHUB_API_URL: undefined, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
