/**
 * Parses OKR files: text in, typed data with positions and findings out.
 * Never throws; whatever is wrong becomes a `schema` finding with a line and a hint.
 */
import type { z } from 'zod';
import type { Finding } from './finding.ts';
import { parseYaml, readFrontmatter, readYaml, type Frontmatter, type YamlPath } from './frontmatter.ts';
import { ConfigSchema, KeyResultSchema, MissionSchema, ObjectiveSchema, type Config, type Mission, type Objective } from './schema.ts';
import { closest } from './suggest.ts';

export interface Parsed<T> {
  path: string;
  /** Validated data; undefined when the file does not match the schema. */
  data: T | undefined;
  /** Whatever the YAML held, valid or not (cross-file rules read ids from it). */
  raw: unknown;
  body: string;
  bodyLine: number;
  locate: Frontmatter['locate'];
  findings: Finding[];
}

const OBJECTIVE_EXAMPLE = `title: Deliver engaging presentations
period: 2026-Q4
key_results:
  - id: feedback
    title: Raise average audience feedback from 3.6 to 4.5 out of 5
    baseline: 3.6
    target: 4.5`;

export function parseObjective(path: string, text: string): Parsed<Objective> {
  return parseWith(ObjectiveSchema, path, text, OBJECTIVE_EXAMPLE);
}

export function parseMission(path: string, text: string): Parsed<Mission> {
  return parseWith(MissionSchema, path, text, 'mission: Be an ideal candidate for promotion or hire.\nowner: jane');
}

/** `okrs/config.yml` is plain YAML (no `---` fence, though it may start with a `---` document marker), read as data only. */
export function parseConfig(path: string, text: string): Parsed<Config> {
  const source = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  return parseWith(ConfigSchema, path, { ...readYaml(parseYaml(source)), body: '', bodyLine: 1 }, 'rules:\n  kr-measurable: off\n  objective-count: error');
}

function parseWith<T>(schema: z.ZodObject & z.ZodType<T>, path: string, text: string | Frontmatter, example: string): Parsed<T> {
  const topLevel = Object.keys(schema.shape);
  const frontmatter = typeof text === 'string' ? readFrontmatter(text) : text;
  const { locate, findings } = frontmatter;
  const base = { path, raw: frontmatter.data, body: frontmatter.body, bodyLine: frontmatter.bodyLine, locate };
  if (findings.length > 0 || frontmatter.data === undefined) return { ...base, data: undefined, findings };
  const result = schema.safeParse(frontmatter.data);
  if (result.success) return { ...base, data: result.data, findings: [] };
  return {
    ...base,
    data: undefined,
    findings: result.error.issues.flatMap((issue) => describeIssue(issue, frontmatter.data, locate, example, topLevel)),
  };
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown, locate: Frontmatter['locate'], example: string, topLevel: readonly string[]): Finding[] {
  const path = issue.path as YamlPath;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const known = knownKeys(path, topLevel);
      const suggestion = closest(key, known);
      return {
        ruleId: 'schema',
        message: `Unknown key \`${key}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
        hint: `Known keys here: ${known.map((name) => `\`${name}\``).join(', ')}`,
        ...locate([...path, key], 'key'),
      };
    });
  }
  const value = valueAt(data, path);
  const field = path.filter((segment) => typeof segment === 'string').at(-1);
  const krIndex = path[0] === 'key_results' && typeof path[1] === 'number' ? path[1] : undefined;
  const krId = krIndex === undefined ? undefined : valueAt(data, ['key_results', krIndex, 'id']);
  const where = path.length === 2 && krIndex !== undefined ? `Key result ${typeof krId === 'string' ? `\`${krId}\`` : krIndex + 1}` : field === undefined ? '' : `\`${String(field)}\``;
  const message =
    value === undefined && issue.code === 'invalid_type'
      ? `Missing ${where || 'value'}`
      : value !== undefined && typeof value !== 'object' && field !== undefined
        ? `Unexpected \`${String(field)}: ${typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value)}\`: ${lowerFirst(issue.message)}`
        : `${where ? `${where}: ` : ''}${issue.message}`;
  return [{ ruleId: 'schema', message, hint: hintFor(issue, String(field ?? ''), example), ...locate(path) }];
}

function hintFor(issue: z.core.$ZodIssue, field: string, example: string): string {
  if (issue.code === 'invalid_type') {
    const expected = issue.expected;
    if (expected === 'number') return `Write \`${field}\` as a plain number without quotes or units, e.g. \`${field}: 4.5\`; put the unit in \`unit:\``;
    if (expected === 'boolean') return `Write \`${field}: true\` or \`${field}: false\``;
    if (expected === 'array') return `\`${field}\` is a list; start each item with \`- \` on its own line`;
  }
  const line = FIELD_EXAMPLES[field];
  if (line === undefined) return `The right form looks like:\n${example}`;
  return line.includes('\n') ? `The right form looks like:\n${line}` : `The right form looks like: \`${line}\``;
}

const FIELD_EXAMPLES: Record<string, string> = {
  id: 'id: work-pace',
  title: 'title: Deliver engaging presentations',
  period: 'period: 2026-Q4',
  start: 'start: 2026-10-05',
  end: 'end: 2026-12-18',
  owner: 'owner: jane',
  type: 'type: aspirational',
  aligned_to: 'aligned_to: mission',
  private: 'private: true',
  key_results: 'key_results:\n  - id: feedback\n    title: Raise average audience feedback from 3.6 to 4.5 out of 5\n    baseline: 3.6\n    target: 4.5',
  due: 'due: 2026-12-15',
  as_of: 'as_of: 2026-11-20',
  confidence: 'confidence: 0.7',
  weight: 'weight: 2',
  status: 'status: dropped',
  mission: 'mission: Be an ideal candidate for promotion or hire.',
  rules: 'rules:\n  kr-measurable: off',
};

function knownKeys(path: YamlPath, topLevel: readonly string[]): string[] {
  if (path[0] === 'key_results') return Object.keys(KeyResultSchema.shape);
  if (path[0] === 'period') return ['start', 'end'];
  return [...topLevel];
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
