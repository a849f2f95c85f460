/**
 * Which objectives stay off the site, and what the build reports about files it
 * could not use. The full report (private files included) goes to the build's
 * output; the site gets only the problems of public files, and shows them
 * only when asked to (`--show-problems`), otherwise a count.
 */
import type { History } from '../core/history-types.ts';
import { fileRole } from '../core/history-version.ts';
import { privacyOfData, type Privacy } from '../core/privacy.ts';
import { defaultObjectiveId, type ObjectiveFile, type Workspace } from '../core/workspace.ts';
import type { Problem } from './model.ts';

/**
 * Ids of objectives that must not be published: private in the history, or a current file that is private,
 * may be private (`private: yes`) or cannot be read as YAML at all.
 */
export function privateObjectiveIds(history: History, workspace: Workspace | undefined): Set<string> {
  const ids = new Set(history.objectives.filter((objective) => objective.private).map((objective) => objective.id));
  const paths = new Set<string>();
  for (const file of workspace?.objectives ?? []) {
    if (filePrivacy(file) === 'public') continue;
    ids.add(file.id);
    paths.add(file.path);
  }
  for (const file of workspace?.unreadable ?? []) {
    if (fileRole(workspace?.root ?? '', file.path) !== 'objective') continue;
    ids.add(defaultObjectiveId(file.path));
    paths.add(file.path);
  }
  // The history may know the objective under the `id:` of an older version.
  for (const objective of history.objectives) if (paths.has(objective.path)) ids.add(objective.id);
  return ids;
}

/** What the current version of a file says about being private. */
export function filePrivacy(file: ObjectiveFile): Privacy {
  if (file.data) return file.data.private ? 'private' : 'public';
  return file.raw === undefined ? 'unknown' : privacyOfData(file.raw);
}

/** Problems of public files and the (already public) history's warnings: what the site may show. */
export function problemsOf(workspace: Workspace | undefined, history: History, hidden: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const file of workspace?.objectives ?? []) {
    if (file.data !== undefined || filePrivacy(file) !== 'public' || hidden.has(file.id)) continue;
    for (const finding of file.findings) problems.push({ path: file.path, line: finding.line, message: finding.message });
  }
  for (const file of [...(workspace?.missions ?? []), ...(workspace?.config ? [workspace.config] : [])]) {
    if (file.data !== undefined) continue;
    for (const finding of file.findings) problems.push({ path: file.path, line: finding.line, message: finding.message });
  }
  for (const warning of history.warnings) problems.push({ path: warning.path ?? '', line: warning.line ?? null, message: warning.message });
  return problems;
}

/**
 * Everything the build's output reports: every file it could not use, private or not, why an objective is
 * not published, and the history's warnings. Never published.
 */
export function buildReport(workspace: Workspace, history: History | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const file of [...workspace.objectives, ...workspace.missions, ...(workspace.config ? [workspace.config] : [])]) {
    if (file.data !== undefined) continue;
    for (const finding of file.findings) problems.push({ path: file.path, line: finding.line, message: finding.message });
    if ('id' in file) {
      const privacy = filePrivacy(file as ObjectiveFile);
      if (privacy === 'private') problems.push({ path: file.path, line: null, message: 'Not published: `private:` is not `true` or `false`, which counts as private' });
      if (privacy === 'unknown') problems.push({ path: file.path, line: null, message: 'Not published: the file cannot be read, so it may be private' });
    }
  }
  for (const file of workspace.unreadable) {
    problems.push({ path: file.path, line: null, message: `${file.finding.message}; not published, as it may be private` });
  }
  const seen = new Set(problems.map((problem) => `${problem.path}:${problem.line}:${problem.message}`));
  for (const warning of history?.warnings ?? []) {
    const problem = { path: warning.path ?? '', line: warning.line ?? null, message: warning.message };
    if (!seen.has(`${problem.path}:${problem.line}:${problem.message}`)) problems.push(problem);
  }
  return problems;
}
