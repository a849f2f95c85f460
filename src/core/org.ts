/**
 * An organisation's site from several repositories (`okr build --org org.yml`): the
 * `org.yml` format, read as data with one zod schema, and the ids of objectives from
 * other repositories, which keep their own id under the source's name
 * (`team-platform:latency`). Pure: text in, a config or findings with lines out.
 */
import { z } from 'zod';
import type { Finding } from './finding.ts';
import { parseYaml, readYaml } from './frontmatter.ts';
import { ID_PATTERN } from './ids.ts';

/** Between a source's name and an objective's id. An id never holds it (src/core/ids.ts), so `a:b` is always another repository's. */
export const SOURCE_SEPARATOR = ':';

const sourceName = z
  .string()
  .regex(ID_PATTERN, { error: 'A source name is lower-case letters, digits, `-` and `_`, e.g. `team-platform`' })
  .max(60)
  .describe('Prefix of its objectives\u2019 ids on the site (`team-platform:latency`) and its group\u2019s folder.');

const httpUrl = z.url({ protocol: /^https?$/, error: 'Expected an http(s) address such as https://acme.github.io/platform-okrs/okrs.json' });

const PublishedSourceSchema = z.strictObject({
  name: sourceName,
  url: httpUrl.describe('Address of the `okrs.json` another repository\u2019s site publishes.'),
});

const GitHubSourceSchema = z.strictObject({
  name: sourceName,
  github: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/, { error: 'Expected a repository as `owner/name`, e.g. `acme/platform-okrs`' })
    .describe('A repository read through the GitHub API with `GITHUB_TOKEN`.'),
  root: z
    .string()
    .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, { error: 'Expected a folder such as `okrs`' })
    .refine((folder) => !folder.split('/').includes('..'), { error: 'The folder stays inside the repository' })
    .default('okrs')
    .describe('Folder of its OKRs.'),
  max_commits: z.number().int().min(1).max(100_000).default(2000).describe('Commits of that folder read for its history, newest first.'),
});

export const OrgSourceSchema = z.union([PublishedSourceSchema, GitHubSourceSchema], {
  error: 'A source has a `name` and either `url` (a published okrs.json) or `github` (owner/name)',
});

export const OrgConfigSchema = z
  .strictObject({
    name: sourceName.optional().describe('How the sources\u2019 `aligned_to` names an objective of the repository that builds the site: `acme:company-1` for its `company-1`.'),
    mission: z.string().trim().min(1).optional().describe('The organisation\u2019s mission, when the repository building the site has no `okrs/mission.md`.'),
    owner: z.string().trim().min(1).optional(),
    timeout_seconds: z.number().positive().max(600).default(20).describe('For each request to a source.'),
    github_api: httpUrl.optional().describe('The GitHub API; `GITHUB_API_URL`, then https://api.github.com, by default.'),
    sources: z.array(OrgSourceSchema).min(1, { error: 'List at least one source under `sources:`' }),
  })
  .superRefine((config, context) => {
    const seen = new Set<string>();
    config.sources.forEach((source, index) => {
      if (source.name === config.name)
        context.addIssue({ code: 'custom', path: ['sources', index, 'name'], message: `\`${source.name}\` is the name of this repository (\`name:\`); give the source another` });
      if (seen.has(source.name)) context.addIssue({ code: 'custom', path: ['sources', index, 'name'], message: `Two sources are named \`${source.name}\`; each needs its own name` });
      seen.add(source.name);
    });
  });

export type OrgConfig = z.infer<typeof OrgConfigSchema>;
export type OrgSource = z.infer<typeof OrgSourceSchema>;
export type GitHubSource = z.infer<typeof GitHubSourceSchema>;
export type PublishedSource = z.infer<typeof PublishedSourceSchema>;

const EXAMPLE = 'sources:\n  - name: team-platform\n    url: https://acme.github.io/platform-okrs/okrs.json\n  - name: team-search\n    github: acme/search-okrs';

/** `org.yml` as data: the config, or every finding with its line. */
export function parseOrgConfig(text: string): { ok: true; config: OrgConfig } | { ok: false; findings: Finding[] } {
  const yaml = readYaml(parseYaml(text));
  if (yaml.data === undefined) return { ok: false, findings: yaml.findings };
  const result = OrgConfigSchema.safeParse(yaml.data);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    findings: result.error.issues.map((issue) => {
      const at = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
      const where = at.length === 0 ? '' : `\`${at.join('.')}\`: `;
      const unknown = issue.code === 'unrecognized_keys' ? `Unknown key ${issue.keys.map((key) => `\`${key}\``).join(', ')}` : issue.message;
      const position = yaml.locate(issue.code === 'unrecognized_keys' ? [...at, issue.keys[0]!] : at, issue.code === 'unrecognized_keys' ? 'key' : 'value');
      return { ruleId: 'org', message: `${where}${unknown}`, hint: `org.yml lists the sources of the site, e.g.\n${EXAMPLE}`, ...position };
    }),
  };
}

/** `latency` of source `team-platform` → `team-platform:latency`. */
export function sourceId(source: string, id: string): string {
  return `${source}${SOURCE_SEPARATOR}${id}`;
}

/** Whether a reference names another repository's objective (`team-platform:latency`). */
export function isSourceReference(reference: string): boolean {
  return reference.includes(SOURCE_SEPARATOR);
}

/**
 * An `aligned_to` value as the organisation's site reads it, from a file of `source`: `mission` stays,
 * a reference to another repository (`team-platform:latency`) stays, an id of the source's own gets
 * its prefix. One parent at a time, so a list of parents maps through it unchanged.
 */
export function qualifiedParent(source: string, parent: string): string {
  if (parent === 'mission' || isSourceReference(parent)) return parent;
  return sourceId(source, parent);
}

/** `aligned_to` of a source's file as the organisation's site reads it: one parent or a list, each through `qualifiedParent`. */
export function qualifiedParents<T extends string | readonly string[]>(source: string, alignedTo: T): T {
  return (typeof alignedTo === 'string' ? qualifiedParent(source, alignedTo) : alignedTo.map((parent) => qualifiedParent(source, parent))) as T;
}
