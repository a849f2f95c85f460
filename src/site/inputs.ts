/**
 * What one site build is made from: the history (read once per build) and the
 * current files, with private objectives already taken out.
 *
 * Astro runs the content loaders through Vite's module runner and the pages
 * from its bundle, so one build has two copies of this module. The inputs are
 * kept in one process-wide slot, keyed by the build's settings (which hold a
 * build id), so both copies share a single read of the history.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Checkin, History } from '../core/history-types.ts';
import { publicHistory } from '../core/publish.ts';
import { buildWorkspace, type Workspace } from '../core/workspace.ts';
import { readHistory } from '../git/history.ts';
import { readOkrTree } from '../io/read-tree.ts';
import type { Problem } from './model.ts';
import { buildReport, privateObjectiveIds, problemsOf } from './problems.ts';
import { settingsFromEnv, SITE_INPUTS_SLOT as SLOT, type SiteSettings } from './settings.ts';

export interface SiteInputs {
  settings: SiteSettings;
  /** Already without private objectives. */
  history: History;
  workspace: Workspace;
  /** What the site may show of the files it could not use: public files only. */
  problems: Problem[];
  /** Everything the build reports on its output, private files included; never published. */
  report: Problem[];
  /** Check-ins by objective id, in the history's order. */
  checkins: Map<string, Checkin[]>;
}

type Slot = { key: string; inputs: Promise<SiteInputs> } | undefined;

/** Reads history and files once per build, however many loaders and pages ask. */
export function siteInputs(settings: SiteSettings = settingsFromEnv()): Promise<SiteInputs> {
  const key = JSON.stringify(settings);
  const holder = globalThis as { [SLOT]?: Slot };
  const loaded = holder[SLOT];
  if (loaded?.key === key) return loaded.inputs;
  const inputs = readInputs(settings);
  holder[SLOT] = { key, inputs };
  return inputs;
}

async function readInputs(settings: SiteSettings): Promise<SiteInputs> {
  const workspace = buildWorkspace(settings.root, await readOkrTree(settings.root, settings.repo));
  const fullHistory = settings.historyFile
    ? (JSON.parse(await readFile(path.resolve(settings.historyFile), 'utf8')) as History)
    : await readHistory(settings.repo, { now: settings.now, root: settings.root });
  const hidden = privateObjectiveIds(fullHistory, workspace);
  const history = publicHistory(fullHistory, hidden);
  const checkins = new Map<string, Checkin[]>();
  for (const checkin of history.checkins) {
    const own = checkins.get(checkin.objective);
    if (own) own.push(checkin);
    else checkins.set(checkin.objective, [checkin]);
  }
  return { settings, history, workspace, problems: problemsOf(workspace, history, hidden), report: buildReport(workspace, fullHistory), checkins };
}
