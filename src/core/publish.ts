/**
 * What may be published of a history: private objectives, their check-ins, the
 * notes of commits that also touched them, the warnings that name them and the
 * links to them are gone. The shape stays `History`.
 */
import type { History } from './history-types.ts';

export const HIDDEN_MESSAGE = '(note hidden: the same commit changed a private objective)';

/**
 * `alsoPrivate`: ids that are private for another reason, e.g. a current file
 * marked `private: true` whose latest version the history could not read.
 */
export function publicHistory(history: History, alsoPrivate: ReadonlySet<string> = new Set()): History {
  const hidden = new Set([...alsoPrivate, ...history.objectives.filter((objective) => objective.private).map((objective) => objective.id)]);
  if (hidden.size === 0) return history;
  const hiddenObjectives = history.objectives.filter((objective) => hidden.has(objective.id));
  const hiddenWords = [...hidden, ...hiddenObjectives.flatMap((objective) => [objective.path, ...objective.previousPaths, objective.title])].filter((word) => word !== '');
  const mentionsHidden = (text: string | undefined) => text !== undefined && hiddenWords.some((word) => text.includes(word));
  // A commit that also checked in a private objective may talk about it in its message.
  const mixed = new Set(history.checkins.filter((checkin) => hidden.has(checkin.objective)).map((checkin) => checkin.commit));
  return {
    ...history,
    objectives: history.objectives
      .filter((objective) => !hidden.has(objective.id))
      .map((objective) => (hidden.has(objective.alignedTo) ? { ...objective, alignedTo: 'mission' } : objective)),
    checkins: history.checkins
      .filter((checkin) => !hidden.has(checkin.objective))
      .map((checkin) => (mixed.has(checkin.commit) || mentionsHidden(checkin.message) ? { ...checkin, message: HIDDEN_MESSAGE } : checkin)),
    warnings: history.warnings.filter((warning) => !mentionsHidden(warning.path) && !mentionsHidden(warning.message)),
  };
}
