/**
 * The history builder's state after a commit, as plain data: what the history cache
 * (src/git/history-cache.ts) keeps between runs. History is append-only, so the state after
 * commit X is the same whenever it is computed; it holds nothing that depends on the day the
 * history is generated for (`generatedAt` only shapes the trends that `finish` works out).
 * A cache file may have been damaged or written by anything, so the state is read with this
 * schema, never cast; its series points and check-ins, the long lists, with the schemas' rules
 * written out (history-state-check.ts), which look at each in place instead of copying it.
 */
import { z } from 'zod';
import { isCheckinState, isSeriesPoint } from './history-state-check.ts';
import { CheckinSchema, HistoryWarningSchema, type SeriesPoint } from './history-types.ts';
import { ObjectiveSchema } from './schema.ts';

const CommitRefSchema = z.object({ date: z.string(), commit: z.string() });

const TrackedKeyResultSchema = z.object({
  id: z.string(),
  series: z.array(z.custom<SeriesPoint>(isSeriesPoint, { error: 'Expected a series point as gitops-okr writes it' })),
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

/** The type of a cached check-in, and what `isCheckinState` holds to. */
export const CheckinStateSchema = CheckinSchema.omit({ objective: true }).extend({ objective: objectiveIndex });

/** Everything but the two long lists, which `parseBuilderState` checks one element at a time. */
const StateRestSchema = z.object({
  objectives: z.array(z.unknown()),
  /** The objective each current path belongs to. */
  byPath: z.array(z.tuple([z.string(), objectiveIndex])),
  missions: z.array(z.tuple([z.string(), z.object({ mission: z.string(), owner: z.string().optional(), body: z.string() })])),
  checkins: z.array(z.unknown()),
  warnings: z.array(HistoryWarningSchema),
  privateCommits: z.array(z.string()),
  sharedCommits: z.array(z.object({ commit: z.string(), objectives: z.array(objectiveIndex) })),
});

export type BuilderState = Omit<z.infer<typeof StateRestSchema>, 'objectives' | 'checkins'> & {
  objectives: z.infer<typeof TrackedObjectiveSchema>[];
  checkins: z.infer<typeof CheckinStateSchema>[];
};

export type StateCheck = { success: true; state: BuilderState } | { success: false; path: (string | number)[]; message: string };

/**
 * Checks a state read from a cache file against the schema. The objectives are checked and replaced one by
 * one in the array given, so a long history is never held twice while it is checked; the check-ins are
 * checked where they are.
 */
export function parseBuilderState(data: unknown): StateCheck {
  const rest = StateRestSchema.safeParse(data);
  if (!rest.success) return failure(rest.error, []);
  const lists = data as { objectives: unknown[]; checkins: unknown[] };
  for (let index = 0; index < lists.objectives.length; index++) {
    const element = TrackedObjectiveSchema.safeParse(lists.objectives[index]);
    if (!element.success) return failure(element.error, ['objectives', index]);
    lists.objectives[index] = element.data;
  }
  const badCheckin = lists.checkins.findIndex((checkin) => !isCheckinState(checkin));
  if (badCheckin !== -1) return { success: false, path: ['checkins', badCheckin], message: 'Expected a check-in as gitops-okr writes it' };
  const state = { ...rest.data, objectives: lists.objectives, checkins: lists.checkins } as BuilderState;
  // Every index names an objective of this state.
  const count = state.objectives.length;
  const outOfRange = (index: number) => index >= count;
  if (
    state.byPath.some(([, index]) => outOfRange(index)) ||
    state.checkins.some((checkin) => outOfRange(checkin.objective)) ||
    state.sharedCommits.some((shared) => shared.objectives.some(outOfRange))
  )
    return { success: false, path: [], message: 'an objective index is out of range' };
  return { success: true, state };
}

function failure(error: z.ZodError, at: (string | number)[]): StateCheck {
  const issue = error.issues[0];
  return { success: false, path: [...at, ...((issue?.path ?? []) as (string | number)[])], message: issue?.message ?? 'invalid' };
}
