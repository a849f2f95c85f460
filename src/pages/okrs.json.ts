/** The published summary: groups and every public objective with its standing, no series (src/core/okrs-json.ts). */
import { groupEntries, groupOfObjective, missionEntries, objectiveEntries, overview, siteFacts } from '../site/content.ts';
import { okrsJson, okrsSummary } from '../site/exports.ts';

export async function GET() {
  const [site, missions, objectives, groups, groupOf, { current }] = await Promise.all([siteFacts(), missionEntries(), objectiveEntries(), groupEntries(), groupOfObjective(), overview()]);
  const summary = okrsSummary({
    generatedAt: site.generatedAt,
    now: site.now,
    repo: site.repo,
    missions: missions.map((mission) => mission.data),
    objectives: objectives.map((entry) => entry.data.view),
    groupOf: new Map([...groupOf].map(([id, entry]) => [id, entry.group.id])),
    groups: groups.map((entry) => entry.group),
    period: current?.label ?? null,
    checkinCount: objectives.reduce((sum, entry) => sum + entry.data.checkins.length, 0),
    warnings: site.warnings,
  });
  return new Response(okrsJson(summary), { headers: { 'Content-Type': 'application/json' } });
}
