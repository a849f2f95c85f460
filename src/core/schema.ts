/**
 * The one schema of gitops-okr. Every part (linter, history, site, action)
 * validates with these and takes its types from them; `okr schema` turns
 * them into the JSON Schema that editors use.
 */
import { z } from 'zod';
import { ObjectiveHistoryFileSchema, OkrsSummarySchema } from './okrs-json.ts';
import { OrgConfigSchema } from './org.ts';
import { ID_HINT, ID_MAX_LENGTH, ID_PATTERN } from './ids.ts';

const calendarDate = z
  .string({ error: 'Expected a date such as `2026-12-15`' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Expected a date such as `2026-12-15` (YYYY-MM-DD)' })
  .refine(isCalendarDate, { error: 'Not a calendar date; expected a date such as `2026-12-15`' });

const periodHint = 'Expected a period such as `2026-Q4`, `2026-H2`, `2026`, `2026-11` or `{start: 2026-10-05, end: 2026-12-18}`';

export const periodLabelPattern = /^\d{4}(-(Q[1-4]|H[12]|(0[1-9]|1[0-2])))?$/;

export const PeriodSchema = z.union(
  [
    z.string().regex(periodLabelPattern, { error: periodHint }),
    // YAML reads `period: 2026` as a number.
    z.int().min(1000).max(9999).transform(String),
    z.strictObject({
      start: calendarDate,
      end: calendarDate.optional().describe('Leave out for an open-ended period; every key result then needs `due`.'),
    }),
  ],
  { error: periodHint },
);

const slug = z
  .string()
  .regex(ID_PATTERN, { error: ID_HINT })
  .max(ID_MAX_LENGTH, { error: `Expected an id of at most ${ID_MAX_LENGTH} characters` });

/** Values are finite and within ±10^15, so progress, charts and pages never meet `Infinity` or `NaN`. */
export const MAX_MAGNITUDE = 1e15;
const measure = z.number().min(-MAX_MAGNITUDE, { error: 'Expected a number between -10^15 and 10^15' }).max(MAX_MAGNITUDE, { error: 'Expected a number between -10^15 and 10^15' });

const text = z.string().trim().min(1, { error: 'Must not be empty' });

/** A day or a moment as editors write it (`2026-10-01`, `2026-10-01T09:30`). */
const editorDate = z.union([z.string(), z.date()]);

/** Properties Obsidian and other editors keep in frontmatter; allowed and ignored. */
const editorProperties = {
  tags: z.union([z.array(z.string()), z.string()]).optional(),
  aliases: z.union([z.array(z.string()), z.string()]).optional(),
  cssclasses: z.union([z.array(z.string()), z.string()]).optional(),
  created: editorDate.optional(),
  updated: editorDate.optional(),
  publish: z.boolean().optional().describe('Obsidian Publish; this site uses `private` instead.'),
};

const httpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), { error: 'Expected an http(s) address such as `https://example.com/metric.json`' });

/**
 * Where a key result's value comes from, read by `okr sync`. Data only: an address to GET,
 * a GitHub search to count, a cell of a CSV file in the repository; nothing in it is run.
 */
export const SourceSchema = z.union(
  [
    z.strictObject({
      json: z.strictObject({
        url: httpUrl.describe('Answers a GET with JSON.'),
        pointer: z
          .string()
          .regex(/^(\/.*)?$/, { error: 'Expected a JSON Pointer such as `/data/active` (RFC 6901), or `` for the whole document' })
          .describe('JSON Pointer (RFC 6901) to a number, e.g. `/data/active`.'),
      }),
    }),
    z.strictObject({
      github: z.strictObject({
        search: text.describe('A GitHub issue search, e.g. `repo:o/r is:issue is:closed label:bug`.'),
        count: z.literal(true).default(true).describe('The value is the number of results.'),
      }),
    }),
    z.strictObject({
      csv: z.strictObject({
        path: text.describe('A CSV file in the repository, from its top, e.g. `data/metrics.csv`.'),
        column: text.describe('The header of the column that holds the value.'),
        row: z
          .union([z.int().positive(), z.literal('last')])
          .default('last')
          .describe('Data row, from 1 below the header, or `last`.'),
      }),
    }),
  ],
  { error: 'Expected `source: {json: {url, pointer}}`, `source: {github: {search, count: true}}` or `source: {csv: {path, column, row}}`' },
);

export const KeyResultSchema = z
  .strictObject({
    id: slug.describe('Unique in the objective; history follows it.'),
    title: text,
    baseline: measure.optional().describe('Value at the start of the period (increase/decrease key results).'),
    target: measure.optional().describe('Value to reach by `due` (increase/decrease key results).'),
    current: measure.optional().describe('Latest value; change it at each check-in.'),
    unit: z.string().optional(),
    done: z.boolean().optional().describe('Milestone key result: true when achieved.'),
    keep_above: measure.optional().describe('Threshold key result: stay above this value.'),
    keep_below: measure.optional().describe('Threshold key result: stay below this value.'),
    due: calendarDate.optional().describe('Defaults to the end of the period.'),
    confidence: z.number().min(0).max(1).optional().describe('0–1: how likely the target is reached; updated at check-ins.'),
    weight: z.number().positive().max(1000, { error: 'Expected a weight of at most 1000' }).optional().describe('Relative weight in the objective score; default 1.'),
    as_of: calendarDate.optional().describe('Backdates the latest change of this key result (late check-ins, imports).'),
    status: z.enum(['active', 'dropped']).optional().describe('`dropped` keeps a key result on record without scoring it; give a `reason`.'),
    reason: z.string().optional().describe('Why a target was eased or a key result dropped.'),
    source: SourceSchema.optional().describe('Where `okr sync` reads `current` from.'),
    owner: z.string().trim().min(1).optional().describe("Who is accountable for this key result, when not the objective's owner."),
    carried_from: z.string().trim().min(1).optional().describe('`<objective>/<key result>` of the earlier period this key result carries forward (`okr close --carry-forward`).'),
  })
  .superRefine((kr, ctx) => {
    const kinds = [
      kr.done !== undefined && 'done',
      (kr.keep_above !== undefined || kr.keep_below !== undefined) && 'keep_above/keep_below',
      (kr.baseline !== undefined || kr.target !== undefined) && 'baseline/target',
    ].filter(Boolean);
    if (kinds.length > 1) {
      ctx.addIssue({
        code: 'custom',
        message: `A key result is one kind: found ${kinds.join(' and ')}; keep one (\`done\` for a milestone, \`keep_above\`/\`keep_below\` for a threshold, \`baseline\` + \`target\` for a metric)`,
      });
    } else if (kinds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'Missing the measure: add `baseline` and `target` (a metric), `done: false` (a milestone) or `keep_above`/`keep_below` (a threshold)',
      });
    } else if (kinds[0] === 'baseline/target') {
      for (const key of ['baseline', 'target'] as const) {
        if (kr[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `Missing \`${key}\`: a metric key result needs both \`baseline\` and \`target\`` });
      }
    }
    if (kr.source !== undefined && kr.done !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'A milestone (`done`) has no value to read: `source` belongs to a metric or a threshold key result' });
    }
    if (kr.keep_above !== undefined && kr.keep_below !== undefined && kr.keep_above >= kr.keep_below) {
      ctx.addIssue({ code: 'custom', path: ['keep_below'], message: '`keep_below` must be greater than `keep_above`' });
    }
  });

const alignedId = z.string().trim().min(1, { error: 'Must not be empty' });

/**
 * `mission`, one objective id, or a list of them when an objective serves several: the first is its
 * primary parent (its place in the alignment tree and the chain up to the mission).
 */
export const AlignedToSchema = z
  .union([alignedId, z.array(alignedId).min(1, { error: 'Expected at least one id, or `mission`' })], { error: 'Expected `mission`, an objective id or a list of ids' })
  .default('mission')
  .superRefine((value, ctx) => {
    if (typeof value === 'string') return;
    value.forEach((id, index) => {
      if (id === 'mission' && value.length > 1) ctx.addIssue({ code: 'custom', path: [index], message: 'write `aligned_to: mission` alone, not in a list of objectives' });
      else if (value.indexOf(id) !== index) ctx.addIssue({ code: 'custom', path: [index], message: 'listed twice' });
    });
  })
  .describe('`mission`, the id of the objective this one serves, or a list of ids when it serves several (the first is the primary parent).');

export const ObjectiveSchema = z.strictObject({
  id: slug.optional().describe('Defaults to the file name; pins history across renames.'),
  title: text,
  period: PeriodSchema,
  owner: z.string().trim().min(1).optional().describe('Defaults to the owner of the mission above.'),
  type: z.enum(['aspirational', 'committed']).default('aspirational'),
  aligned_to: AlignedToSchema,
  private: z.boolean().default(false).describe('true: never published on the site, feed or JSON; still linted.'),
  progress: z
    .enum(['key-results', 'from-aligned'])
    .optional()
    .describe('`key-results` by default. `from-aligned`: progress is the mean of the objectives aligned to this one, instead of its key results.'),
  key_results: z.array(KeyResultSchema).default([]),
  grade: z
    .number()
    .min(0, { error: 'Expected a grade from 0.0 to 1.0' })
    .max(1, { error: 'Expected a grade from 0.0 to 1.0' })
    .optional()
    .describe("Final grade, 0.0–1.0 (Google's scale), written by `okr close`; edit it if the number alone misjudges the result."),
  postmortem: z.string().trim().min(1).optional().describe('Why a committed objective was graded below 1.0, and what changes.'),
  ...editorProperties,
});

export const MissionSchema = z.strictObject({
  mission: text,
  owner: z.string().trim().min(1).optional(),
  ...editorProperties,
});

export const SeveritySchema = z.enum(['error', 'warn', 'off']);

/** A synced value that moves by more than this factor is reported, not written. */
export const DEFAULT_MAX_JUMP = 10;

export const ConfigSchema = z.strictObject({
  rules: z.record(z.string(), SeveritySchema).default({}).describe('Severity per rule id: error, warn or off.'),
  sync: z
    .strictObject({
      'max-jump': z
        .number()
        .gt(1, { error: 'Expected a factor greater than 1, e.g. 10' })
        .default(DEFAULT_MAX_JUMP)
        .describe('`okr sync` reports, and does not write, a value that grows or shrinks by more than this factor.'),
    })
    .optional(),
});

export type Period = z.infer<typeof PeriodSchema>;
export type KeyResult = z.infer<typeof KeyResultSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Objective = z.infer<typeof ObjectiveSchema>;
export type Mission = z.infer<typeof MissionSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Config = z.infer<typeof ConfigSchema>;

export function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** JSON Schemas for editors (`# yaml-language-server: $schema=…`). */
export function jsonSchemas(): Record<'objective' | 'mission' | 'config' | 'okrs' | 'okrs-objective' | 'org', unknown> {
  const options = { io: 'input', unrepresentable: 'any' } as const;
  return {
    objective: z.toJSONSchema(ObjectiveSchema, options),
    mission: z.toJSONSchema(MissionSchema, options),
    config: z.toJSONSchema(ConfigSchema, options),
    // The site's okrs.json: what the build writes, so the output side.
    okrs: z.toJSONSchema(OkrsSummarySchema, { io: 'output', unrepresentable: 'any' }),
    'okrs-objective': z.toJSONSchema(ObjectiveHistoryFileSchema, { io: 'output', unrepresentable: 'any' }),
    // org.yml (`okr build --org`): what people write, so the input side.
    org: z.toJSONSchema(OrgConfigSchema, options),
  };
}
