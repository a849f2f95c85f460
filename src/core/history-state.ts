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

const CheckinStateSchema = CheckinSchema.omit({ objective: true }).extend({ objective: objectiveIndex });

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
 * Checks a state read from a cache file against the schema. The objectives and check-ins are checked and
 * replaced one by one in the arrays given, so a long history is never held twice while it is checked.
 */
export function parseBuilderState(data: unknown): StateCheck {
  const rest = StateRestSchema.safeParse(data);
  if (!rest.success) return failure(rest.error, []);
  const lists = data as { objectives: unknown[]; checkins: unknown[] };
  for (const [key, schema] of [
    ['objectives', TrackedObjectiveSchema],
    ['checkins', CheckinStateSchema],
  ] as const) {
    const list = lists[key];
    for (let index = 0; index < list.length; index++) {
      const element = (schema as z.ZodType).safeParse(list[index]);
      if (!element.success) return failure(element.error, [key, index]);
      list[index] = element.data;
    }
  }
  const state = { ...rest.data, objectives: lists.objectives, checkins: lists.checkins } as BuilderState;
  // Every index names an objective of this state.
  const count = state.objectives.length;
  const indices = [...state.byPath.map(([, index]) => index), ...state.checkins.map((checkin) => checkin.objective), ...state.sharedCommits.flatMap((shared) => shared.objectives)];
  if (indices.some((index) => index >= count)) return { success: false, path: [], message: 'an objective index is out of range' };
  return { success: true, state };
}

function failure(error: z.ZodError, at: (string | number)[]): StateCheck {
  const issue = error.issues[0];
  return { success: false, path: [...at, ...((issue?.path ?? []) as (string | number)[])], message: issue?.message ?? 'invalid' };
}
