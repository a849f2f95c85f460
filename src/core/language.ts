/**
 * Reading OKR titles as language: the leading verb (with a part-of-speech
 * tagger), activities versus outcomes, quantities, vague and maintenance words.
 */
import nlp from 'compromise/two';

/** Verbs that name an activity: doing them is a step, not a result. */
const ACTIVITY_VERBS = new Set([
  'attend', 'watch', 'participate', 'help', 'consult', 'research', 'hold', 'take', 'read', 'study', 'practice', 'practise',
  'delegate', 'join', 'visit', 'meet', 'discuss', 'talk', 'call', 'email', 'schedule', 'plan', 'organize', 'organise',
  'try', 'explore', 'investigate', 'look', 'work', 'spend', 'dedicate', 'allocate', 'set', 'go', 'listen', 'follow',
  'block', 'block out', 'set aside', 'work on', 'sign', 'enroll', 'enrol', 'register', 'check', 'review', 'prepare', 'draft', 'brainstorm', 'think', 'start',
  'begin', 'continue', 'keep', 'maintain', 'focus', 'support', 'assist', 'coordinate', 'contact', 'reach out', 'update',
  'document', 'write', 'create', 'make', 'do', 'use', 'sync', 'shadow', 'observe', 'analyze', 'analyse', 'evaluate',
  'assess', 'monitor', 'track', 'collect', 'gather', 'ask', 'learn', 'train', 'run',
]);

/** Verbs that name a change in the world: reaching them is the result. */
const OUTCOME_VERBS = new Set([
  'raise', 'cut', 'grow', 'reach', 'get', 'earn', 'increase', 'reduce', 'decrease', 'lower', 'improve', 'achieve', 'win',
  'hit', 'exceed', 'double', 'triple', 'halve', 'land', 'close', 'sign up', 'acquire', 'gain', 'receive', 'secure', 'pass',
  'ship', 'launch', 'release', 'publish', 'deliver', 'complete', 'finish', 'obtain', 'score', 'lift', 'boost', 'shrink',
  'eliminate', 'attain', 'become', 'convert', 'retain', 'sell', 'save', 'drop', 'bring', 'keep', 'lose', 'build', 'have',
]);

/** Phrases that make a key result a habit or a to-do, whatever its verb. */
const ACTIVITY_PHRASES = [
  /\bblock out\b/, /\bhold (weekly |daily |monthly |regular )?meetings?\b/, /\btake (a|an|the|one|two|\d+) (\w+ )?(course|class|workshop|training)s?\b/,
  /\bsign up for\b/, /\bwork on\b/, /\bspend \d+\b/, /\bgo to\b/, /\bparticipate in\b/, /\bset aside\b/, /\bmake time\b/,
];

/** Recurring effort ("every day", "per week") reads as a habit when the verb is an activity. */
const RECURRENCE = /\b(every|each|per|a) (day|week|month|morning|evening|weekday|sprint)\b|\b(daily|weekly|monthly)\b/;

/** Outcome verbs whose object makes the sentence an activity after all: "Complete a course", "Finish reading". */
const ACTIVITY_OBJECTS = /\b(course|class|workshop|webinar|tutorial|meeting|session)s?\b(?! (assessment|exam|certificat))/;

const NUMBER_WORDS =
  /\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|double|twice|triple|thrice|once|all|every|zero|no|none|single|first)\b/;

const VAGUE_WORDS = new Set([
  'be', 'do', 'get', 'make', 'have', 'more', 'better', 'best', 'good', 'great', 'awesome', 'amazing', 'stuff', 'things',
  'thing', 'improve', 'improved', 'improvement', 'success', 'successful', 'succeed', 'excellent', 'excellence', 'various',
  'general', 'overall', 'world-class', 'nice', 'well', 'lot', 'lots', 'much', 'really', 'very', 'some', 'work', 'win',
  'wins', 'grow', 'growth', 'progress', 'optimize', 'optimise', 'synergy', 'synergies', 'level', 'up', 'next', 'crush',
  'it', 'everything', 'stuff', 'better', 'awesomeness', 'strong', 'stronger', 'impact', 'impactful', 'value',
]);

const STOP_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'my', 'our', 'i', 'we', 'at', 'by', 'from', 'as', 'this', 'that', 'all', 'our']);

const MAINTENANCE = /^(maintain|continue|keep( on)? doing|keep|sustain|stay|remain|preserve|carry on|uphold|do more of the same)\b|\bas usual\b|\bbusiness as usual\b/i;

interface Word {
  text: string;
  lemma: string;
  tags: string[];
}

const wordCache = new Map<string, Word[]>();

/** How many leading words the tagger reads: enough context for the first verb, and cheap. */
const TAGGED_WORDS = 5;

function words(title: string): Word[] {
  const cached = wordCache.get(title);
  if (cached) return cached;
  const document = nlp(title.trim().split(/\s+/).slice(0, TAGGED_WORDS).join(' '));
  document.compute('root');
  const terms: Word[] = document.docs.flat().map((term) => {
    const { text, normal, root, tags } = term as { text: string; normal: string; root?: string; tags: Set<string> };
    return { text, lemma: root ?? normal, tags: [...tags] };
  });
  if (wordCache.size > 10_000) wordCache.clear();
  wordCache.set(title, terms);
  return terms;
}

/** Subjects and modals before the verb: "I will attend…", "To reach…". */
const SKIPPED = /^(i|we|to|will|should|must|shall|can|also|then|finally|please)$/;

function firstWords(title: string): Word[] {
  const all = words(title).filter((word) => word.lemma !== '');
  // "I will attend…", "To reach…": skip the subject and modal.
  let start = 0;
  while (start < all.length && SKIPPED.test(all[start]!.lemma)) start++;
  return all.slice(start);
}

/**
 * Lemma of the verb the title starts with, if it starts with one. The tagger
 * decides first; a known verb it read as a noun ("Cut costs…") still counts
 * unless a noun follows it ("Work pace" is a topic, not an action), or `loose`.
 */
export function leadingVerb(title: string, options: { loose?: boolean } = {}): string | undefined {
  if (options.loose) {
    const known = knownLeadingVerb(title);
    if (known !== undefined) return known;
  }
  const [first, second] = firstWords(title);
  if (!first) return undefined;
  const lemma = first.lemma.toLowerCase();
  const pair = second ? `${lemma} ${second.lemma.toLowerCase()}` : '';
  if (ACTIVITY_VERBS.has(pair) || OUTCOME_VERBS.has(pair)) return pair;
  if (first.tags.includes('Verb')) return lemma;
  const known = ACTIVITY_VERBS.has(lemma) || OUTCOME_VERBS.has(lemma);
  if (known && (options.loose || second === undefined || !second.tags.includes('Noun') || second.tags.includes('Pronoun'))) return lemma;
  return undefined;
}

/** A known verb at the start, found without the tagger (the common case, and much cheaper). */
function knownLeadingVerb(title: string): string | undefined {
  const tokens = title.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let start = 0;
  while (start < tokens.length && SKIPPED.test(tokens[start]!)) start++;
  const [first, second] = [tokens[start], tokens[start + 1]];
  if (first === undefined) return undefined;
  const pair = `${first} ${second ?? ''}`;
  if (ACTIVITY_VERBS.has(pair) || OUTCOME_VERBS.has(pair)) return pair;
  return ACTIVITY_VERBS.has(first) || OUTCOME_VERBS.has(first) ? first : undefined;
}

/** Does a key result read like a task (an activity) instead of an outcome? */
export function isTaskLike(title: string): boolean {
  const lower = title.toLowerCase();
  if (ACTIVITY_PHRASES.some((phrase) => phrase.test(lower))) return true;
  const verb = leadingVerb(title, { loose: true });
  if (verb === undefined) return false;
  if (OUTCOME_VERBS.has(verb)) {
    if (/^(complete|finish)\b/.test(verb) && ACTIVITY_OBJECTS.test(lower)) return true;
    if (verb === 'keep' && !/\b(above|below|under|over|at|within)\b/.test(lower)) return true;
    return false;
  }
  if (ACTIVITY_VERBS.has(verb)) return true;
  return RECURRENCE.test(lower);
}

/** Does a title state a quantity: digits or number words? */
export function hasQuantity(title: string): boolean {
  return /\d/.test(title) || NUMBER_WORDS.test(title.toLowerCase());
}

/** Numbers that are not a year or a period name (`2026`, `Q4`, `H2`). */
export function metricNumbers(title: string): string[] {
  const withoutPeriods = title.replace(/\b(19|20)\d{2}\b/g, ' ').replace(/\b[QH][1-4]\b/gi, ' ').replace(/\b\d{1,2}(st|nd|rd|th)\b/gi, ' ');
  return withoutPeriods.match(/\d+(?:[.,]\d+)?\s*%?/g)?.map((match) => match.trim()) ?? [];
}

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

/** Does the title start with a verb (is it phrased as an action)? */
export function startsWithVerb(title: string): boolean {
  return leadingVerb(title) !== undefined;
}
