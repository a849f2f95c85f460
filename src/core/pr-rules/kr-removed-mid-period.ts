/** A key result deleted while its period runs: history loses it; `status: dropped` keeps it on record. */
import { START_OF_FILE } from '../finding.ts';
import { EXAMPLE_OBJECTIVE, isMidPeriod, locateKeyResult, objectivesById, periodOfObjective, type PrRule } from './pr-rule.ts';

const before = `${EXAMPLE_OBJECTIVE}
  - id: invites
    title: Get 3 unsolicited invitations to speak at other teams' meetings
    baseline: 0
    target: 3`;

const withoutInvites = before.slice(0, before.indexOf('  - id: invites') - 1);

export const krRemovedMidPeriod: PrRule = {
  id: 'kr-removed-mid-period',
  criterion: 'Specific and time-bound: “Have you clearly defined what needs to happen and by when?” A key result deleted before its date leaves no record of what was promised.',
  severity: 'warn',
  description: 'Deleting a key result after its period started rewrites history; mark it `status: dropped` with a `reason:` instead.',
  examples: {
    good: [
      { base: before, head: `${before}\n    status: dropped\n    reason: The other teams stopped their meetings`, now: '2026-11-02' },
      { base: before, head: withoutInvites, now: '2026-09-20' },
    ],
    bad: [{ base: before, head: withoutInvites, now: '2026-11-02' }],
    reports: [{ bad: 0, line: 4, column: 1, message: 'Key result `invites` was deleted during the period' }],
  },
  check(context) {
    if (!context.base) return;
    const after = objectivesById(context.head);
    const hint = 'Keep the key result with `status: dropped` and a `reason:` instead of deleting it';
    for (const objective of objectivesById(context.base).values()) {
      if (!isMidPeriod(periodOfObjective(objective), context.now)) continue;
      const current = after.get(objective.id);
      for (const kr of objective.data.key_results) {
        if (current?.data.key_results.some((candidate) => candidate.id === kr.id)) continue;
        if (current) {
          const at = current.data.key_results.length > 0 ? current.locate(['key_results'], 'key') : START_OF_FILE;
          context.report({ file: { path: current.path }, at, message: `Key result \`${kr.id}\` was deleted during the period`, hint });
        } else {
          // The whole file is gone: report where the key result was, in the file as it was.
          context.report({
            file: { path: objective.path },
            at: locateKeyResult(objective, kr),
            message: `Key result \`${kr.id}\` was deleted with its objective \`${objective.id}\` during the period`,
            hint,
          });
        }
      }
    }
  },
};
