/** Runs the bundled action as GitHub does: `node action/dist/index.js` with the runner's environment. */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitEnvFor } from './action-repo.ts';
import { tempFolder } from './git-repo.ts';

export const BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../action/dist/index.js');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** The `::error …::`, `::warning …::` and `::notice …::` lines. */
  annotations: string[];
  temp: string;
}

export interface RunOptions {
  workspace: string;
  apiUrl: string;
  eventName?: string;
  event?: unknown;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  bundle?: string;
}

export function pullRequestEvent(number: number, base: { sha: string; ref?: string }, head: { sha: string }, fork = false): unknown {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      base: { sha: base.sha, ref: base.ref ?? 'main', repo: { full_name: 'jane/okrs' } },
      head: { sha: head.sha, ref: 'check-in', repo: { full_name: fork ? 'mallory/okrs' : 'jane/okrs' } },
    },
    repository: { full_name: 'jane/okrs', default_branch: 'main' },
  };
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const temp = tempFolder('okr-runner-');
  const eventPath = path.join(temp, 'event.json');
  const summaryPath = path.join(temp, 'summary.md');
  const outputPath = path.join(temp, 'output.txt');
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}));
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  const inputs = { 'github-token': 'test-token', path: 'okrs', comment: 'true', 'fail-on': 'error', now: '2026-11-02', ...options.inputs };
  const env: NodeJS.ProcessEnv = {
    ...gitEnvFor('2026-11-02'),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_REPOSITORY: 'jane/okrs',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_RUN_ID: '42',
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: temp,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...options.env,
  };
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [options.bundle ?? BUNDLE], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
  });
  return {
    code,
    stdout,
    stderr,
    summary: readFileSync(summaryPath, 'utf8'),
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    annotations: stdout.split('\n').filter((line) => /^::(error|warning|notice)[ :]/.test(line)),
    temp,
  };
}

/** `name<<delimiter` … `delimiter` blocks, as @actions/core writes them. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}

export interface ParsedAnnotation {
  kind: string;
  properties: Record<string, string>;
  /** The message with GitHub's escapes undone. */
  message: string;
}

/** `::warning title=…,file=…,line=…::message` → its parts, whatever the order of the properties. */
export function parseAnnotation(line: string): ParsedAnnotation {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`Not a workflow command: ${line}`);
  const unescape = (text: string) => text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const index = pair.indexOf('=');
        return [pair.slice(0, index), unescape(pair.slice(index + 1))];
      }),
  );
  return { kind: match[1] ?? '', properties, message: unescape(match[3] ?? '') };
}
