/**
 * GitHub's own workflow and action.yml parser (@actions/workflow-parser).
 * Its modules import their JSON schemas without `with { type: 'json' }`, which
 * Node refuses, so it is bundled once (esbuild inlines the JSON) and loaded from there.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface ParseResult {
  context: { errors: { getErrors(): { message: string }[] } };
}

interface Parser {
  parseWorkflow(file: { name: string; content: string }, trace: unknown): ParseResult;
  parseAction(file: { name: string; content: string }, trace: unknown): ParseResult;
  NoOperationTraceWriter: new () => unknown;
}

let loaded: Promise<Parser> | undefined;

function loadParser(): Promise<Parser> {
  loaded ??= (async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'workflow-parser-'));
    const outfile = path.join(folder, 'parser.mjs');
    try {
      await build({
        stdin: {
          contents: "export { parseWorkflow, NoOperationTraceWriter } from '@actions/workflow-parser';\nexport { parseAction } from '@actions/workflow-parser/actions/action-parser';\n",
          resolveDir: process.cwd(),
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile,
        logLevel: 'silent',
      });
      return (await import(pathToFileURL(outfile).href)) as Parser;
    } finally {
      // Once imported, the module lives in memory; the file is not needed.
      rmSync(folder, { recursive: true, force: true });
    }
  })();
  return loaded;
}

/** The parser's error messages for a workflow file; empty when GitHub would accept it. */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parser = await loadParser();
  return parser
    .parseWorkflow({ name, content }, new parser.NoOperationTraceWriter())
    .context.errors.getErrors()
    .map((error) => error.message);
}

/** The parser's error messages for an action.yml. */
export async function actionErrors(name: string, content: string): Promise<string[]> {
  const parser = await loadParser();
  return parser
    .parseAction({ name, content }, new parser.NoOperationTraceWriter())
    .context.errors.getErrors()
    .map((error) => error.message);
}
