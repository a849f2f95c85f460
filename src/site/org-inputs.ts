/**
 * The inputs of an organisation's site (`okr build --org org.yml`): the repository's own
 * OKRs, when it has any, and every source of org.yml, each under its name. A source's
 * objectives keep their ids behind its name (`team-platform:latency`), its folders go
 * below the organisation's (`okrs/team-platform/…`, so its mission is a group under the
 * top one), and `aligned_to` between repositories resolves over the whole organisation.
 * A source that cannot be read is reported and left out; the others are still built.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { History } from '../core/history-types.ts';
import { alignedIds } from '../core/alignment.ts';
import { qualifiedParent, qualifiedParents, sourceId, type OrgConfig, type OrgSource } from '../core/org.ts';
import { closest } from '../core/suggest.ts';
import { buildWorkspace } from '../core/workspace.ts';
import { SourceError } from '../io/org-http.ts';
import type { SourceRead } from '../io/org-read.ts';
import { readOrgSource, type SourceEnvironment } from '../io/org-source.ts';
import { assembleSite, readSite, type AssembledSite, type SiteInputs, type SiteSettings } from './inputs.ts';
import type { Problem } from './model.ts';

export interface OrgSettings {
  repo: string;
  now: string;
  showProblems: boolean;
  env: SourceEnvironment;
  /** The history cache for the repository's own history (on by default). */
  historyCache?: SiteSettings['historyCache'];
}

/** A source left out of the site: its name, what was asked, what came back, and a hint. */
export interface SourceFailure {
  name: string;
  url: string;
  answer: string;
  hint: string;
}

export interface OrgSite {
  inputs: SiteInputs;
  /** For the build's output only, as `readSite`'s report: paths of sources start with their folder on the site. */
  report: Problem[];
  failures: SourceFailure[];
  /** Per source: what it holds that the site could not use in full (a left-out file, a history cut short). */
  notes: { name: string; message: string }[];
  /** `aligned_to` that names no objective of the organisation. */
  dangling: Problem[];
}

/** Folder of the organisation's OKRs, where each source's folder goes. */
const ROOT = 'okrs';

export async function readOrgSite(config: OrgConfig, settings: OrgSettings): Promise<OrgSite> {
  const repo = path.resolve(settings.repo);
  const hasOwn = (await stat(path.join(repo, ROOT)).catch(() => undefined))?.isDirectory() ?? false;
  const own = hasOwn
    ? await readSite({ repo, now: settings.now, showProblems: settings.showProblems, ...(settings.historyCache === undefined ? {} : { historyCache: settings.historyCache }) })
    : undefined;
  const reads = await Promise.all(
    config.sources.map(async (source) => {
      try {
        return { source, read: await readOrgSource(source, config, settings.env, settings.now) };
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        return { source, failure: { name: source.name, url: error.url, answer: error.answer, hint: error.hint } };
      }
    }),
  );
  const failures: SourceFailure[] = [];
  const notes: OrgSite['notes'] = [];
  const parts: { source: OrgSource; site: AssembledSite }[] = [];
  const ownPaths = own ? [...own.inputs.history.objectives.map((objective) => objective.path), ...own.inputs.history.missions.map((mission) => mission.path)] : [];
  for (const entry of reads) {
    if ('failure' in entry) {
      failures.push(entry.failure!);
      continue;
    }
    const { source, read } = entry;
    const folder = `${ROOT}/${source.name}/`;
    if (ownPaths.some((file) => file.startsWith(folder))) {
      failures.push({
        name: source.name,
        url: 'url' in source ? source.url : source.github,
        answer: `the repository's own folder ${folder} has the same name`,
        hint: 'Give the source another `name` in org.yml',
      });
      continue;
    }
    for (const message of read.notes) notes.push({ name: source.name, message });
    parts.push({ source, site: underSource(source.name, await assembled(source.name, read)) });
  }
  const empty: AssembledSite = { history: emptyHistory(settings.now), objectives: [], missions: [], retros: [], problems: [], report: [] };
  const local: AssembledSite = own ? { ...own.inputs, problems: own.inputs.problems, report: own.report } : empty;
  const merged = mergeSites(
    local,
    parts.map((part) => part.site),
  );
  if (config.mission && !merged.history.missions.some((mission) => mission.path === `${ROOT}/mission.md`)) {
    const mission = { path: `${ROOT}/mission.md`, mission: config.mission, owner: config.owner ?? null, body: '' };
    merged.history.missions.unshift(mission);
    merged.missions.unshift({ ...mission, html: '' });
  }
  const dangling = resolveAlignment(merged, config.name);
  const problems = [...(own?.inputs.showProblems ? own.inputs.problems : []), ...parts.flatMap((part) => part.site.problems)];
  return {
    inputs: {
      now: settings.now,
      history: merged.history,
      objectives: merged.objectives,
      missions: merged.missions,
      retros: merged.retros,
      problems: settings.showProblems ? problems : [],
      problemCount: (own?.inputs.problemCount ?? 0) + parts.reduce((sum, part) => sum + part.site.problems.length, 0),
      showProblems: settings.showProblems,
      commitLinks: parts.flatMap(({ source, site }) => (/^https?:\/\//.test(site.history.repo) ? [{ prefix: sourceId(source.name, ''), repo: site.history.repo }] : [])),
    },
    report: merged.report,
    failures,
    notes,
    dangling,
  };
}

/** What a source publishes, before it goes under its name: a repository's files through the same privacy rules as local ones. */
async function assembled(name: string, read: SourceRead): Promise<AssembledSite> {
  if (read.kind === 'repository') return assembleSite(buildWorkspace(read.root, read.files), read.history, { linkId: (id) => sourceId(name, id) });
  return {
    history: read.history,
    objectives: read.history.objectives.map((objective) => {
      const keyResultOwners = read.keyResultOwners.get(objective.id);
      return {
        id: objective.id,
        frontmatter: null,
        html: '',
        tasks: { done: 0, total: 0 },
        ...(keyResultOwners ? { keyResultOwners } : {}),
        ...(read.fromAligned.has(objective.id) ? { progressFromAligned: true } : {}),
      };
    }),
    missions: read.history.missions.map((mission) => ({ ...mission, html: '' })),
    retros: [],
    problems: [],
    report: [],
  };
}

/** A source's site with its ids behind its name and its files in its folder of the organisation's. */
export function underSource(name: string, site: AssembledSite): AssembledSite {
  const id = (own: string) => sourceId(name, own);
  const file = (own: string) => `${ROOT}/${name}${own.includes('/') ? own.slice(own.indexOf('/')) : `/${own}`}`;
  const problem = (entry: Problem): Problem => ({ ...entry, path: entry.path === '' ? `${ROOT}/${name}` : file(entry.path) });
  const { history } = site;
  return {
    history: {
      ...history,
      missions: history.missions.map((mission) => ({ ...mission, path: file(mission.path) })),
      objectives: history.objectives.map((objective) => ({
        ...objective,
        id: id(objective.id),
        path: file(objective.path),
        previousPaths: objective.previousPaths.map(file),
        alignedTo: qualifiedParents(name, objective.alignedTo),
      })),
      checkins: history.checkins.map((checkin) => ({ ...checkin, objective: id(checkin.objective) })),
      warnings: history.warnings.map((warning) => ({ ...warning, ...(warning.path === undefined ? {} : { path: file(warning.path) }) })),
    },
    objectives: site.objectives.map((objective) => ({
      ...objective,
      id: id(objective.id),
      frontmatter:
        objective.frontmatter === null
          ? null
          : {
              ...objective.frontmatter,
              id: id(objective.id),
              aligned_to: qualifiedParents(name, objective.frontmatter.aligned_to),
              key_results: objective.frontmatter.key_results.map((kr) => (kr.carried_from === undefined ? kr : { ...kr, carried_from: qualifiedParent(name, kr.carried_from) })),
            },
    })),
    missions: site.missions.map((mission) => ({ ...mission, path: file(mission.path) })),
    retros: site.retros.map((retro) => ({ ...retro, path: file(retro.path) })),
    problems: site.problems.map(problem),
    report: site.report.map(problem),
  };
}

function mergeSites(local: AssembledSite, sources: readonly AssembledSite[]): AssembledSite {
  const all = [local, ...sources];
  return {
    history: {
      generatedAt: local.history.generatedAt,
      repo: local.history.repo,
      missions: all.flatMap((site) => site.history.missions),
      objectives: all.flatMap((site) => site.history.objectives),
      // Newest first, as in one repository's history; the sort keeps each source's order within a day.
      checkins: all.flatMap((site) => site.history.checkins).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
      warnings: all.flatMap((site) => site.history.warnings),
    },
    objectives: all.flatMap((site) => site.objectives),
    missions: all.flatMap((site) => site.missions),
    retros: all.flatMap((site) => site.retros),
    problems: all.flatMap((site) => site.problems),
    report: all.flatMap((site) => site.report),
  };
}

/**
 * `aligned_to` over the whole organisation: each parent id must name a published objective of some
 * source; one that does not is reported and the objective is shown under the mission.
 */
function resolveAlignment(site: AssembledSite, ownName: string | undefined): Problem[] {
  const ids = site.history.objectives.map((objective) => objective.id);
  const known = new Set(ids);
  const dangling: Problem[] = [];
  const resolved = new Map<string, string | string[]>();
  // `acme:company-1` from a source names `company-1` of the repository building the site, when org.yml says `name: acme`.
  const own = ownName === undefined ? undefined : sourceId(ownName, '');
  const found = (id: string) => known.has(id.split('/')[0] ?? '');
  for (const objective of site.history.objectives) {
    const named = objective.alignedTo;
    const parents: string[] = [];
    let changed = false;
    for (const each of alignedIds(named)) {
      const parent = own !== undefined && each.startsWith(own) && found(each.slice(own.length)) ? each.slice(own.length) : each;
      if (found(parent)) {
        parents.push(parent);
        changed ||= parent !== each;
        continue;
      }
      changed = true;
      const suggestion = closest(parent, ids);
      dangling.push({
        path: objective.path,
        line: null,
        message: `\`aligned_to: ${parent}\` names no objective of the organisation; \`${objective.id}\` is shown ${parents.length > 0 || alignedIds(named).length > 1 ? 'without it' : 'under the mission'}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
      });
    }
    if (changed) resolved.set(objective.id, parents.length === 0 ? 'mission' : typeof named === 'string' || parents.length === 1 ? parents[0]! : parents);
  }
  if (resolved.size === 0) return dangling;
  site.history.objectives = site.history.objectives.map((objective) => (resolved.has(objective.id) ? { ...objective, alignedTo: resolved.get(objective.id)! } : objective));
  site.objectives = site.objectives.map((objective) =>
    resolved.has(objective.id) && objective.frontmatter ? { ...objective, frontmatter: { ...objective.frontmatter, aligned_to: resolved.get(objective.id)! } } : objective,
  );
  return dangling;
}

function emptyHistory(now: string): History {
  return { generatedAt: now, repo: '', missions: [], objectives: [], checkins: [], warnings: [] };
}
