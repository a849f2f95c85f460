/**
 * Reading a key result's source: an HTTP GET, one GitHub search, a CSV file of the repository.
 * Each answer is checked as data (JSON parsed, a schema for GitHub's, numbers only); nothing is run.
 */
import { z } from 'zod';
import type { Source } from '../core/schema.ts';
import { numberFrom, quoted, valueFromCsv, valueFromJson, type SourceValue } from '../core/sources/values.ts';
import { readLimited } from './read-limited.ts';
import { OutsideFileError, readFileInRepository } from './read-tree.ts';

export interface SourceEnvironment {
  repo: string;
  /** GITHUB_TOKEN: sent to the GitHub API only, never to a JSON source's address. */
  githubToken: string | undefined;
  /** GITHUB_API_URL, as on GitHub Enterprise; https://api.github.com by default. */
  githubApiUrl: string;
  timeoutMs?: number;
}

const MAX_ANSWER_BYTES = 1024 * 1024;

export async function readSourceValue(source: Source, env: SourceEnvironment): Promise<SourceValue> {
  if ('json' in source) {
    const answer = await get(source.json.url, { accept: 'application/json' }, env);
    return answer.ok ? valueFromJson(answer.text, source.json.pointer) : answer;
  }
  if ('github' in source) return githubSearchCount(source.github.search, env);
  try {
    return valueFromCsv(await readFileInRepository(env.repo, source.csv.path), source.csv.column, source.csv.row);
  } catch (error) {
    if (error instanceof OutsideFileError) return { ok: false, problem: error.message };
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, problem: `no file \`${source.csv.path}\` in the repository` };
    throw error;
  }
}

const SearchAnswer = z.looseObject({ total_count: z.number().int().nonnegative() });

/**
 * One GET of the search API with `per_page=1`: its `total_count` is the count. A plain fetch,
 * not Octokit: it is one request without pages, and the CLI then needs no Octokit at all.
 */
async function githubSearchCount(search: string, env: SourceEnvironment): Promise<SourceValue> {
  const url = new URL(`${env.githubApiUrl.replace(/\/+$/, '')}/search/issues`);
  url.searchParams.set('q', search);
  url.searchParams.set('per_page', '1');
  const headers: Record<string, string> = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'gitops-okr-sync' };
  if (env.githubToken) headers.authorization = `Bearer ${env.githubToken}`;
  const answer = await get(url.href, headers, env);
  if (!answer.ok) return answer;
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    return { ok: false, problem: `GET ${url.href}: the answer is not JSON: ${quoted(answer.text)}` };
  }
  const parsed = SearchAnswer.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `GET ${url.href}: the answer has no \`total_count\`: ${quoted(answer.text)}` };
  return numberFrom(parsed.data.total_count, 'total_count');
}

async function get(url: string, headers: Record<string, string>, env: SourceEnvironment): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  let response: Response;
  try {
    response = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(env.timeoutMs ?? 15_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, problem: `GET ${url} failed: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}` };
  }
  const text = await readLimited(response, MAX_ANSWER_BYTES);
  if (text === undefined) return { ok: false, problem: `GET ${url}: the answer is larger than ${MAX_ANSWER_BYTES / 1024} KB` };
  if (!response.ok) return { ok: false, problem: `GET ${url} answered ${response.status} ${response.statusText}: ${quoted(text)}` };
  return { ok: true, text };
}
