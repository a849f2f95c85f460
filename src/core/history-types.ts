/**
 * The shape of progress over time: what `okr history --format json` prints and
 * what the site, the feed and the pull-request check read. docs/history.md
 * documents every field; changing a field is a breaking change. The types come
 * from the schemas, so a history file (`okr build --history FILE`) is parsed
 * with the same shape it is written with.
 */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}/, { error: 'Expected a date such as 2026-11-25' });
const commit = z.string();
const share = z.number().min(0).max(1);

export const SeriesPointSchema = z.object({
  /** Calendar day of the change: the commit's date, or the key result's `as_of` when it backdates the change. */
  date: day,
  /** Full commit id; `""` for the working tree of a folder that is not a git repository. */
  commit,
  /** `current` for metrics and thresholds (null before the first measurement), 1/0 for a milestone's `done`. */
  value: z.number().nullable(),
  /** 0–1, as scored on that day. */
  progress: share,
  /** 0–1, the share of the key result's window elapsed on that day; null for an open-ended period. */
  expected: share.nullable(),
  confidence: share.optional(),
});

export const KeyResultHistorySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['increase', 'decrease', 'milestone', 'threshold']),
  baseline: z.number().optional(),
  target: z.number().optional(),
  keep_above: z.number().optional(),
  keep_below: z.number().optional(),
  unit: z.string().optional(),
  due: day.nullable(),
  weight: z.number().positive(),
  status: z.enum(['active', 'dropped']),
  series: z.array(SeriesPointSchema),
  /** Least-squares trend over the recent points; null with fewer than two points or no movement. */
  trend: z.object({ slopePerDay: z.number(), reachesTargetOn: day.nullable() }).nullable(),
});

const CommitRefSchema = z.object({ date: day, commit });

export const ObjectiveHistorySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Path of the latest version. */
  path: z.string(),
  /** Earlier paths, oldest first, when the file was renamed. */
  previousPaths: z.array(z.string()),
  period: z.object({ label: z.string(), start: day, end: day.nullable() }),
  owner: z.string().nullable(),
  type: z.enum(['aspirational', 'committed']),
  /** `aligned_to` of the latest valid version: `mission`, an id, or a list of ids (the first is the primary parent). */
  alignedTo: z.union([z.string(), z.array(z.string())]),
  /**
   * Never published: `private: true` in the latest version, a latest version whose `private:` is anything but
   * `false`, one that cannot be read, or one that fails the schema after the objective was private.
   */
  private: z.boolean(),
  created: CommitRefSchema,
  /** Set when the file is gone from the current tree: the objective is archived. */
  deleted: CommitRefSchema.nullable(),
  keyResults: z.array(KeyResultHistorySchema),
});

export const KeyResultChangeSchema = z.object({
  kr: z.string(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  progressFrom: share.nullable(),
  progressTo: share,
  confidenceFrom: share.nullable().optional(),
  confidenceTo: share.nullable().optional(),
});

export const CheckinSchema = z.object({
  commit,
  /** Calendar day the check-in counts for: the commit's date, or the latest `as_of` among its changes when that backdates it. */
  date: day,
  /** The commit's own calendar day, present only when `as_of` moved `date` away from it. */
  committed: day.optional(),
  author: z.string(),
  /** The commit message: subject, a blank line, then the body. */
  message: z.string(),
  objective: z.string(),
  changes: z.array(KeyResultChangeSchema),
});

export const HistoryWarningSchema = z.object({
  message: z.string(),
  commit: z.string().optional(),
  path: z.string().optional(),
  line: z.number().int().optional(),
});

export const HistorySchema = z.object({
  generatedAt: day,
  repo: z.string(),
  /** Every mission file's latest version, by path. */
  missions: z.array(z.object({ path: z.string(), mission: z.string(), owner: z.string().nullable(), body: z.string() })),
  objectives: z.array(ObjectiveHistorySchema),
  /** Newest first. */
  checkins: z.array(CheckinSchema),
  warnings: z.array(HistoryWarningSchema),
  /**
   * Commits that changed the file of an objective that is, was or may be private (created, edited, renamed or
   * deleted it). Their notes are not published; `publicHistory` hides them and leaves this list out.
   */
  privateCommits: z.array(commit).optional(),
});

export type SeriesPoint = z.infer<typeof SeriesPointSchema>;
export type KeyResultHistory = z.infer<typeof KeyResultHistorySchema>;
export type ObjectiveHistory = z.infer<typeof ObjectiveHistorySchema>;
export type KeyResultChange = z.infer<typeof KeyResultChangeSchema>;
export type Checkin = z.infer<typeof CheckinSchema>;
export type HistoryWarning = z.infer<typeof HistoryWarningSchema>;
export type History = z.infer<typeof HistorySchema>;

/** A history from JSON that may come from anywhere (`--history FILE`): checked against the schema, with where it does not fit. */
export function parseHistory(json: string, source: string): History {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${error instanceof Error ? error.message : String(error)}. Write it with \`okr history --format json > ${source}\``);
  }
  const result = HistorySchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `\`${issue.path.join('.')}\`` : 'the top level';
  throw new Error(`${source} is not a history (as \`okr history --format json\` writes it): at ${where}, ${issue?.message ?? 'invalid'}`);
}
