/**
 * A source of an organisation's site that another repository's site publishes: its
 * `okrs.json` (the schemaVersion 2 summary of src/core/okrs-json.ts) and, beside it, one
 * `objectives/<id>/okrs.json` per objective with its series and check-ins. Only what that
 * site published is read, and it is checked against the same schemas it was written with.
 */
import type { Checkin, History, ObjectiveHistory } from '../core/history-types.ts';
import { isValidId } from '../core/ids.ts';
import { z } from 'zod';
import { ObjectiveHistoryFileSchema, ObjectiveSummarySchema, OKRS_SCHEMA_VERSION, OkrsSummarySchema } from '../core/okrs-json.ts';
import type { PublishedSource } from '../core/org.ts';
import { publicHistory } from '../core/publish.ts';
import { getText, parseJson, SourceError } from './org-http.ts';
import { mapLimited } from './map-limited.ts';
import type { SourceRead } from './org-read.ts';

/** A published summary is a few MB at 1,325 objectives (the organisation benchmark). */
const MAX_SUMMARY_BYTES = 32 * 1024 * 1024;
const MAX_OBJECTIVE_BYTES = 8 * 1024 * 1024;
const MAX_OBJECTIVES = 20_000;

/**
 * The summary as read: sites built before `parents` was added publish schemaVersion 2 without
 * it. Nothing here reads it (each objective's own file names its parents), so it may be missing.
 */
const ReadSummarySchema = OkrsSummarySchema.extend({
  objectives: z.array(ObjectiveSummarySchema.extend({ parents: ObjectiveSummarySchema.shape.parents.optional() })),
});
type ReadSummary = z.infer<typeof ReadSummarySchema>;
const CONCURRENCY = 8;
/** `2026-Q4`, `2026-H1`, `2026-10-05..2026-12-18`: the labels a period can have. */
const SAFE_LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/;

export async function readPublishedSource(source: PublishedSource, options: { timeoutMs: number }): Promise<Extract<SourceRead, { kind: 'published' }>> {
  const http = { timeoutMs: options.timeoutMs, headers: { accept: 'application/json' } };
  const json = parseJson(source.url, await getText(source.url, { ...http, maxBytes: MAX_SUMMARY_BYTES }));
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== OKRS_SCHEMA_VERSION) {
    throw new SourceError(
      source.url,
      `\`schemaVersion\` is ${JSON.stringify(version) ?? 'missing'}, expected ${OKRS_SCHEMA_VERSION}`,
      version === undefined ? 'The address should be the okrs.json of a site that `okr build` made' : 'Rebuild that site with a gitops-okr that publishes okrs.json schemaVersion 2',
    );
  }
  const parsed = ReadSummarySchema.safeParse(json);
  if (!parsed.success) throw schemaMismatch(source.url, parsed.error.issues[0]);
  const summary = parsed.data;
  if (summary.objectives.length > MAX_OBJECTIVES) throw new SourceError(source.url, `lists ${summary.objectives.length} objectives, more than ${MAX_OBJECTIVES}`, 'Split the source in org.yml');
  const notes: string[] = [];
  const files = await mapLimited(summary.objectives, CONCURRENCY, async (objective) => {
    // Ids and period labels become folders of the site: only what a local file could hold.
    if (!isValidId(objective.id) || !SAFE_LABEL.test(objective.period.label)) {
      notes.push(`${JSON.stringify(objective.id)}: not an objective id with a period such as 2026-Q4 (${JSON.stringify(objective.period.label)}); left out`);
      return undefined;
    }
    const url = historyUrl(source.url, objective.history);
    if (url === undefined) {
      notes.push(`${objective.id}: its history \`${objective.history}\` is not beside okrs.json; left out`);
      return undefined;
    }
    try {
      const file = ObjectiveHistoryFileSchema.safeParse(parseJson(url, await getText(url, { ...http, maxBytes: MAX_OBJECTIVE_BYTES })));
      if (!file.success) throw schemaMismatch(url, file.error.issues[0]);
      if (file.data.objective.period.label !== objective.period.label)
        throw new SourceError(url, `holds period \`${file.data.objective.period.label}\`, expected \`${objective.period.label}\``, 'Rebuild that site');
      if (file.data.objective.id !== objective.id) throw new SourceError(url, `holds objective \`${file.data.objective.id}\`, expected \`${objective.id}\``, 'Rebuild that site');
      return file.data;
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      notes.push(`${objective.id}: ${error.message}; left out`);
      return undefined;
    }
  });
  const objectives: ObjectiveHistory[] = [];
  const checkins: Checkin[] = [];
  for (const file of files) {
    if (!file) continue;
    objectives.push(file.objective);
    checkins.push(...file.checkins);
  }
  const history: History = {
    generatedAt: summary.now,
    repo: summary.repo,
    missions: summary.missions.map((mission) => ({ ...mission, body: '' })),
    objectives,
    checkins: checkins.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    warnings: [],
  };
  // The same rules as for local files: what a site published as private (it never should) stays off.
  const published = publicHistory(history);
  const kept = new Set(published.objectives.map((objective) => objective.id));
  const fromAligned = new Set(summary.objectives.filter((objective) => kept.has(objective.id) && objective.standing.progressFrom === 'aligned').map((objective) => objective.id));
  return { kind: 'published', history: published, keyResultOwners: keyResultOwners(summary, kept), fromAligned, notes };
}

/** The owners the summary names for key results of objectives that are published; a blank name is none. */
function keyResultOwners(summary: ReadSummary, kept: ReadonlySet<string>): Map<string, Record<string, string>> {
  const owners = new Map<string, Record<string, string>>();
  for (const objective of summary.objectives) {
    if (!kept.has(objective.id)) continue;
    const named = objective.keyResults.flatMap((kr) => (kr.owner?.trim() ? [[kr.id, kr.owner.trim()] as const] : []));
    if (named.length > 0) owners.set(objective.id, Object.fromEntries(named));
  }
  return owners;
}

/**
 * `objectives/<id>/okrs.json` relative to the summary: only a file below the summary's own folder on the
 * same site, whatever the (untrusted) summary says.
 */
function historyUrl(summaryUrl: string, relative: string): string | undefined {
  try {
    const base = new URL('.', summaryUrl);
    const url = new URL(relative, summaryUrl);
    return url.origin === base.origin && url.pathname.startsWith(base.pathname) && url.search === '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function schemaMismatch(url: string, issue: { path: PropertyKey[]; message: string } | undefined): SourceError {
  const where = issue?.path.length ? `\`${issue.path.map(String).join('.')}\`` : 'the top level';
  return new SourceError(
    url,
    `does not match the okrs.json schema: at ${where}, ${issue?.message ?? 'invalid'}`,
    'The site publishes another version of okrs.json; rebuild it with the same gitops-okr',
  );
}
