/**
 * Reading an OKR sentence's structure: its clauses, the main verb and what it
 * acts on, passive and existential statements of finished work, noun phrases.
 * Known words and word shapes decide most sentences; the part-of-speech
 * tagger is asked only when the first word could be a verb or a noun.
 */
import nlp from 'compromise/two';
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
const NOT_ADVERBS = new Set(['only', 'early', 'daily', 'weekly', 'monthly', 'yearly', 'quarterly', 'nightly', 'hourly', 'family', 'supply', 'apply', 'reply', 'assembly', 'rely', 'fly', 'italy', 'july', 'bi-weekly']);

function isAdverb(word: string): boolean {
  return word.length > 4 && word.endsWith('ly') && !NOT_ADVERBS.has(word);
}

const KNOWN_VERBS = [WORK_VERBS, OUTPUT_VERBS, CHANGE_VERBS, HOLD_VERBS];
const isKnownVerb = (word: string) => word === 'have' || KNOWN_VERBS.some((verbs) => verbs.has(word));

/** Known verbs that are as often nouns ("Support for …", "Research", "Test coverage"): the next word decides, else the tagger. */
const NOUN_LIKE = new Set(`
  support test research work plan review design track report post practice study call use model map set run pilot host survey
  start release launch build close record interview audit visit talk train sync sign source score rate email lead move
  process fix change file
`.trim().split(/\s+/));

/** Word endings of abstract nouns: "Responsiveness to clients" is a topic, whatever follows. */
const NOUN_SUFFIX = /(ness|tion|sion|ity|ment|ance|ence|ism|ship|acy|ure)$/;

const taggedCache = new Map<string, string[][]>();

/** Tags of the first words of a clause, from the tagger; cached per distinct clause. */
function tags(clause: string): string[][] {
  const cached = taggedCache.get(clause);
  if (cached) return cached;
  const terms = nlp(clause.split(/\s+/).slice(0, 6).join(' ')).docs.flat() as { tags: Set<string> }[];
  const result = terms.map((term) => [...term.tags]);
  if (taggedCache.size > 5000) taggedCache.clear();
  taggedCache.set(clause, result);
  return result;
}

/** Does the clause open with an imperative verb? Shape first, the tagger only when the shape is ambiguous. */
function opensWithVerb(tokens: readonly Token[], clause: string): boolean {
  const [first, second] = tokens;
  if (!first) return false;
  const followedByObject = second !== undefined && (OBJECT_STARTERS.has(second.lower) || /^[\d$€£<>]/.test(second.text) || /^[A-Z]/.test(second.text));
  // "Deploy times drop from 40 to 10": a measure and a change verb after the first word make it a subject.
  const third = tokens[2]?.lower ?? '';
  if (second !== undefined && MEASURES.has(second.lower) && (CHANGE_VERBS.has(third) || CHANGE_VERBS.has(third.replace(/e?s$/, '')))) return false;
  if (isKnownVerb(first.lower)) {
    if (!NOUN_LIKE.has(first.lower) || followedByObject || second === undefined) return true;
  } else if (/(ed|ing)$/.test(first.lower) || /^[A-Z0-9]{2,}/.test(first.text) || DETERMINERS.has(first.lower) || /\d/.test(first.text)) {
    return false;
  } else if (followedByObject && second !== undefined && !/^[A-Z]/.test(second.text) && !NOUN_SUFFIX.test(first.lower)) {
    return true;
  }
  const [firstTags] = tags(clause.slice(clause.toLowerCase().indexOf(first.lower)));
  return firstTags !== undefined && firstTags.includes('Verb') && !firstTags.includes('Gerund') && !firstTags.includes('PastTense');
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
  if (opensWithVerb(tokens, clause)) return { shape: 'verb', verb: first.lower, rest: tokens.slice(1) };
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
    if (participle && (isKnownVerb(participle) || OTHERS_VERBS.has(participle)) && (!bare || next === undefined || /^(and|or|by|in|for|on|with)$/.test(next))) {
      return { shape: 'statement', subject: tokens.slice(0, index), verb: word, participle, rest: tokens.slice(index + 1) };
    }
  }
  // No copula or participle: the tagger finds a finite verb after the subject ("A Daemon runs for 10 days", "IACV doubles").
  const clauseTags = tags(tokens.map((token) => token.text).join(' '));
  // A verb is lowercase mid-title (a capitalised word is a name), is not the last word ("regression tests"), and a
  // past form right before a noun is its modifier ("required stops").
  const verbAt = clauseTags.findIndex((termTags, index) => {
    const token = tokens[index];
    if (index === 0 || !token || /^[A-Z]/.test(token.text)) return false;
    if (index === tokens.length - 1 && !CHANGE_VERBS.has(token.lower.replace(/e?s$/, '')) && !CHANGE_VERBS.has(token.lower.replace(/s$/, ''))) return false;
    if (!termTags.includes('Verb') || termTags.includes('Gerund') || termTags.includes('Adjective')) return false;
    if (termTags.includes('PresentTense')) return true;
    const next = tokens[index + 1]!.lower;
    return termTags.includes('PastTense') && (PREPOSITIONS.has(next) || DETERMINERS.has(next) || /^\d/.test(next));
  });
  if (verbAt > 0 && tokens[verbAt] && !PREPOSITIONS.has(tokens[verbAt - 1]!.lower)) {
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
