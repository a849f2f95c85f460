/** When each key result was last checked in, as the standing on the history's day says (src/core/standing.ts). */
import type { History } from '../../src/core/history-types.ts';
import { standingOn } from '../../src/core/standing.ts';

export type LastCheckin = (objectiveId: string, krId: string) => string | undefined;

export function lastCheckins(history: History): LastCheckin {
  const latest = new Map<string, string>();
  for (const objective of standingOn(history, history.generatedAt).objectives) {
    if (objective.archived) continue;
    for (const kr of objective.keyResults) if (kr.lastCheckin !== null) latest.set(`${objective.id}\0${kr.id}`, kr.lastCheckin);
  }
  return (objectiveId, krId) => latest.get(`${objectiveId}\0${krId}`);
}
