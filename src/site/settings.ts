/**
 * What one site build is about: which repository, which day, and optionally a
 * history file to use instead of reading git (tests, the benchmark). The CLI
 * sets these in the environment before it runs Astro; `npx astro build` on its
 * own builds the current folder for today.
 */
import path from 'node:path';
import { today } from '../core/period.ts';

export interface SiteSettings {
  /** Absolute path of the repository. */
  repo: string;
  /** Folder of the OKRs inside it. */
  root: string;
  now: string;
  /** A `History` JSON file to publish instead of reading the repository's git history. */
  historyFile: string | undefined;
  /** Changes with every build, so data read for one build is never reused by the next. */
  buildId: string;
  /** List the problems of public files on the site (`--show-problems`); otherwise the site shows their number only. */
  showProblems: boolean;
}

export const SETTINGS_ENV = {
  repo: 'OKR_SITE_REPO',
  root: 'OKR_SITE_ROOT',
  now: 'OKR_SITE_NOW',
  historyFile: 'OKR_SITE_HISTORY_FILE',
  buildId: 'OKR_SITE_BUILD_ID',
  showProblems: 'OKR_SITE_SHOW_PROBLEMS',
} as const;

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  return {
    repo: path.resolve(env[SETTINGS_ENV.repo] || '.'),
    root: env[SETTINGS_ENV.root] || 'okrs',
    now: env[SETTINGS_ENV.now] || today(),
    historyFile: env[SETTINGS_ENV.historyFile] || undefined,
    buildId: env[SETTINGS_ENV.buildId] || '',
    showProblems: env[SETTINGS_ENV.showProblems] === '1',
  };
}

export function settingsToEnv(settings: Omit<SiteSettings, 'buildId' | 'showProblems'> & { buildId?: string; showProblems?: boolean }): Record<string, string | undefined> {
  return {
    [SETTINGS_ENV.repo]: settings.repo,
    [SETTINGS_ENV.root]: settings.root,
    [SETTINGS_ENV.now]: settings.now,
    [SETTINGS_ENV.historyFile]: settings.historyFile,
    [SETTINGS_ENV.buildId]: settings.buildId,
    [SETTINGS_ENV.showProblems]: settings.showProblems ? '1' : undefined,
  };
}

/**
 * Where the inputs read for the current build are kept (src/site/inputs.ts): one slot per
 * process, so the loaders and the pages share them. `buildSite` empties it after a build.
 */
export const SITE_INPUTS_SLOT = Symbol.for('gitops-okr.site-inputs');
