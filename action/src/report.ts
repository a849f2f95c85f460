/**
 * What one check found, as data: written next to the ESLint report for the
 * comment workflow, which reads it back as untrusted input (a fork's pull
 * request produced it), so every field is bounded and validated here.
 */
import { z } from 'zod';

const MAX_TEXT = 2000;
const text = z.string().max(MAX_TEXT);
const count = z.number().int().min(0).max(1_000_000);
const position = z.number().int().min(1).max(10_000_000);
const measure = z.number().finite().nullable();
const sha = z.string().regex(/^[0-9a-f]{40}$/, { error: 'Expected a full commit id' });
/** A path inside the repository: no `.`/`..` segments, nothing absolute. */
const repoPath = z
  .string()
  .min(1)
  .max(1000)
  .refine((path) => !path.startsWith('/') && !path.includes('\\') && path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..'), {
    error: 'Expected a relative path inside the repository',
  });

const LintMessageSchema = z.strictObject({
  ruleId: text,
  severity: z.union([z.literal(1), z.literal(2)]),
  message: text,
  hint: text.optional(),
  line: position,
  column: position,
  endLine: position,
  endColumn: position,
});

const LintResultSchema = z.strictObject({
  path: repoPath,
  messages: z.array(LintMessageSchema).max(10_000),
  errorCount: count,
  warningCount: count,
});

const ObjectiveRefSchema = z.strictObject({ objective: text, path: repoPath, title: text });
const KeyResultRefSchema = ObjectiveRefSchema.extend({ kr: text, krTitle: text });
const moved = <T extends z.ZodType>(value: T) => z.strictObject({ from: value, to: value });

const KeyResultMoveSchema = KeyResultRefSchema.extend({
  unit: text.optional(),
  value: moved(measure).optional(),
  target: moved(measure).optional(),
  confidence: moved(measure).optional(),
  status: moved(z.enum(['active', 'dropped'])).optional(),
  progress: moved(z.number().min(0).max(1)),
});

const DiffSchema = z.strictObject({
  objectivesAdded: z.array(ObjectiveRefSchema).max(10_000),
  objectivesRemoved: z.array(ObjectiveRefSchema).max(10_000),
  keyResultsAdded: z.array(KeyResultRefSchema).max(10_000),
  keyResultsRemoved: z.array(KeyResultRefSchema).max(10_000),
  moved: z.array(KeyResultMoveSchema).max(10_000),
});

const kinds = z.strictObject({ error: count, warning: count });

export const CheckReportSchema = z.strictObject({
  version: z.literal(1),
  pullRequest: z.number().int().positive().nullable(),
  base: sha.nullable(),
  head: sha.nullable(),
  /** Why the head could not be compared with the base, when it could not. */
  baseProblem: text.nullable(),
  results: z.array(LintResultSchema).max(100_000),
  diff: DiffSchema.nullable(),
  annotations: z.strictObject({ total: kinds, hidden: kinds }),
  /** Objectives the change touched: each gets a link for its next check-in. */
  checkins: z.array(ObjectiveRefSchema).max(1000),
});

export type CheckReport = z.infer<typeof CheckReportSchema>;

export const REPORT_DATA_FILE = 'okr-check.json';
export const ESLINT_REPORT_FILE = 'eslint.json';

/** Reads a report from text that may come from anyone; throws a readable error when it does not fit. */
export function parseCheckReport(json: string): CheckReport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`The report is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = CheckReportSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`The report does not match the expected shape at \`${issue?.path.join('.') ?? ''}\`: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
