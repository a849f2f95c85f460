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
import { buildWorkspace, parseInto, type SourceFile, type Workspace } from '../core/workspace.ts';
import { ParsedFiles } from '../core/parsed-files.ts';
import { readHistory, type ReadHistoryOptions } from '../git/history.ts';
import { repositoryWebAddress } from '../git/remote.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { BodyCache } from './body-cache.ts';
import type { RenderedBody } from './markdown.ts';
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
  /** Bodies rendered by an earlier build (src/site/body-cache.ts); the ones this build uses are added to it. */
  bodies?: BodyCache;
  /** The history cache, as `readHistory` takes it (on by default). */
  historyCache?: ReadHistoryOptions['cache'];
  /** Parses of the current files by an earlier build (src/site/parse-cache.ts); this build's are added to it. */
  parsed?: ParsedFiles;
}

/** A public objective's current file: its frontmatter (null once the file is gone) and rendered body. */
export interface ObjectiveInput {
  id: string;
  frontmatter: Objective | null;
  html: string;
  tasks: RenderedBody['tasks'];
  /** An objective of a published source has no file: the owners its okrs.json names, by key-result id (plain JSON, as every input). */
  keyResultOwners?: Readonly<Record<string, string>>;
  /** An objective of a published source whose okrs.json says its progress is that of what is aligned to it (`progress: from-aligned`). */
  progressFromAligned?: boolean;
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
  /** An organisation's site: check-ins on objectives whose id starts with `prefix` link their commits to `repo`, not the site's. */
  commitLinks?: { prefix: string; repo: string }[];
}

export async function readSiteInputs(settings: SiteSettings): Promise<SiteInputs> {
  return (await readSite(settings)).inputs;
}

/**
 * The site's inputs and, apart from them, the build's report: every file the build could not
 * use and why an objective is not published, private files included, for the build's output only.
 */
export async function readSite(settings: SiteSettings): Promise<{ inputs: SiteInputs; report: Problem[] }> {
  const started = performance.now();
  const repo = path.resolve(settings.repo);
  const root = settings.root ?? 'okrs';
  const now = settings.now ?? today();
  // The history's newest version of each file is usually the current file: parsed once for both. Git's log
  // starts first and streams while the current files are parsed; the versions it names wait for their parses.
  const parsed = settings.parsed ?? new ParsedFiles();
  let parsedAll = () => {};
  const parsedReady = new Promise<void>((resolve) => (parsedAll = resolve));
  const historyStarted = performance.now();
  const reading = settings.historyFile
    ? readFile(path.resolve(settings.historyFile), 'utf8').then((text) => parseHistory(text, settings.historyFile as string))
    : readHistory(repo, { now, root, parsed, parsedReady, ...(settings.historyCache === undefined ? {} : { cache: settings.historyCache }) });
  let workspace: Workspace;
  try {
    const files = await readOkrTree(root, repo);
    await parseAhead(root, files, parsed);
    workspace = buildWorkspace(root, files, parsed);
  } catch (error) {
    // The history is of no use without the files; it ends on its own, and its failure, if any, is not this one.
    reading.catch(() => undefined);
    throw error;
  } finally {
    parsedAll();
  }
  const fullHistory = await reading;
  // Measures of the build's steps, for the site benchmark (bench/site.ts).
  performance.measure('gitops-okr:history', { start: historyStarted });
  // Check-ins link to their commits when the repository has a web address; the folder it was read from is never published.
  const address = settings.historyFile ? undefined : await repositoryWebAddress(repo);
  const { problems, report, ...parts } = await assembleSite(workspace, address === undefined ? fullHistory : { ...fullHistory, repo: address }, { bodies: settings.bodies });
  performance.measure('gitops-okr:inputs', { start: started });
  return {
    inputs: { now, ...parts, problems: settings.showProblems ? problems : [], problemCount: problems.length, showProblems: settings.showProblems ?? false },
    report,
  };
}

/**
 * The current files parsed into `parsed`, a few at a time with a turn of the event loop between: meanwhile the log
 * that git is writing is read, where one long parse would leave git waiting on a full pipe. `buildWorkspace` then
 * finds each parse kept.
 */
async function parseAhead(root: string, files: readonly SourceFile[], parsed: ParsedFiles): Promise<void> {
  for (const [index, file] of files.entries()) {
    if (index % 32 === 31) await new Promise((resolve) => setImmediate(resolve));
    parseInto(parsed, root, file);
  }
}

/** What a repository publishes, from its current files and its full history, wherever they were read (git, or the GitHub API). */
export interface AssembledSite {
  history: History;
  objectives: ObjectiveInput[];
  missions: MissionInput[];
  retros: RetroInput[];
  problems: Problem[];
  report: Problem[];
}

export interface AssembleOptions {
  /** The id an objective has on the site (a source's prefix in an organisation's site), for wiki links. */
  linkId?: (id: string) => string;
  /** Bodies rendered by an earlier build (src/site/body-cache.ts); the ones this build uses are added to it. */
  bodies?: BodyCache;
}

/** The public part of a repository: private objectives and what mentions them left out, bodies rendered. */
export async function assembleSite(workspace: Workspace, fullHistory: History, options: AssembleOptions = {}): Promise<AssembledSite> {
  const hidden = privateObjectiveIds(fullHistory, workspace);
  const history = publicHistory(fullHistory, hidden);
  const files = publishedFiles(history, workspace);
  const notes = publicNotes(history.objectives, options.linkId ?? ((id) => id));
  const bodies = options.bodies ?? new BodyCache();
  // What a body's links depend on besides its text: the notes a wiki link may name.
  const linkContext = JSON.stringify([...notes]);
  // One string for every body: the cache finds its digest by it, and it names every objective.
  const objectiveContext = `objective\0${linkContext}`;
  const objectives: ObjectiveInput[] = [];
  for (const objective of history.objectives) {
    const file = files.get(objective.id);
    // An objective page is at objectives/<id>/, so another objective is at ../<id>/.
    const body = file ? await bodies.render(file.body, objectiveContext, (note) => linkTo(notes, note, '../')) : { html: '', tasks: { done: 0, total: 0 } };
    objectives.push({ id: objective.id, frontmatter: file?.frontmatter ?? null, html: body.html, tasks: body.tasks });
  }
  // Missions are shown on the dashboard, where objectives are at objectives/<id>/.
  const missions: MissionInput[] = [];
  const missionContext = `mission\0${linkContext}`;
  for (const mission of history.missions) missions.push({ ...mission, html: (await bodies.render(mission.body, missionContext, (note) => linkTo(notes, note, 'objectives/'))).html });
  const retros = await publishedRetros(workspace, history, bodies);
  return { history, objectives, missions, retros, problems: problemsOf(workspace, history, hidden), report: buildReport(workspace, fullHistory) };
}

/**
 * A retro names every objective beside it, so it is published only when all of them are: one private
 * (or unreadable) objective in its folder keeps the whole retro off the site.
 */
async function publishedRetros(workspace: Workspace, history: History, bodies: BodyCache): Promise<RetroInput[]> {
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
    retros.push({ period: String(period), path: retro.path, html: (await bodies.render(body.replace(/^\s*# [^\n]*\n/, ''), 'retro')).html });
  }
  return retros;
}

/**
 * What a wiki link may name: a public objective by its id or its file name (lower-cased, as Obsidian matches
 * notes); ids win over file names. A private objective is no note here, so a link to it stays text.
 */
function publicNotes(objectives: readonly { id: string; path: string }[], linkId: (id: string) => string): Map<string, string> {
  const notes = new Map<string, string>();
  for (const objective of objectives)
    notes.set(
      objective.path
        .slice(objective.path.lastIndexOf('/') + 1)
        .replace(/\.md$/i, '')
        .toLowerCase(),
      linkId(objective.id),
    );
  for (const objective of objectives) notes.set(objective.id.toLowerCase(), linkId(objective.id));
  return notes;
}

function linkTo(notes: ReadonlyMap<string, string>, note: string, prefix: string): string | undefined {
  const id = notes.get(note);
  return id === undefined ? undefined : `${prefix}${encodeURIComponent(id)}/`;
}
