/** The action: reads inputs, runs the check, reports through @actions/core, and turns any failure into `setFailed`. */
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { today } from '../../src/core/period.ts';
import { formatJson } from '../../src/format/json.ts';
import type { Annotation } from './annotations.ts';
import { checkRepository } from './check.ts';
import { checkinFromComment } from './checkin-comment.ts';
import { commentBody } from './comment.ts';
import { readContext, readInputs, type Inputs, type RunContext } from './context.ts';
import type { RepositoryLinks } from './edit-link.ts';
import { createClient, isForbidden, pullRequestHead, syncStaleIssue, tokenLogin, upsertComment, type GitHubClient } from './github.ts';
import { ESLINT_REPORT_FILE, parseCheckReport, REPORT_DATA_FILE, type CheckReport } from './report.ts';
import { staleIssueBody, staleKeyResults } from './stale-issue.ts';
import { renderWithin } from './summary.ts';
import { plural } from '../../src/core/words.ts';

/** GitHub refuses a job summary over 1 MiB. */
const SUMMARY_MAX_LENGTH = 900_000;

export async function run(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name));
    const eventPath = process.env.GITHUB_EVENT_PATH;
    const event = eventPath && existsSync(eventPath) ? await readFile(eventPath, 'utf8') : undefined;
    const context = readContext(process.env, event, process.cwd(), tmpdir());
    if (context.eventName === 'issue_comment') await commentCheckin(inputs, context, event);
    else if (inputs.fromReport) await postReport(inputs, context, inputs.fromReport);
    else await check(inputs, context);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

async function check(inputs: Inputs, context: RunContext): Promise<void> {
  const outcome = await checkRepository({
    repo: context.workspace,
    root: inputs.path,
    configPath: inputs.config,
    base: inputs.base ?? context.pullRequest?.baseSha,
    pullRequest: context.pullRequest?.number,
    scheduled: context.scheduled,
    now: inputs.now ?? today(),
  });
  if (!outcome) {
    core.notice('Nothing to check: the repository has no commits yet.');
    await writeSummary('## OKR check\n\nNothing to check: the repository has no commits yet.\n');
    setOutputs(0, 0, '', 0);
    return;
  }
  const { report, plan } = outcome;
  if (outcome.files === 0) core.notice(`No OKR files under \`${inputs.path}/\` at ${report.head?.slice(0, 7) ?? 'HEAD'}.`);
  for (const annotation of plan.shown) annotate(annotation);

  const reportDir = path.join(context.temp, 'okr-report');
  await mkdir(reportDir, { recursive: true });
  const eslintReport = path.join(reportDir, ESLINT_REPORT_FILE);
  await writeFile(
    eslintReport,
    formatJson(report.results, (file) => path.resolve(context.workspace, file)),
  );
  await writeFile(path.join(reportDir, REPORT_DATA_FILE), `${JSON.stringify(report)}\n`);

  const links = linksOf(context, context.runUrl);
  await writeSummary(renderWithin(report, { links }, SUMMARY_MAX_LENGTH));
  if (context.pullRequest && inputs.comment) await comment(inputs, context, report, links);
  if (context.scheduled && inputs.staleIssue) await staleIssue(inputs, context, report, outcome.objectiveIds, links);

  const errors = report.results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = report.results.reduce((sum, result) => sum + result.warningCount, 0);
  setOutputs(errors, warnings, eslintReport, report.diff ? report.diff.moved.filter((move) => move.value).length : 0);

  if (report.baseProblem) core.setFailed(`Could not compare with the base: ${report.baseProblem}`);
  else if (inputs.failOn === 'error' && errors > 0) core.setFailed(`${plural(errors, 'OKR error')}; see the annotations and the job summary`);
  else if (inputs.failOn === 'warning' && errors + warnings > 0)
    core.setFailed(`${plural(errors, 'OKR error')} and ${plural(warnings, 'warning')} (fail-on: warning); see the annotations and the job summary`);
}

async function comment(inputs: Inputs, context: RunContext, report: CheckReport, links: RepositoryLinks): Promise<void> {
  if (context.pullRequest?.fromFork) {
    core.notice('Pull request from a fork: its token is read-only, so the comment is left to the okr-comment workflow.');
    return;
  }
  await withWriteAccess('the pull-request comment', async () => {
    const client = clientFor(inputs, context);
    const author = await tokenLogin(client);
    const outcome = await upsertComment(client, { owner: context.owner, repo: context.repo, issue: report.pullRequest ?? 0, author }, commentBody(report, { links }));
    core.info(`OKR comment ${outcome}.`);
  });
}

async function staleIssue(inputs: Inputs, context: RunContext, report: CheckReport, objectiveIds: Map<string, string>, links: RepositoryLinks): Promise<void> {
  const stale = staleKeyResults(report.results);
  await withWriteAccess('the stale check-ins issue', async () => {
    const client = clientFor(inputs, context);
    const author = await tokenLogin(client);
    const outcome = await syncStaleIssue(client, { owner: context.owner, repo: context.repo, author }, stale.length === 0 ? undefined : staleIssueBody(stale, links, objectiveIds));
    core.info(`Stale check-ins issue: ${outcome}.`);
  });
}

/** `/checkin …` in a comment: the file on the default branch changes, the thread gets the answer. */
async function commentCheckin(inputs: Inputs, context: RunContext, event: string | undefined): Promise<void> {
  const outcome = await checkinFromComment(event, {
    client: clientFor(inputs, context),
    owner: context.owner,
    repo: context.repo,
    defaultBranch: context.defaultBranch,
    workspace: context.workspace,
    root: inputs.path,
    today: inputs.now ?? today(),
    log: (message) => core.info(message),
  });
  core.setOutput('checkin', outcome);
}

/** The comment workflow: a report from another run (untrusted) posted on its pull request. */
async function postReport(inputs: Inputs, context: RunContext, file: string): Promise<void> {
  const report = parseCheckReport(await readFile(file, 'utf8'));
  const expectedHead = core.getInput('expected-head-sha').trim();
  if (!report.pullRequest) throw new Error('The report names no pull request; nothing to comment on');
  if (!/^[0-9a-f]{40}$/.test(expectedHead)) throw new Error('`expected-head-sha` must be the full head commit of the run that made the report');
  const client = clientFor(inputs, context);
  const head = await pullRequestHead(client, { owner: context.owner, repo: context.repo, number: report.pullRequest });
  if (head !== expectedHead) throw new Error(`Pull request #${report.pullRequest} is at ${head.slice(0, 7)}, not at ${expectedHead.slice(0, 7)} as the run that made the report; not commenting`);
  await withWriteAccess('the pull-request comment', async () => {
    const author = await tokenLogin(client);
    const outcome = await upsertComment(client, { owner: context.owner, repo: context.repo, issue: report.pullRequest ?? 0, author }, commentBody(report, { links: linksOf(context, undefined) }));
    core.info(`OKR comment ${outcome}.`);
  });
}

/** A read-only token (fork pull requests) is a notice, not the check's failure. */
async function withWriteAccess(what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isForbidden(error)) throw error;
    core.notice(`Skipped ${what}: the token may not write here (a pull request from a fork gets its comment from the okr-comment workflow).`);
  }
}

function annotate({ kind, path: file, message }: Annotation): void {
  const properties = { file, startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn, title: message.ruleId };
  const text = message.hint ? `${message.message}\n${message.hint}` : message.message;
  if (kind === 'error') core.error(text, properties);
  else core.warning(text, properties);
}

function clientFor(inputs: Inputs, context: RunContext): GitHubClient {
  if (!inputs.token) throw new Error('No `github-token`; pass `${{ github.token }}` or set `comment: false`');
  return createClient(inputs.token, context.apiUrl, (message) => core.info(message));
}

function linksOf(context: RunContext, runUrl: string | undefined): RepositoryLinks {
  return { serverUrl: context.serverUrl, repository: `${context.owner}/${context.repo}`, branch: context.pullRequest?.baseRef ?? context.defaultBranch, runUrl };
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('No GITHUB_STEP_SUMMARY: the job summary is skipped.');
    return;
  }
  await core.summary.addRaw(markdown).write();
}

function setOutputs(errors: number, warnings: number, report: string, changed: number): void {
  core.setOutput('errors', errors);
  core.setOutput('warnings', warnings);
  core.setOutput('report', report);
  core.setOutput('changed', changed);
}
