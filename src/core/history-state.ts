/**
 * The history builder's state after a commit, as plain data: what the history cache
 * (src/git/history-cache.ts) keeps between runs. History is append-only, so the state after
 * commit X is the same whenever it is computed; it holds nothing that depends on the day the
 * history is generated for (`generatedAt` only shapes the trends that `finish` works out).
 * A cache file may have been damaged or written by anything, so the state is read with this
 * schema, never cast.
 */
import { z } from 'zod';
import { CheckinSchema, HistoryWarningSchema, SeriesPointSchema } from './history-types.ts';
import { ObjectiveSchema } from './schema.ts';

const CommitRefSchema = z.object({ date: z.string(), commit: z.string() });

const TrackedKeyResultSchema = z.object({
  id: z.string(),
  series: z.array(SeriesPointSchema),
  value: z.number().nullable(),
  confidence: z.number().optional(),
  progress: z.number(),
  asOf: z.string().optional(),
});

const TrackedObjectiveSchema = z.object({
  createdPath: z.string(),
  path: z.string(),
  previousPaths: z.array(z.string()),
  created: CommitRefSchema,
  deleted: CommitRefSchema.nullable(),
  present: z.boolean(),
  latest: ObjectiveSchema.optional(),
  latestValid: z.boolean(),
  latestPrivacy: z.enum(['public', 'private', 'unknown']),
  privateNow: z.boolean(),
  everPrivate: z.boolean(),
  keyResults: z.array(TrackedKeyResultSchema),
});

/** An index into `objectives`. */
const objectiveIndex = z.int().min(0);

export const BuilderStateSchema = z
  .object({
    objectives: z.array(TrackedObjectiveSchema),
    /** The objective each current path belongs to. */
    byPath: z.array(z.tuple([z.string(), objectiveIndex])),
    missions: z.array(z.tuple([z.string(), z.object({ mission: z.string(), owner: z.string().optional(), body: z.string() })])),
    checkins: z.array(CheckinSchema.omit({ objective: true }).extend({ objective: objectiveIndex })),
    warnings: z.array(HistoryWarningSchema),
    privateCommits: z.array(z.string()),
    sharedCommits: z.array(z.object({ commit: z.string(), objectives: z.array(objectiveIndex) })),
  })
  .superRefine((state, context) => {
    // Every index names an objective of this state.
    const count = state.objectives.length;
    const indices = [...state.byPath.map(([, index]) => index), ...state.checkins.map((checkin) => checkin.objective), ...state.sharedCommits.flatMap((shared) => shared.objectives)];
    if (indices.some((index) => index >= count)) context.addIssue({ code: 'custom', message: 'An objective index is out of range' });
  });

export type BuilderState = z.infer<typeof BuilderStateSchema>;
