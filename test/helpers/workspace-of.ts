/** Workspaces built from strings, for tests of the pure core. */
import { buildWorkspace, type Workspace } from '../../src/core/workspace.ts';

export const EXAMPLE_PATH = 'okrs/2026-q4/example.md';
const MISSION = '---\nmission: Be an ideal candidate for promotion or hire.\nowner: jane\n---\n';

/** `files` maps paths to whole file contents; objective frontmatter without `---` fences gets them. */
export function workspaceOf(files: Record<string, string>): Workspace {
  const encoder = new TextEncoder();
  return buildWorkspace(
    'okrs',
    Object.entries({ 'okrs/mission.md': MISSION, ...files }).map(([path, text]) => ({
      path,
      bytes: encoder.encode(text.startsWith('---') || path.endsWith('.yml') ? text : `---\n${text}\n---\n`),
    })),
  );
}
