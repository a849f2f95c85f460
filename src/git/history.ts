/**
 * TEMPORARY stand-in for the history reader, so the site can be built before
 * the real `readHistory` lands; the merge replaces this whole file.
 *
 * It reads only the CURRENT files (no git): one series point per key result,
 * dated `now`, with commit `""`, no check-ins, no trends, and a warning that
 * says the history was not read. Only the signature and the `History` shape
 * are relied on elsewhere.
 */
import type { History, KeyResultHistory, ObjectiveHistory } from '../core/history-types.ts';
import { resolvePeriod } from '../core/period.ts';
import { expectedProgress, keyResultKind, keyResultProgress, keyResultWindow } from '../core/score.ts';
import { buildWorkspace, ownerOf, validObjectives } from '../core/workspace.ts';
import { readOkrTree } from '../io/read-tree.ts';

export async function readHistory(repo: string, options: { now: string; root?: string }): Promise<History> {
  const root = options.root ?? 'okrs';
  const { now } = options;
  const workspace = buildWorkspace(root, await readOkrTree(root, repo));
  const objectives = validObjectives(workspace).map((file): ObjectiveHistory => {
    const period = resolvePeriod(file.data.period);
    const keyResults = file.data.key_results.map((kr): KeyResultHistory => {
      const kind = keyResultKind(kr);
      return {
        id: kr.id,
        title: kr.title,
        kind,
        ...(kr.baseline === undefined ? {} : { baseline: kr.baseline }),
        ...(kr.target === undefined ? {} : { target: kr.target }),
        ...(kr.keep_above === undefined ? {} : { keep_above: kr.keep_above }),
        ...(kr.keep_below === undefined ? {} : { keep_below: kr.keep_below }),
        ...(kr.unit === undefined ? {} : { unit: kr.unit }),
        due: kr.due ?? period.end ?? null,
        weight: kr.weight ?? 1,
        status: kr.status ?? 'active',
        series: [
          {
            date: now,
            commit: '',
            value: kind === 'milestone' ? (kr.done ? 1 : 0) : (kr.current ?? null),
            progress: keyResultProgress(kr),
            expected: expectedProgress(keyResultWindow(kr, period), now) ?? null,
            ...(kr.confidence === undefined ? {} : { confidence: kr.confidence }),
          },
        ],
        trend: null,
      };
    });
    return {
      id: file.id,
      title: file.data.title,
      path: file.path,
      previousPaths: [],
      period: { label: period.label, start: period.start, end: period.end ?? null },
      owner: ownerOf(workspace, file) ?? null,
      type: file.data.type,
      alignedTo: file.data.aligned_to,
      private: file.data.private,
      created: { date: now, commit: '' },
      deleted: null,
      keyResults,
    };
  });
  const missions = workspace.missions.flatMap((mission) =>
    mission.data ? [{ path: mission.path, mission: mission.data.mission, owner: mission.data.owner ?? null, body: mission.body }] : [],
  );
  return {
    generatedAt: now,
    repo: '',
    missions,
    objectives,
    checkins: [],
    warnings: [{ message: 'history not read: progress shows the current files only' }],
  };
}
