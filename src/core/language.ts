/**
 * Reading OKR titles as language: vague words and maintenance. The structure of
 * a sentence (its verb, what it acts on, its quantities) is read in judgement.ts,
 * sentence.ts and quantity.ts.
 */

const VAGUE_WORDS = new Set([
  'be',
  'do',
  'get',
  'make',
  'have',
  'more',
  'better',
  'best',
  'good',
  'great',
  'awesome',
  'amazing',
  'stuff',
  'things',
  'thing',
  'improve',
  'improved',
  'improvement',
  'success',
  'successful',
  'succeed',
  'excellent',
  'excellence',
  'various',
  'general',
  'overall',
  'world-class',
  'nice',
  'well',
  'lot',
  'lots',
  'much',
  'really',
  'very',
  'some',
  'work',
  'win',
  'wins',
  'grow',
  'growth',
  'progress',
  'optimize',
  'optimise',
  'synergy',
  'synergies',
  'level',
  'up',
  'next',
  'crush',
  'it',
  'everything',
  'stuff',
  'better',
  'awesomeness',
  'strong',
  'stronger',
  'impact',
  'impactful',
  'value',
]);

const STOP_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'my', 'our', 'i', 'we', 'at', 'by', 'from', 'as', 'this', 'that', 'all', 'our']);

const MAINTENANCE = /^(maintain|continue|keep( on)? doing|keep|sustain|stay|remain|preserve|carry on|uphold|do more of the same)\b|\bas usual\b|\bbusiness as usual\b/i;

/** True when every meaningful word of the title is vague ("Be better", "Do great things"). */
export function isVague(title: string): boolean {
  const meaningful = title
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((word) => word !== '' && !STOP_WORDS.has(word));
  return meaningful.length > 0 && meaningful.every((word) => VAGUE_WORDS.has(word));
}

export function isBusinessAsUsual(title: string): boolean {
  return MAINTENANCE.test(title.trim());
}
