/**
 * `/checkin …` in an issue or pull-request comment: who may (write access, asked of the API),
 * what the comment asks (words, never run), the edit of the file on the default branch (read
 * from the checkout of the default branch and through the API, never from a pull request), the
 * commit, and the answer in the thread.
 */
import { z } from 'zod';
import { CheckinEditError, editKeyResult } from '../../src/core/checkin-edit.ts';
import { planCheckin } from '../../src/core/checkin-request.ts';
import { parseObjective } from '../../src/core/parse.ts';
import { buildWorkspace } from '../../src/core/workspace.ts';
import { readOkrTree } from '../../src/io/read-tree.ts';
import { CHECKIN_EXAMPLE, CHECKIN_FORM, isCheckinComment, parseCheckinCommand } from './checkin-command.ts';
import { canWrite, commitRepositoryFile, readRepositoryFile, reply } from './checkin-github.ts';
import { codeSpan, escapeMessage, escapeText } from './escape.ts';
import type { GitHubClient } from './github.ts';

const CommentEvent = z.looseObject({
  action: z.string(),
  comment: z.looseObject({ id: z.number(), body: z.string(), html_url: z.string().optional(), user: z.looseObject({ login: z.string(), id: z.number(), type: z.string().optional() }) }),
  issue: z.looseObject({ number: z.number().int().positive() }),
});

export interface CommentCheckinContext {
  client: GitHubClient;
  owner: string;
  repo: string;
  defaultBranch: string;
  workspace: string;
  root: string;
  today: string;
  log: (message: string) => void;
}

export type CommentCheckinOutcome = 'ignored' | 'refused' | 'invalid' | 'committed';

export async function checkinFromComment(eventJson: string | undefined, context: CommentCheckinContext): Promise<CommentCheckinOutcome> {
  const parsed = CommentEvent.safeParse(eventJson ? JSON.parse(eventJson) : {});
  if (!parsed.success) throw new Error('The issue_comment event has no comment, author or issue number');
  const { comment, issue, action } = parsed.data;
  if (action !== 'created' || !isCheckinComment(comment.body)) {
    context.log(`Not a new /checkin comment (${action}); nothing to do.`);
    return 'ignored';
  }
  const { client, owner, repo } = context;
  const thread = { owner, repo, issue: issue.number };
  const login = comment.user.login;
  if (comment.user.type === 'Bot' || !(await canWrite(client, { owner, repo, login }))) {
    await reply(
      client,
      thread,
      `Thank you for the check-in, ${escapeText(login, 60)}. Only people who may write to this repository can check in from a comment, so nothing was changed. Someone with write access can post it, or open a pull request that changes the key result.`,
    );
    context.log(`${login} may not write to ${owner}/${repo}: refused.`);
    return 'refused';
  }
  const fail = async (problem: string): Promise<'invalid'> => {
    await reply(client, thread, `Could not check in: ${escapeMessage(problem)}. Nothing was changed.\n\nThe form is\n\n    ${CHECKIN_FORM}\n\nfor example\n\n    ${CHECKIN_EXAMPLE}\n`);
    context.log(`Check-in refused: ${problem}`);
    return 'invalid';
  };
  const command = parseCheckinCommand(comment.body);
  if (!command.ok) return fail(command.problem);
  const workspace = buildWorkspace(context.root, await readOkrTree(context.root, context.workspace));
  const objective = workspace.objectives.find((each) => each.id === command.objective);
  if (objective === undefined) return fail(`No objective \`${command.objective}\`; the objectives are ${workspace.objectives.map((each) => `\`${each.id}\``).join(', ') || 'none'}`);
  if (objective.data === undefined) return fail(`\`${objective.path}\` does not match the schema; fix it first (\`okr lint\`)`);
  const index = objective.data.key_results.findIndex((kr) => kr.id === command.keyResult);
  const kr = objective.data.key_results[index];
  if (kr === undefined)
    return fail(`Objective \`${objective.id}\` has no key result \`${command.keyResult}\`; its key results are ${objective.data.key_results.map((each) => `\`${each.id}\``).join(', ')}`);
  const file = await readRepositoryFile(client, { owner, repo, path: objective.path, branch: context.defaultBranch });
  // The file as it is on the default branch now, which may be newer than the checkout.
  const current = parseObjective(objective.path, file.text).data?.key_results[index];
  if (current?.id !== kr.id) return fail(`\`${objective.path}\` changed on \`${context.defaultBranch}\` while this ran; post the check-in again`);
  const plan = planCheckin(current, command.request, context.today);
  if (!plan.ok) return fail(plan.reason === 'nothing-changed' ? `${plan.problem} after \`no change\`` : plan.problem);
  let after: string;
  try {
    after = editKeyResult(file.text, index, plan.edit);
  } catch (error) {
    if (!(error instanceof CheckinEditError)) throw error;
    return fail(error.message);
  }
  if (parseObjective(objective.path, after).data === undefined) return fail(`the new value does not fit the schema of \`${objective.path}\``);
  const name = `${objective.id}/${kr.id}`;
  const note = command.request.note;
  const message = `${note || `Check in ${name}: ${plan.summary}`}\n\n${name}: ${plan.summary}\nFrom ${comment.html_url ?? `comment ${comment.id}`}\n`;
  let sha: string;
  try {
    sha = await commitRepositoryFile(
      client,
      { owner, repo, path: objective.path, branch: context.defaultBranch, sha: file.sha },
      {
        text: after,
        message,
        author: { name: login, email: `${comment.user.id}+${login}@users.noreply.github.com` },
      },
    );
  } catch (error) {
    // 409: the file moved on since it was read; nothing of it is overwritten.
    if ((error as { status?: number }).status !== 409) throw error;
    return fail(`\`${objective.path}\` changed on \`${context.defaultBranch}\` while this ran; post the check-in again`);
  }
  await reply(
    client,
    thread,
    `Checked in ${codeSpan(name)}: ${escapeText(plan.summary)}${note ? `, with the note “${escapeText(note, 300)}”` : ''}. Commit ${codeSpan(sha.slice(0, 7))} on ${codeSpan(context.defaultBranch)}.`,
  );
  context.log(`Checked in ${name}: ${plan.summary} (${sha}).`);
  return 'committed';
}
