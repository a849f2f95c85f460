/**
 * GETs of an organisation's sources: a timeout per request, a bound on the size of every
 * answer, and a failure that says what came back. Every answer is untrusted text.
 */
import { readLimited } from './read-limited.ts';

/** A source that could not be read: what was asked, what came back, and what to do. */
export class SourceError extends Error {
  readonly url: string;
  readonly answer: string;
  readonly hint: string;
  constructor(url: string, answer: string, hint: string) {
    super(`${url}: ${answer}`);
    this.name = 'SourceError';
    this.url = url;
    this.answer = answer;
    this.hint = hint;
  }
}

export interface HttpOptions {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
}

/** The answer's text; a SourceError for a network failure, a timeout, an answer too large or a status other than 2xx. */
export async function getText(url: string, options: HttpOptions): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { 'user-agent': 'gitops-okr', ...options.headers }, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') throw new SourceError(url, `no answer within ${options.timeoutMs / 1000} s`, 'Check that the site is up, or raise `timeout_seconds` in org.yml');
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new SourceError(url, `request failed: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`, 'Check the address in org.yml and the network');
  }
  const text = await readLimited(response, options.maxBytes).catch((error: unknown) => {
    if ((error as Error).name === 'TimeoutError') throw new SourceError(url, `the answer did not finish within ${options.timeoutMs / 1000} s`, 'Raise `timeout_seconds` in org.yml');
    throw error;
  });
  if (text === undefined)
    throw new SourceError(url, `the answer is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB`, 'A published okrs.json is a summary of a few MB at most; check the address');
  if (!response.ok) throw new SourceError(url, `answered ${response.status} ${response.statusText}: ${quoted(text)}`, hintOf(response.status));
  return text;
}

/** JSON from an answer, or a SourceError that quotes its start. */
export function parseJson(url: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SourceError(
      url,
      `the answer is not JSON (${error instanceof Error ? error.message : String(error)}): ${quoted(text)}`,
      'The address should be the `okrs.json` that `okr build` publishes, e.g. https://acme.github.io/platform-okrs/okrs.json',
    );
  }
}

/** The start of an answer, on one line, for the build's output. */
export function quoted(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > 120 ? `${line.slice(0, 120)}…` : line);
}

export function hintOf(status: number): string {
  if (status === 401) return 'The token was refused: set GITHUB_TOKEN to a token that can read the repository';
  if (status === 403) return 'Access denied or rate limited: set GITHUB_TOKEN to a token that can read the repository, or wait for the rate limit to reset';
  if (status === 404) return 'Nothing at that address: check it in org.yml (a private repository also answers 404 to a token that cannot read it)';
  if (status >= 500) return 'The server failed; try the build again later';
  return 'Check the address in org.yml';
}
