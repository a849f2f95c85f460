/**
 * The content loaders of the site: read the history (once per build) and the
 * current files, keep what may be published, and store one entry per
 * objective (with its check-ins) and per mission. An entry whose inputs have the same digest
 * as in the last build is kept as it is, not rendered again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Checkin, History } from '../core/history-types.ts';
import { publicHistory } from '../core/publish.ts';
import { buildWorkspace, validObjectives, type Workspace } from '../core/workspace.ts';
import { readHistory } from '../git/history.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { renderMarkdown } from './markdown.ts';
import { objectiveView, privateObjectiveIds, problemsOf, type Problem } from './model.ts';
import { settingsFromEnv, type SiteSettings } from './settings.ts';

export interface SiteInputs {
  settings: SiteSettings;
  /** Already without private objectives. */
  history: History;
  workspace: Workspace;
  problems: Problem[];
  /** Check-ins by objective id. */
  checkins: Map<string, Checkin[]>;
}

let loaded: { key: string; inputs: Promise<SiteInputs> } | undefined;

/** Reads history and files once per build, however many collections ask. */
export function siteInputs(settings: SiteSettings = settingsFromEnv()): Promise<SiteInputs> {
  const key = JSON.stringify(settings);
  if (loaded?.key !== key) loaded = { key, inputs: readInputs(settings) };
  return loaded.inputs;
}

async function readInputs(settings: SiteSettings): Promise<SiteInputs> {
  const workspace = buildWorkspace(settings.root, await readOkrTree(settings.root, settings.repo));
  const fullHistory = settings.historyFile
    ? (JSON.parse(await readFile(path.resolve(settings.historyFile), 'utf8')) as History)
    : await readHistory(settings.repo, { now: settings.now, root: settings.root });
  const hidden = privateObjectiveIds(fullHistory, workspace);
  const history = publicHistory(fullHistory, hidden);
  const checkins = new Map<string, Checkin[]>();
  for (const checkin of history.checkins) checkins.set(checkin.objective, [...(checkins.get(checkin.objective) ?? []), checkin]);
  return { settings, history, workspace, problems: problemsOf(workspace, history, hidden), checkins };
}

export function objectivesLoader(): Loader {
  return {
    name: 'okr-objectives',
    load: async (context) => {
      const { history, workspace, checkins, settings } = await siteInputs();
      const files = new Map(validObjectives(workspace).map((file) => [file.id, file]));
      const publicIds = new Set(history.objectives.map((objective) => objective.id));
      await replaceEntries(
        context,
        history.objectives.map((objective) => {
          const file = files.get(objective.id);
          const own = checkins.get(objective.id) ?? [];
          return {
            id: objective.id,
            inputs: { objective, own, body: file?.body ?? null, frontmatter: file?.data ?? null, aligned: publicIds.has(objective.alignedTo), now: settings.now },
            make: () => {
              const body = file ? renderMarkdown(file.body) : { html: '', tasks: { done: 0, total: 0 } };
              const view = objectiveView(objective, file?.data, body.tasks, own, publicIds, settings.now);
              return { data: { frontmatter: file?.data ?? null, history: objective, view, checkins: own }, html: body.html };
            },
          };
        }),
      );
    },
  };
}

export function missionsLoader(): Loader {
  return {
    name: 'okr-missions',
    load: async (context) => {
      const { history } = await siteInputs();
      await replaceEntries(
        context,
        history.missions.map((mission) => ({
          id: mission.path,
          inputs: mission,
          make: () => ({ data: { ...mission }, html: renderMarkdown(mission.body).html }),
        })),
      );
    },
  };
}

/** Site-wide facts: the day of the build, where commits link to, what needs attention. */
export function siteLoader(): Loader {
  return {
    name: 'okr-site',
    load: async (context) => {
      const { history, problems, settings } = await siteInputs();
      const repoUrl = /^https?:\/\//.test(history.repo) ? history.repo.replace(/\.git$/, '').replace(/\/+$/, '') : null;
      const site = {
        now: settings.now,
        generatedAt: history.generatedAt,
        repo: history.repo,
        repoUrl,
        problems,
        warnings: history.warnings,
      };
      await replaceEntries(context, [{ id: 'site', inputs: site, make: () => ({ data: site }) }]);
    },
  };
}

interface Candidate {
  id: string;
  /** Everything the entry is made from: the digest is taken over it. */
  inputs: unknown;
  make: () => { data: Record<string, unknown>; html?: string };
}

async function replaceEntries({ store, parseData, generateDigest }: LoaderContext, candidates: readonly Candidate[]): Promise<void> {
  const keep = new Set<string>();
  for (const candidate of candidates) {
    keep.add(candidate.id);
    const digest = generateDigest(JSON.stringify(candidate.inputs));
    if (store.get(candidate.id)?.digest === digest) continue;
    const { data, html } = candidate.make();
    const parsed = await parseData({ id: candidate.id, data });
    store.set({ id: candidate.id, data: parsed, digest, ...(html === undefined ? {} : { rendered: { html } }) });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
}
