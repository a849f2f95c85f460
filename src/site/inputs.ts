/**
 * What one site build is made from, read once: the history (without private
 * objectives), the current files and their rendered bodies, and the problems
 * to list. Plain data, so it crosses into the Astro build as a virtual module
 * (src/site/integration.ts) instead of through the environment or a global.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHistory, type History } from '../core/history-types.ts';
import { today } from '../core/period.ts';
import { publicHistory } from '../core/publish.ts';
import type { Objective } from '../core/schema.ts';
import { readFrontmatter } from '../core/frontmatter.ts';
import { buildWorkspace, type Workspace } from '../core/workspace.ts';
import { readHistory, type ReadHistoryOptions } from '../git/history.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { renderMarkdown, type RenderedBody } from './markdown.ts';
import type { Problem } from './model.ts';
import { buildReport, privateObjectiveIds, problemsOf } from './problems.ts';
import { publishedFiles } from './published-files.ts';

export interface SiteSettings {
  /** The repository. */
  repo: string;
  /** Folder of the OKRs inside it; `okrs` by default. */
  root?: string;
  /** The day to build for, YYYY-MM-DD; today by default. */
  now?: string;
  /** A `History` JSON file (`okr history --format json`) to publish instead of reading git. */
  historyFile?: string;
  /** List the problems of public files on the site (`--show-problems`); otherwise the site shows their number only. */
  showProblems?: boolean;
  /** The history cache, as `readHistory` takes it (on by default). */
  historyCache?: ReadHistoryOptions['cache'];
}

/** A public objective's current file: its frontmatter (null once the file is gone) and rendered body. */
export interface ObjectiveInput {
  id: string;
  frontmatter: Objective | null;
  html: string;
  tasks: RenderedBody['tasks'];
}

export interface MissionInput {
  path: string;
  mission: string;
  owner: string | null;
  body: string;
  html: string;
}

export interface RetroInput {
  /** The period label its frontmatter names, e.g. `2026-Q4`. */
  period: string;
  path: string;
  html: string;
}

export interface SiteInputs {
  now: string;
  /** Already without private objectives. */
  history: History;
  /** One per objective of the history, in its order. */
  objectives: ObjectiveInput[];
  missions: MissionInput[];
  /** The `retro.md` of a closed period (`okr close`), rendered; only where every objective beside it is published. */
  retros: RetroInput[];
  /** The problems of public files, listed on the site only with `showProblems`; otherwise empty. */
  problems: Problem[];
  /** How many problems of public files there are: what the site shows without `showProblems`. */
  problemCount: number;
  /** Whether the site lists problems and the history's warnings (`--show-problems`). */
  showProblems: boolean;
}

export async function readSiteInputs(settings: SiteSettings): Promise<SiteInputs> {
  return (await readSite(settings)).inputs;
}

/**
 * The site's inputs and, apart from them, the build's report: every file the build could not
 * use and why an objective is not published, private files included, for the build's output only.
 */
export async function readSite(settings: SiteSettings): Promise<{ inputs: SiteInputs; report: Problem[] }> {
  const repo = path.resolve(settings.repo);
  const root = settings.root ?? 'okrs';
  const now = settings.now ?? today();
  const workspace = buildWorkspace(root, await readOkrTree(root, repo));
  const fullHistory = settings.historyFile
    ? parseHistory(await readFile(path.resolve(settings.historyFile), 'utf8'), settings.historyFile)
    : await readHistory(repo, { now, root, ...(settings.historyCache === undefined ? {} : { cache: settings.historyCache }) });
  const hidden = privateObjectiveIds(fullHistory, workspace);
  const history = publicHistory(fullHistory, hidden);
  const files = publishedFiles(history, workspace);
  const notes = publicNotes(history.objectives);
  const objectives = history.objectives.map((objective): ObjectiveInput => {
    const file = files.get(objective.id);
    // An objective page is at objectives/<id>/, so another objective is at ../<id>/.
    const body = file ? renderMarkdown(file.body, { wikiLink: (note) => linkTo(notes, note, '../') }) : { html: '', tasks: { done: 0, total: 0 } };
    return { id: objective.id, frontmatter: file?.frontmatter ?? null, html: body.html, tasks: body.tasks };
  });
  // Missions are shown on the dashboard, where objectives are at objectives/<id>/.
  const missions = history.missions.map((mission): MissionInput => ({ ...mission, html: renderMarkdown(mission.body, { wikiLink: (note) => linkTo(notes, note, 'objectives/') }).html }));
  const retros = publishedRetros(workspace, history);
  const problems = problemsOf(workspace, history, hidden);
  return {
    inputs: { now, history, objectives, missions, retros, problems: settings.showProblems ? problems : [], problemCount: problems.length, showProblems: settings.showProblems ?? false },
    report: buildReport(workspace, fullHistory),
  };
}

/**
 * A retro names every objective beside it, so it is published only when all of them are: one private
 * (or unreadable) objective in its folder keeps the whole retro off the site.
 */
function publishedRetros(workspace: Workspace, history: History): RetroInput[] {
  const published = new Set(history.objectives.filter((objective) => objective.deleted === null).map((objective) => objective.path));
  const retros: RetroInput[] = [];
  for (const retro of workspace.retros ?? []) {
    const folder = retro.path.slice(0, retro.path.lastIndexOf('/') + 1);
    const beside = [...workspace.objectives.map((objective) => objective.path), ...workspace.unreadable.map((file) => file.path)].filter(
      (file) => file.startsWith(folder) && !file.slice(folder.length).includes('/'),
    );
    if (beside.length === 0 || beside.some((file) => !published.has(file))) continue;
    const { data, body } = readFrontmatter(retro.text);
    const period = (data as { period?: unknown } | undefined)?.period;
    if (typeof period !== 'string' && typeof period !== 'number') continue;
    // The page has its own title: the retro's `# Retro: …` heading is left out, renderMarkdown moves its `## ` sections below the page's `h2`.
    retros.push({ period: String(period), path: retro.path, html: renderMarkdown(body.replace(/^\s*# [^\n]*\n/, '')).html });
  }
  return retros;
}

/**
 * What a wiki link may name: a public objective by its id or its file name (lower-cased, as Obsidian matches
 * notes); ids win over file names. A private objective is no note here, so a link to it stays text.
 */
function publicNotes(objectives: readonly { id: string; path: string }[]): Map<string, string> {
  const notes = new Map<string, string>();
  for (const objective of objectives)
    notes.set(
      objective.path
        .slice(objective.path.lastIndexOf('/') + 1)
        .replace(/\.md$/i, '')
        .toLowerCase(),
      objective.id,
    );
  for (const objective of objectives) notes.set(objective.id.toLowerCase(), objective.id);
  return notes;
}

function linkTo(notes: ReadonlyMap<string, string>, note: string, prefix: string): string | undefined {
  const id = notes.get(note);
  return id === undefined ? undefined : `${prefix}${encodeURIComponent(id)}/`;
}
