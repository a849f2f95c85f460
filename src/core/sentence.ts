/**
 * Reading an OKR sentence's structure: its clauses, the main verb and what it
 * acts on, passive and existential statements of finished work, noun phrases.
 * Known words and word shapes decide; words the reader does not know are looked
 * up in an English lexicon (word-classes.json, built from compromise's by
 * scripts/build-lexicon.ts), so no tagger runs while linting.
 */
import wordClassLists from './word-classes.json' with { type: 'json' };
import { CHANGE_VERBS, DETERMINERS, MEASURES, HOLD_VERBS, OBJECT_STARTERS, OTHERS, OTHERS_VERBS, OUTPUT_VERBS, PARTICIPLES, PREPOSITIONS, WORK_VERBS } from './lexicon.ts';

export interface Token {
  text: string;
  lower: string;
}

/** How a clause begins: with an imperative verb, with a subject, or as a phrase without a verb. */
export type Opening =
  | { shape: 'verb'; verb: string; rest: Token[] }
  | { shape: 'statement'; subject: Token[]; verb: string; participle?: string; rest: Token[] }
  | { shape: 'existential'; rest: Token[] }
  | { shape: 'phrase' };

export function tokenize(text: string): Token[] {
  return (text.match(/[\p{L}\p{N}$€£][\p{L}\p{N}'’.,+%/&-]*[\p{L}\p{N}%+]|[\p{L}\p{N}$%]|[<>≥≤]/gu) ?? []).map((word) => ({ text: word, lower: word.toLowerCase() }));
}

/** "Improve defenses. Implement top 10 actions": each sentence, dash-part or colon-part is a clause. */
export function clauses(text: string): string[] {
  return text
    .split(/(?<=[\p{L}\p{N})"”'’])[.!?]\s+|\s+[-–—]\s+|;\s+|:\s+/u)
    .map((part) => part.trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
}

/** Modals, subjects and adverbs before the verb: "We will…", "Proactively help…", "Fully document…". */
const SKIPPED = new Set(['i', 'we', 'to', 'will', 'should', 'must', 'shall', 'can', 'also', 'then', 'finally', 'please', 'let’s', "let's"]);
const NOT_ADVERBS = new Set([
  'only',
  'early',
  'daily',
  'weekly',
  'monthly',
  'yearly',
  'quarterly',
  'nightly',
  'hourly',
  'family',
  'supply',
  'apply',
  'reply',
  'assembly',
  'rely',
  'fly',
  'italy',
  'july',
  'bi-weekly',
]);

function isAdverb(word: string): boolean {
  return word.length > 4 && word.endsWith('ly') && !NOT_ADVERBS.has(word);
}

const KNOWN_VERBS = [WORK_VERBS, OUTPUT_VERBS, CHANGE_VERBS, HOLD_VERBS];
const isKnownVerb = (word: string) => word === 'have' || KNOWN_VERBS.some((verbs) => verbs.has(word));

/** Known verbs that are as often nouns ("Support for …", "Research", "Test coverage"): the next words decide. */
const NOUN_LIKE = new Set(
  `
  support test research work plan review design track report post practice study call use model map set run pilot host survey
  start release launch build close record interview audit visit talk train sync sign source score rate email lead move
  process fix change file
`
    .trim()
    .split(/\s+/),
);

/** Verbs whose object is a whole clause: what follows may have its own finite verb. */
const CLAUSE_TAKING = new Set(['ensure', 'make', 'help', 'let', 'have', 'get', 'see', 'verify', 'confirm', 'check', 'prove', 'show', 'demonstrate', 'ask', 'require', 'allow', 'enable']);

/** Words that never open an imperative: prepositions, determiners, conjunctions, numbers in words. */
const FUNCTION_WORDS =
  /^(a|an|the|at|in|on|of|for|by|with|from|to|no|not|only|both|either|neither|if|when|while|because|all|each|every|any|some|most|more|less|few|many|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|zero|half|our|my|their|its|this|that|these|those|it|they|he|she|you|there|here)$/;

/** Word endings of abstract nouns: "Responsiveness to clients" is a topic, whatever follows. */
const NOUN_SUFFIX = /(ness|tion|sion|ity|ment|ance|ence|ism|ship|acy|ure)$/;
/** Endings of nouns and adjectives a lexicon may not hold ("Refresher", "Competitive"). */
const NOT_VERB_SUFFIX = /(er|or|lar|ist|al|ic|ous|ive|ful|less|able|ible|ary|ery|ics|ies|ness|tion|sion|ity|ment|ance|ence|ism|ship|acy|ure|ing|ed)$/;

type WordClass = keyof typeof wordClassLists;
let wordClasses: Map<string, WordClass> | undefined;

/** The class the English lexicon gives a word, if it holds it. */
export function wordClass(word: string): WordClass | undefined {
  if (!wordClasses) {
    wordClasses = new Map();
    for (const [name, words] of Object.entries(wordClassLists) as [WordClass, string][]) for (const entry of words.split(' ')) wordClasses.set(entry, name);
  }
  return wordClasses.get(word);
}

/** The verb of a third-person present form ("works" → "work", "reaches" → "reach"), if the word is one. */
function presentForm(word: string): string | undefined {
  if (!/[^s]s$/.test(word)) return undefined;
  const stems = [word.slice(0, -1), word.replace(/(?<=(ss|sh|ch|x|z|o))es$/, ''), word.replace(/ies$/, 'y')];
  const stem = stems.find((candidate) => candidate !== word && (isKnownVerb(candidate) || OTHERS_VERBS.has(candidate) || wordClass(candidate) === 'infinitive'));
  return stem ?? (wordClass(word) === 'present' ? word.slice(0, -1) : undefined);
}

/** Is an unknown word a verb? The lexicon first, then its shape ("Renegotiate", "Redesign" against "Refresher"). */
function looksLikeVerb(word: string): boolean {
  const known = wordClass(word);
  if (known !== undefined) return known === 'infinitive';
  // A plural is a noun: "Presentations", "Refreshers".
  if (/[^s]s$/.test(word)) return false;
  if (/(ize|ise|ate|ify)$/.test(word)) return true;
  const unprefixed = word.replace(/^(re|un|de|co|pre|over|out|up)-?(?=\w{3})/, '');
  if (unprefixed !== word && (isKnownVerb(unprefixed) || wordClass(unprefixed) === 'infinitive')) return true;
  return !NOT_VERB_SUFFIX.test(word);
}

/** Does the clause open with an imperative verb? Known verbs, then what follows them, then the lexicon and word shapes. */
function opensWithVerb(tokens: readonly Token[]): boolean {
  const [first, second] = tokens;
  if (!first) return false;
  // "js-ipfs can handle …", "Cells are …": a copula or an auxiliary second makes the first word a subject.
  if (second !== undefined && (COPULAS.has(second.lower) || (AUXILIARIES.has(second.lower) && second.lower !== 'have' && second.lower !== 'has'))) return false;
  const followedByObject = second !== undefined && (OBJECT_STARTERS.has(second.lower) || /^[\d$€£<>]/.test(second.text) || /^[A-Z]/.test(second.text));
  // "Deploy times drop from 40 to 10", "Flaky tests drop to 0": a plural or a measure, then a change verb, is a subject.
  const after = tokens[2]?.lower ?? '';
  if (second !== undefined && (MEASURES.has(second.lower) || /[^s]s$/.test(second.lower)) && (CHANGE_VERBS.has(after) || CHANGE_VERBS.has(after.replace(/e?s$/, '')))) return false;
  // "Go to definition works across repositories": verb, preposition, noun, then a finite verb is a feature's name
  // as the subject, unless the first verb takes a clause ("Ensure the team selects …", "Help customers succeed").
  if (isKnownVerb(first.lower) && !CLAUSE_TAKING.has(first.lower)) {
    const finiteAt = tokens.findIndex(
      (token, index) =>
        index >= 2 &&
        index <= 4 &&
        presentForm(token.lower) !== undefined &&
        /^[a-z]/.test(token.text) &&
        !/^(that|which|who)$/.test(tokens[index - 1]!.lower) &&
        !DETERMINERS.has(tokens[index - 1]!.lower) &&
        !/[^s]s$/.test(tokens[index - 1]!.lower),
    );
    if (finiteAt !== -1 && PREPOSITIONS.has(tokens[1]!.lower)) return false;
  }
  // "Work pace", "Code quality and reliability": a word that can be a noun before a singular noun that ends the title
  // (or its first half) is a compound noun, a topic.
  const third = tokens[2]?.lower;
  const compound =
    second !== undefined &&
    /^[a-z]/.test(second.text) &&
    !/[^s]s$/.test(second.lower) &&
    (wordClass(second.lower) === 'noun' || MEASURES.has(second.lower) || (wordClass(second.lower) === undefined && !/(ing|ed)$/.test(second.lower))) &&
    (third === undefined || third === 'and' || third === '&' || (PREPOSITIONS.has(third) && third !== 'to'));
  if (isKnownVerb(first.lower)) {
    if (!NOUN_LIKE.has(first.lower) || followedByObject || second === undefined) return true;
    if (compound) return false;
    // "Support for signed artifacts", "Test coverage above 80%": a noun before "for"/"of" or a measure.
    return !/^(for|of)$/.test(second.lower) && !MEASURES.has(second.lower);
  }
  if (/(ed|ing)$/.test(first.lower) || /^[A-Z0-9]{2,}/.test(first.text) || /\d/.test(first.text) || FUNCTION_WORDS.test(first.lower)) return false;
  if (wordClass(first.lower) === 'infinitive') return !compound;
  if (NOUN_SUFFIX.test(first.lower)) return false;
  // "js-ipfs can …", "First-time visitors …": a name or a compound, unless a prefixed verb ("re-queue").
  if (/[-.]/.test(first.lower) && !/^(re|co|pre|de)-/.test(first.lower)) return false;
  const firstClass = wordClass(first.lower);
  // "Partner with departments": a verb that takes "with"; "Net new ARR": a noun before an adjective is no verb.
  if (second?.lower === 'with') return true;
  if (followedByObject && !/^[A-Z]/.test(second!.text) && firstClass !== 'noun' && firstClass !== 'adjective') return true;
  if (second !== undefined && PREPOSITIONS.has(second.lower) && wordClass(first.lower) !== 'infinitive') return false;
  return looksLikeVerb(first.lower);
}

const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'gets', 'get', 'got', 'become', 'becomes', 'stays', 'remains']);
const AUXILIARIES = new Set(['can', 'will', 'should', 'must', 'may', 'could', 'would', 'does', 'do', 'has', 'have', 'had']);

/** The verb a participle comes from: "documented" → "document", "shipped" → "ship", "written" → "write". */
export function participleVerb(word: string): string | undefined {
  if (PARTICIPLES[word]) return PARTICIPLES[word];
  if (!/(ed|en)$/.test(word) || word.length < 4) return undefined;
  const stem = word.replace(/ed$/, '');
  const candidates = [stem, `${stem}e`, stem.replace(/i$/, 'y'), stem.replace(/(.)\1$/, '$1'), word.replace(/d$/, '')];
  return candidates.find((candidate) => isKnownVerb(candidate) || OTHERS_VERBS.has(candidate)) ?? stem;
}

/** Reads how a clause opens. */
export function opening(clause: string): Opening {
  let tokens = tokenize(clause);
  while (tokens.length > 1 && (SKIPPED.has(tokens[0]!.lower) || isAdverb(tokens[0]!.lower))) tokens = tokens.slice(1);
  const [first, second] = tokens;
  if (!first) return { shape: 'phrase' };
  if (first.lower === 'there' && second && COPULAS.has(second.lower)) return { shape: 'existential', rest: tokens.slice(2) };
  // "ProtoSchool has its own Roadmap": a subject that has a thing states that the thing exists.
  const has = tokens.findIndex((token, index) => index > 0 && index < 4 && (token.lower === 'has' || token.lower === 'have'));
  if (has > 0 && !isKnownVerb(first.lower) && !tokens.slice(0, has).some((token) => AUXILIARIES.has(token.lower) && token.lower !== 'has' && token.lower !== 'have')) {
    const participle = tokens[has + 1] && participleVerb(tokens[has + 1]!.lower);
    if (!participle || !isKnownVerb(participle)) return { shape: 'existential', rest: tokens.slice(has + 1) };
  }
  if (opensWithVerb(tokens)) return { shape: 'verb', verb: first.lower, rest: tokens.slice(1) };
  // A subject, then a copula, an auxiliary, a participle or "exists": a statement.
  for (let index = 1; index < tokens.length; index++) {
    const word = tokens[index]!.lower;
    if (PREPOSITIONS.has(word) && index === 1 && !/\d/.test(first.text)) break;
    if (COPULAS.has(word) || AUXILIARIES.has(word) || word === 'exists' || word === 'exist') {
      let after = index + 1;
      while (after < tokens.length && (isAdverb(tokens[after]!.lower) || tokens[after]!.lower === 'not' || tokens[after]!.lower === 'been')) after++;
      const participle = tokens[after] && participleVerb(tokens[after]!.lower);
      return { shape: 'statement', subject: tokens.slice(0, index), verb: word, ...(participle ? { participle } : {}), rest: tokens.slice(after + (participle ? 1 : 0)) };
    }
    const participle = participleVerb(word);
    const next = tokens[index + 1]?.lower;
    // "reconciliation complete and tested" is a state; "Managers complete the course" is a verb: a bare form needs the end or a conjunction.
    const bare = !/(ed|en)$/.test(word);
    // "run", "set", "read", "cut" without a copula are present tense ("Automated tests run on every pull request").
    const presentToo = bare && (isKnownVerb(word) || OTHERS_VERBS.has(word)) && PARTICIPLES[word] === word && !/^(complete|ready|live|underway)$/.test(word);
    if (participle && !presentToo && (isKnownVerb(participle) || OTHERS_VERBS.has(participle)) && (!bare || next === undefined || /^(and|or|by|in|for|on|with)$/.test(next))) {
      return { shape: 'statement', subject: tokens.slice(0, index), verb: word, participle, rest: tokens.slice(index + 1) };
    }
  }
  // No copula or participle: a finite verb after the subject ("A Daemon runs for 10 days", "IACV doubles"). A verb is
  // lowercase mid-title (a capitalised word is a name), follows no determiner, number or preposition, is not the last
  // word unless it is a change ("regression tests" against "Usage increases"), and a past form right before a noun is its
  // modifier ("required stops").
  const verbAt = tokens.findIndex((token, index) => {
    if (index === 0 || /^[A-Z0-9]/.test(token.text)) return false;
    const previous = tokens[index - 1]!.lower;
    if (DETERMINERS.has(previous) || PREPOSITIONS.has(previous) || /^\d/.test(previous)) return false;
    const stem = token.lower.replace(/(?<=[^s])s$/, '').replace(/(?<=(ss|sh|ch|x|o))es$/, '');
    const next = tokens[index + 1]?.lower;
    const beforeObject = next !== undefined && (PREPOSITIONS.has(next) || DETERMINERS.has(next) || /^[\d$€£]/.test(next));
    // "Automated tests run on …": a plural followed by a verb is the subject, not the verb.
    const nextIsVerb = next !== undefined && (isKnownVerb(next) || wordClass(next) === 'infinitive') && !PREPOSITIONS.has(next);
    const finite = !nextIsVerb && presentForm(token.lower) !== undefined && (wordClass(token.lower) !== 'noun' || beforeObject || index === tokens.length - 1);
    const past = wordClass(token.lower) === 'past';
    // "Three downstream projects adopt …", "Organic search visits reach …": a base form after a plural subject.
    const plural = /[^s']s$/.test(previous);
    if (plural && next !== undefined && (isKnownVerb(token.lower) || OTHERS_VERBS.has(token.lower) || wordClass(token.lower) === 'infinitive')) return true;
    if (!finite && !past) return false;
    if (next === undefined) return CHANGE_VERBS.has(stem) || CHANGE_VERBS.has(token.lower.replace(/s$/, ''));
    return finite || beforeObject;
  });
  if (verbAt > 0) {
    return { shape: 'statement', subject: tokens.slice(0, verbAt), verb: tokens[verbAt]!.lower.replace(/e?s$/, ''), rest: tokens.slice(verbAt + 1) };
  }
  return { shape: 'phrase' };
}

/** Are these words about other people or organisations ("users", "customers", "3 OSS projects")? */
export function mentionsOthers(tokens: readonly Token[]): boolean {
  return tokens.some((token) => OTHERS.has(token.lower));
}

/** The head noun of a noun phrase: its last word before a preposition or relative word ("developer documentation" → "documentation"). */
export function headOf(tokens: readonly Token[]): Token | undefined {
  const end = tokens.findIndex((token, index) => index > 0 && (PREPOSITIONS.has(token.lower) || /^(that|which|who|and|or)$/.test(token.lower)));
  return (end === -1 ? tokens : tokens.slice(0, end)).at(-1);
}

/** Is a gerund made from a verb the reader knows ("Improving", "Rebuilding"), not a noun in -ing ("Engineering", "Marketing")? */
export function isKnownGerund(word: string): boolean {
  if (!word.endsWith('ing') || word.length < 6) return false;
  const stems = [word.slice(0, -3), word.slice(0, -3).replace(/^(re|un|over|out)(?=\w{3})/, '')];
  return stems.some((stem) => [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')].some((candidate) => isKnownVerb(candidate) || OTHERS_VERBS.has(candidate)));
}
