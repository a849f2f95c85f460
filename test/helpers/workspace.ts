import { buildWorkspace, type Workspace } from '../../src/core/workspace.ts';
import { lintWorkspace, type LintMessage } from '../../src/core/lint.ts';
import { EXAMPLE_FILE, type ExampleReport } from '../../src/core/rules/rule.ts';
import type { RuleExample } from '../../src/core/rules/index.ts';

export const MISSION = '---\nmission: Be an ideal candidate for promotion or hire.\nowner: jane\n---\nWhy it matters.\n';
export const NOW = '2026-11-15';

export function workspaceOf(files: Record<string, string | Uint8Array>, root = 'okrs'): Workspace {
  return buildWorkspace(
    root,
    Object.entries(files).map(([path, content]) => ({ path, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content })),
  );
}

/** Where a bare objective of an example goes. */
export const EXAMPLE_PATH = EXAMPLE_FILE;

/**
 * A tree under the default mission: `files` maps paths to whole file contents;
 * objective frontmatter without `---` fences gets them.
 */
export function exampleWorkspace(files: Record<string, string>): Workspace {
  return workspaceOf(
    Object.fromEntries(Object.entries({ 'okrs/mission.md': MISSION, ...files }).map(([path, text]) => [path, text.startsWith('---') || path.endsWith('.yml') ? text : `---\n${text}\n---\n`])),
  );
}

/** A rule example as a tree: a bare objective is placed at okrs/2026-q4/example.md under a mission. */
export function exampleTree(example: RuleExample): { files: Record<string, string>; now: string } {
  if (typeof example === 'string') return { files: { 'okrs/mission.md': MISSION, [EXAMPLE_PATH]: `---\n${example}---\nBody.\n` }, now: NOW };
  return { files: example.files, now: example.now ?? NOW };
}

/** Every message of a tree, flattened, with its file. */
export function lintFiles(files: Record<string, string | Uint8Array>, now = NOW): (LintMessage & { path: string })[] {
  return lintWorkspace(workspaceOf(files), { now }).flatMap((result) => result.messages.map((message) => ({ ...message, path: result.path })));
}

export function objective(frontmatter: string, body = 'Body.\n'): string {
  return `---\n${frontmatter}---\n${body}`;
}

/** What a rule's examples state that bad example `index` reports, with the file filled in. */
export function statedReports(reports: readonly ExampleReport[], index: number): { file: string; line: number; column: number; message: string }[] {
  return reports.filter((report) => report.bad === index).map(({ file, line, column, message }) => ({ file: file ?? EXAMPLE_PATH, line, column, message }));
}

/** Reports in file, line, column and message order, so two lists compare as sets with their repeats. */
export function sorted<T extends { file: string; line: number; column: number; message: string }>(reports: readonly T[]): T[] {
  return [...reports].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));
}
