/**
 * The contract of the published `okrs.json`: a versioned summary (the groups, every
 * public objective with its standing, no series) that other tools and organisation
 * roll-ups read, and beside it one file per objective with its series and check-ins
 * (`objectives/<id>/okrs.json`). schema/okrs.schema.json is generated from this.
 * Changing a field is a breaking change and bumps `schemaVersion`.
 */
import { z } from 'zod';
import { CheckinSchema, ObjectiveHistorySchema } from './history-types.ts';

export const OKRS_SCHEMA_VERSION = 2;

const day = z.string().describe('A calendar day, YYYY-MM-DD.');
const share = z.number().describe('0–1.');
const status = z.enum(['not started', 'on track', 'at risk', 'off track', 'done']);
const grade = z.enum(['green', 'yellow', 'red']);

export const KeyResultSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['increase', 'decrease', 'threshold', 'milestone']),
  unit: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  keepAbove: z.number().nullable(),
  keepBelow: z.number().nullable(),
  due: day.nullable(),
  weight: z.number(),
  dropped: z.boolean(),
  owner: z.string().optional().describe("Its own owner, only when the key result names one (it may be the objective's owner too); added within schemaVersion 2."),
  standing: z.object({
    id: z.string(),
    value: z.number().nullable().describe('The latest value on the day; 1/0 for a milestone; null before the first measurement.'),
    progress: share,
    expected: share.nullable(),
    status: z.enum(['not started', 'on track', 'at risk', 'off track', 'done', 'dropped']),
    confidence: z.number().nullable(),
    lastCheckin: day.nullable(),
    grade,
    weight: z.number(),
  }),
});

export const ObjectiveStandingSummarySchema = z.object({
  id: z.string(),
  asOf: day.describe("The day the numbers are for: the build day, or the period's last day once it is over."),
  archived: z.boolean().describe('Deleted on or before the day.'),
  counted: z.boolean().describe("Counted in its period's overall score: not deleted by `asOf`."),
  progress: share,
  expected: share.nullable(),
  status,
  grade,
  confidence: z.number().nullable(),
  daysLeft: z.number().nullable(),
  lastCheckin: z.object({ date: z.string(), commit: z.string() }).nullable(),
  checkinCount: z.number(),
  progressFrom: z.enum(['key-results', 'aligned']).describe('`aligned` with `progress: from-aligned`: the mean of the objectives aligned to it.'),
});

export const ObjectiveSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  path: z.string().describe('Path of the file in the repository.'),
  period: z.object({ label: z.string(), start: day, end: day.nullable() }),
  owner: z.string().nullable(),
  type: z.enum(['aspirational', 'committed']),
  alignedTo: z.string().nullable().describe('Id of the public objective it serves first (its primary parent); null under the mission.'),
  parents: z.array(z.string()).describe('Every public objective it serves, the primary first; empty under the mission.'),
  group: z.string().nullable().describe('Id of the group it belongs to; null outside every group.'),
  standing: ObjectiveStandingSummarySchema,
  keyResults: z.array(KeyResultSummarySchema),
  history: z.string().describe('Where its series and check-ins are, relative to this file: `objectives/<id>/okrs.json`.'),
});

export const GroupSummarySchema = z.object({
  id: z.string().describe("The folder relative to the top group's; `` for the top group."),
  name: z.string(),
  mission: z.string(),
  owner: z.string().nullable(),
  parent: z.string().nullable(),
  children: z.array(z.string()),
  objectives: z.array(z.string()).describe('Its own objectives in the period of the roll-up.'),
  rollup: z.object({
    period: z.string().nullable(),
    objectives: z.number().describe('Its objectives and those of every group below it, in the period.'),
    progress: share,
    expected: share.nullable(),
    statuses: z.record(status, z.number()),
    lastCheckin: day.nullable(),
  }),
});

export const OkrsSummarySchema = z.object({
  schemaVersion: z.literal(OKRS_SCHEMA_VERSION),
  generatedAt: z.string(),
  now: day.describe('The day of the standing.'),
  repo: z.string().describe("The repository's https:// address, or empty."),
  missions: z.array(z.object({ path: z.string(), mission: z.string(), owner: z.string().nullable() })),
  groups: z.array(GroupSummarySchema),
  objectives: z.array(ObjectiveSummarySchema),
  checkinCount: z.number(),
  warnings: z.array(z.object({ message: z.string(), commit: z.string().optional(), path: z.string().optional(), line: z.number().optional() })),
});

/** `objectives/<id>/okrs.json`: one objective's history (as `okr history --format json` has it) and its check-ins, newest first. */
export const ObjectiveHistoryFileSchema = z.object({
  schemaVersion: z.literal(OKRS_SCHEMA_VERSION),
  objective: ObjectiveHistorySchema,
  checkins: z.array(CheckinSchema),
});

export type ObjectiveHistoryFile = z.infer<typeof ObjectiveHistoryFileSchema>;
export type OkrsSummary = z.infer<typeof OkrsSummarySchema>;
export type ObjectiveSummary = z.infer<typeof ObjectiveSummarySchema>;
export type GroupSummary = z.infer<typeof GroupSummarySchema>;
