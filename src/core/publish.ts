/**
 * What may be published of a history: private objectives, their check-ins, the
 * notes of commits that also touched them, the warnings that name them and the
 * links to them are gone. The shape stays `History`.
 */
import { alignedIds } from './alignment.ts';
import type { History } from './history-types.ts';
import { withoutComments } from './obsidian-comments.ts';
import { isSourceReference } from './org.ts';

export const HIDDEN_MESSAGE = '(note hidden: the same commit changed a private objective)';

/**
 * `alsoPrivate`: ids that are private for another reason, e.g. a current file
 * marked `private: true` whose latest version the history could not read.
 */
export function publicHistory(history: History, alsoPrivate: ReadonlySet<string> = new Set()): History {
  const { privateCommits = [], ...rest } = history;
  const hidden = new Set([...alsoPrivate, ...history.objectives.filter((objective) => objective.private).map((objective) => objective.id)]);
  const hiddenObjectives = history.objectives.filter((objective) => hidden.has(objective.id));
  const hiddenWords = [...hidden, ...hiddenObjectives.flatMap((objective) => [objective.path, ...objective.previousPaths, objective.title])].filter((word) => word !== '');
  const mentionsHidden = mentionsAny(hiddenWords);
  // A commit that also changed a private objective may talk about it in its message.
  const mixed = new Set([...privateCommits, ...history.checkins.filter((checkin) => hidden.has(checkin.objective)).map((checkin) => checkin.commit)]);
  const objectives = history.objectives.filter((objective) => !hidden.has(objective.id));
  const publicIds = new Set(objectives.map((objective) => objective.id));
  return {
    ...rest,
    // Obsidian's `%% … %%` comments stay in the vault.
    missions: history.missions.map((mission) => ({ ...mission, body: withoutComments(mission.body) })),
    objectives: objectives.map((objective) => ({ ...objective, alignedTo: publicAlignment(objective.alignedTo, publicIds) })),
    checkins: history.checkins
      .filter((checkin) => !hidden.has(checkin.objective))
      .map((checkin) => (mixed.has(checkin.commit) || mentionsHidden(checkin.message) ? { ...checkin, message: HIDDEN_MESSAGE } : checkin)),
    // A warning about a version in a commit that changed a private file may quote that version.
    warnings: history.warnings.filter((warning) => !mentionsHidden(warning.path) && !mentionsHidden(warning.message) && !(warning.commit !== undefined && mixed.has(warning.commit))),
  };
}

/**
 * A test of whether a text contains any of the words, as `words.some((word) => text.includes(word))` but in one
 * pass of one regular expression: a long history has many check-in messages and may hide many objectives.
 */
export function mentionsAny(words: readonly string[]): (text: string | undefined) => boolean {
  if (words.length === 0) return () => false;
  const pattern = new RegExp(words.map((word) => word.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|'));
  return (text) => text !== undefined && pattern.test(text);
}

/**
 * `aligned_to` as published: each `<id>` or `<id>/<kr>` that names anything but a published objective
 * (or another repository's objective) is dropped from the list, and an objective left with none serves the mission. One id stays a string.
 */
export function publicAlignment(alignedTo: string | readonly string[], publicIds: ReadonlySet<string>): string | string[] {
  // One to another repository's objective (`team-platform:latency`) stays for an organisation's site to resolve.
  const kept = alignedIds(alignedTo).filter((id) => publicIds.has(id.split('/')[0] ?? '') || isSourceReference(id));
  if (kept.length === 0) return 'mission';
  return typeof alignedTo === 'string' || kept.length === 1 ? kept[0]! : kept;
}
