/**
 * The current file behind each published objective: its frontmatter and body,
 * as the site's content store keeps them. Only what the public history allows:
 * `aligned_to` is the published link (never one to a private objective).
 */
import type { History } from '../core/history-types.ts';
import type { Objective } from '../core/schema.ts';
import { validObjectives, type Workspace } from '../core/workspace.ts';

export interface PublishedFile {
  frontmatter: Objective;
  body: string;
}

/** By objective id; `history` is the public history. */
export function publishedFiles(history: History, workspace: Workspace): Map<string, PublishedFile> {
  const files = new Map(validObjectives(workspace).map((file) => [file.id, file]));
  const published = new Map<string, PublishedFile>();
  for (const objective of history.objectives) {
    const file = files.get(objective.id);
    if (file) published.set(objective.id, { frontmatter: { ...file.data, aligned_to: objective.alignedTo }, body: file.body });
  }
  return published;
}
