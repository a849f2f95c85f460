/** When each key result was last checked in: the newest point of its series in the history. */
import type { History } from '../../src/core/history-types.ts';

export type LastCheckin = (objectiveId: string, krId: string) => string | undefined;

export function lastCheckins(history: History): LastCheckin {
  const latest = new Map<string, string>();
  for (const objective of history.objectives) {
    if (objective.deleted) continue;
    for (const kr of objective.keyResults) {
      const date = kr.series.reduce<string | undefined>((newest, point) => (newest === undefined || point.date > newest ? point.date : newest), undefined);
      if (date !== undefined) latest.set(`${objective.id}\0${kr.id}`, date);
    }
  }
  return (objectiveId, krId) => latest.get(`${objectiveId}\0${krId}`);
}
