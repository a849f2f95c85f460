/**
 * The programmatic API of gitops-okr: lint a tree, read the history, build the
 * site. Importing it loads neither Astro nor the site's pages; `buildSite` loads
 * Astro when it runs. The Astro integration is `gitops-okr/astro`.
 */
import { lintWorkspace, type LintResult } from './core/lint.ts';
import { today } from './core/period.ts';
import { buildWorkspace } from './core/workspace.ts';
import { readOkrTree } from './io/read-tree.ts';

export interface LintTreeOptions {
  /** Folder of the OKRs inside the repository; `okrs` by default. */
  root?: string;
  /** The day to judge against, YYYY-MM-DD; today by default. */
  now?: string;
}

/** Lints every OKR file of `<repo>/<root>`: one result per file, paths relative to the repository. */
export async function lintTree(repo: string, options: LintTreeOptions = {}): Promise<LintResult[]> {
  const root = options.root ?? 'okrs';
  return lintWorkspace(buildWorkspace(root, await readOkrTree(root, repo)), { now: options.now ?? today() });
}

export { totals, type LintMessage, type LintOptions, type LintResult } from './core/lint.ts';
export { rules } from './core/rules/index.ts';
export { readHistory, ShallowCloneError, type HistoryCacheOptions, type ReadHistoryOptions } from './git/history.ts';
export type * from './core/history-types.ts';
export type { Config, Mission, Objective } from './core/schema.ts';
export { buildSite, AstroMissingError, type BuildSiteOptions } from './site/build-site.ts';
export { readSiteInputs, type SiteInputs, type SiteSettings } from './site/inputs.ts';
