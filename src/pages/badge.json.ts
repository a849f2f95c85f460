/** A shields.io endpoint badge: overall progress of the current period. */
import { overview } from '../site/content.ts';
import { badgeJson } from '../site/exports.ts';

export async function GET() {
  const { current } = await overview();
  return new Response(badgeJson(current), { headers: { 'Content-Type': 'application/json' } });
}
