/**
 * The content loaders of the site: one entry per public objective (its current
 * frontmatter and rendered body) and per mission, plus the site-wide facts. An
 * entry whose inputs have the same digest as in the last build is kept as it is,
 * not rendered again.
 *
 * The history-derived views (scores, charts, check-ins) stay out of the content
 * store: they are large, change with every check-in and are cheap to compute, so
 * the pages compute them once per build from the same inputs (src/site/content.ts).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { validObjectives } from '../core/workspace.ts';
import { siteInputs } from './inputs.ts';
import { renderMarkdown, wikiLinkTargets } from './markdown.ts';

export function objectivesLoader(): Loader {
  return {
    name: 'okr-objectives',
    load: async (context) => {
      const { history, workspace } = await siteInputs();
      const files = new Map(validObjectives(workspace).map((file) => [file.id, file]));
      const notes = publicNotes(history.objectives);
      await replaceEntries(
        context,
        history.objectives.map((objective) => {
          const file = files.get(objective.id);
          const frontmatter = file?.data ?? null;
          // The wiki links that resolve are part of the inputs: a new objective can turn a label into a link.
          const links = file ? wikiLinkTargets(file.body).map((note) => [note, notes.get(note) ?? null]) : [];
          return {
            id: objective.id,
            inputs: { body: file?.body ?? null, frontmatter, links },
            make: () => {
              const body = file ? renderMarkdown(file.body, { wikiLink: (note) => linkTo(notes, note, '../') }) : { html: '', tasks: { done: 0, total: 0 } };
              return { data: { frontmatter, tasks: body.tasks }, html: body.html };
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
      const notes = publicNotes(history.objectives);
      await replaceEntries(
        context,
        history.missions.map((mission) => ({
          id: mission.path,
          inputs: { mission, links: wikiLinkTargets(mission.body).map((note) => [note, notes.get(note) ?? null]) },
          make: () => ({ data: { ...mission }, html: renderMarkdown(mission.body, { wikiLink: (note) => linkTo(notes, note, 'objectives/') }).html }),
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

/**
 * What an Obsidian `[[note]]` can name: a public objective, by its id or its file name. Links are
 * relative (objective pages sit side by side, the missions show on the dashboard), so they hold under any base.
 */
function publicNotes(objectives: readonly { id: string; path: string }[]): Map<string, string> {
  const notes = new Map<string, string>();
  for (const objective of objectives) notes.set(objective.path.slice(objective.path.lastIndexOf('/') + 1).replace(/\.md$/i, '').toLowerCase(), objective.id);
  for (const objective of objectives) notes.set(objective.id.toLowerCase(), objective.id);
  return notes;
}

function linkTo(notes: ReadonlyMap<string, string>, note: string, prefix: string): string | undefined {
  const id = notes.get(note);
  return id === undefined ? undefined : `${prefix}${encodeURIComponent(id)}/`;
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
