/** The published history: the documented `History` shape without private objectives, with the standing on the build day. */
import type { History } from '../core/history-types.ts';
import { missionEntries, objectiveEntries, rawCheckins, siteFacts, siteStanding } from '../site/content.ts';
import { okrsJson } from '../site/exports.ts';

export async function GET() {
  const [site, missions, objectives, checkins, standing] = await Promise.all([siteFacts(), missionEntries(), objectiveEntries(), rawCheckins(), siteStanding()]);
  const history: History = {
    generatedAt: site.generatedAt,
    repo: site.repo,
    missions: missions.map((entry) => entry.data),
    objectives: objectives.map((entry) => entry.data.history),
    checkins,
    warnings: site.warnings,
  };
  return new Response(okrsJson(history, standing), { headers: { 'Content-Type': 'application/json' } });
}
