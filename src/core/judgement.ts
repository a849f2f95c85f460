/**
 * Judging OKR sentences by their structure: is a key result a task, a count of
 * the team's own output, or an outcome; does an objective name an action or a change?
 * Each verdict carries its reason in the sentence's own words.
 */
import { ACTIVITIES, CHANGE_VERBS, HOLD_VERBS, MEASURES, OTHERS, OTHERS_VERBS, OUTPUT_VERBS, RATES, RESULT_AFTER_MAKE, WEAK_CHANGE_VERBS, WORK_VERBS } from './lexicon.ts';
import { clauses, headOf, isKnownGerund, mentionsOthers, opening, tokenize, type Token } from './sentence.ts';

export type KeyResultReading =
  | { kind: 'outcome' }
  /** `because` completes "… reads like a task: …". */
  | { kind: 'task'; because: string }
  /** `output` is what is counted or delivered ("posts", "the beta"). */
  | { kind: 'output'; clause: string; output: string };

/** A level to reach or hold: percentages, comparisons, "from … to …". */
const LEVEL =
  /%|[<>≥≤]|^zero\b|\b(at least|at most|more than|less than|fewer than|no more than|not more than|never more than|or more|or higher|or better|or less|up to|under|below|above|within|over \d|from\b.+\bto\b.*\d|by \d|\d+(\.\d+)?x)\b/;
/** The stronger kind, for verbs of work and output: counts of own work say "at least" too. */
const STRONG_LEVEL = /%|[<>≥≤]|\b(more than|less than|fewer than|no more than|from\b.+\bto\b.*\d|(up|down) from \d)\b/;
const RECURRENCE = /\b(every|each|per|a|an) (day|week|month|morning|evening|night|weekday|workday|sprint)\b|\b(daily|weekly|monthly|bi-weekly|biweekly|nightly|twice a|times a)\b|\/(day|week|month)\b/;

const text = (tokens: readonly Token[]) => tokens.map((token) => token.text).join(' ');
const quoted = (words: string) => `“${words}”`;
const hasMeasure = (tokens: readonly Token[]) => tokens.some((token) => MEASURES.has(token.lower));
/** Objects that are the team's own work items: "80% of bugs", "100% of features". */
const mentionsWork = (tokens: readonly Token[]) => tokens.some((token) => /^(bugs?|issues?|features?|tickets?|tasks?|items?|labels?|actions?|improvements?|tests?|docs?|pages?)$/.test(token.lower));

/** The thing a verb acts on, for the message: "Publish 5 blog posts" → "posts", "Ship the beta" → "the beta". */
function objectOf(rest: readonly Token[]): string {
  const words: string[] = [];
  for (const token of rest) {
    if (/^(for|on|in|of|to|with|by|from|at|into|about|across|within|per|via|and|or|that|which|so|as|during|before|after|until)$/.test(token.lower)) break;
    words.push(token.text);
  }
  const nouns = words.filter((word) => !/^[\d$€£<>+]/.test(word) && !/^(at|least|most|a|an|the|our|my|new|all|more|up|out|top)$/i.test(word));
  const head = nouns.at(-1);
  if (head === undefined) return 'it';
  const plural = /[^s]s$/i.test(head) || words.some((word) => /^\d/.test(word) && !/^1$/.test(word));
  return plural ? `the ${head}` : `the ${nouns.slice(-2).join(' ')}`;
}

/** A head noun as the message names it: "the docs", but a name as it is ("js.ipfs.io"). */
function named(head: Token | undefined): string {
  if (head === undefined) return 'it';
  return /[.\d]|^[A-Z]/.test(head.text) ? head.text : `the ${head.text}`;
}

function readClause(clause: string, alone: boolean): KeyResultReading | undefined {
  const lower = clause.toLowerCase();
  if (!alone && /^(it|this|they|these|that)\b/.test(lower)) return undefined; // "… . It documents achievements": says more about the clause before
  if (/^(daily|weekly|monthly|bi-weekly|biweekly|nightly)\b/.test(lower) && !LEVEL.test(lower) && !hasMeasure(tokenize(clause)))
    return { kind: 'task', because: `${quoted(clause)} is a habit, not a result it brings` };
  const opened = opening(clause);
  const level = LEVEL.test(lower);
  switch (opened.shape) {
    case 'verb': {
      const { verb, rest } = opened;
      const words = quoted(clause);
      if (HOLD_VERBS.has(verb)) return level || hasMeasure(rest) ? { kind: 'outcome' } : { kind: 'task', because: `${words} keeps up a habit or an activity (“${verb}”), not a level to hold` };
      if (verb === 'get' && /^(started|going|ready|set)$/.test(rest[0]?.lower ?? ''))
        return { kind: 'task', because: `${words} is work to do (“get ${rest[0]!.text}”), not the result it should bring` };
      if (verb === 'have') return mentionsOthers(rest) || STRONG_LEVEL.test(lower) || /\b(at least|over)\b/.test(lower) ? { kind: 'outcome' } : { kind: 'output', clause, output: objectOf(rest) };
      if (WEAK_CHANGE_VERBS.has(verb)) {
        // "Generate 500 qualified leads" (others, a measure, a level) against "Generate 3 guides", "Gain feedback" (work).
        const head = headOf(rest.filter((token) => !/^(at|least|over|more|than|up|to)$/.test(token.lower)));
        const money = /[$€£]\d|\b\d+ (hours|days|minutes|weeks)\b/.test(lower);
        const result =
          money ||
          LEVEL.test(lower.replace(/\bat least\b/, '')) ||
          (head !== undefined && (OTHERS.has(head.lower) || MEASURES.has(head.lower))) ||
          (verb === 'make' && RESULT_AFTER_MAKE.test(lower)) ||
          (verb === 'get' && /^(listed|accepted|chosen|selected|featured|certified)$/.test(rest[0]?.lower ?? ''));
        if (result && (money || !RECURRENCE.test(lower))) return { kind: 'outcome' };
        return { kind: 'task', because: `${words} is work to do (“${verb}”), not the result it should bring` };
      }
      if (CHANGE_VERBS.has(verb)) return { kind: 'outcome' };
      if (OUTPUT_VERBS.has(verb)) {
        if (ACTIVITIES.test(lower)) return { kind: 'task', because: `${words} is an activity (“${verb}”), not a result it brings` };
        // A rate against a baseline or a limit ("12 per sprint, up from 8", "within 40 hours a week") is a level of throughput.
        return STRONG_LEVEL.test(lower) || /\bwithin \d/.test(lower) ? { kind: 'outcome' } : { kind: 'output', clause, output: objectOf(rest) };
      }
      // "Master pipeline stability >95%": a measure held at a level is a result, whatever word opens the title.
      if (WORK_VERBS.has(verb) && hasMeasure(rest) && STRONG_LEVEL.test(lower) && !mentionsWork(rest)) return { kind: 'outcome' };
      if (WORK_VERBS.has(verb)) {
        const phrasal = /^(out|up|on|off|down|in)$/.test(rest[0]?.lower ?? '') ? `${verb} ${rest[0]!.lower}` : verb;
        return { kind: 'task', because: `${words} is ${RECURRENCE.test(lower) ? 'a habit' : 'work to do'} (“${phrasal}”), not the result it should bring` };
      }
      return STRONG_LEVEL.test(lower) || (level && hasMeasure(rest)) ? { kind: 'outcome' } : { kind: 'task', because: `${words} is work to do (“${verb}”), not the result it should bring` };
    }
    case 'existential':
      return level || mentionsOthers(opened.rest) ? { kind: 'outcome' } : { kind: 'task', because: `${quoted(clause)} states that work exists, not what it changes` };
    case 'statement': {
      const { participle, verb, subject } = opened;
      const done = participle ?? (verb === 'exists' || verb === 'exist' ? 'exist' : undefined);
      if (done === undefined) {
        // "A Daemon runs for 10 days", "Students score higher": behaviour of a system or of others, unless it is an activity ("Managers complete the course").
        if ((WORK_VERBS.has(verb) || OUTPUT_VERBS.has(verb)) && ACTIVITIES.test(text(opened.rest).toLowerCase()))
          return { kind: 'task', because: `${quoted(clause)} is an activity (“${verb}”), not a result it brings` };
        return { kind: 'outcome' };
      }
      const head = headOf(subject);
      if (OTHERS_VERBS.has(done) || CHANGE_VERBS.has(done) || level || (head !== undefined && OTHERS.has(head.lower))) return { kind: 'outcome' };
      const state = `${verb === done ? '' : `${verb} `}${opened.participle ? (tokenize(clause).find((token) => token.lower.startsWith(done.slice(0, 4)))?.text ?? done) : verb}`.trim();
      if (OUTPUT_VERBS.has(done)) return { kind: 'output', clause, output: named(headOf(subject)) };
      return { kind: 'task', because: `${quoted(clause)} restates work as done (“${state}”), not what it changes` };
    }
    case 'phrase': {
      const tokens = tokenize(clause);
      if (!alone && /^[\d$€£]/.test(tokens[0]?.text ?? '') && !level) return undefined; // "… . 3 public clouds": the measure of the clause before
      if (RECURRENCE.test(lower) && !RATES.test(lower)) return { kind: 'task', because: `${quoted(clause)} is a habit, not a result it brings` };
      if (hasMeasure(tokens) && (level || /\d/.test(clause))) return { kind: 'outcome' };
      if (level) return { kind: 'outcome' };
      return { kind: 'task', because: `${quoted(clause)} names a piece of work, not a result` };
    }
  }
}

const readings = new Map<string, KeyResultReading>();

/** Reads a key result; the last clause that says something decides ("Improve defenses. Implement top 10 actions" is a task). */
export function readKeyResult(title: string): KeyResultReading {
  const cached = readings.get(title);
  if (cached) return cached;
  // An aside in parentheses ("(e.g. PeerPad & others)", "(2x)") says nothing about the structure.
  const parts = clauses(title.replace(/\s*\([^)]*\)/g, ' ').replace(/\s+/g, ' '));
  let reading: KeyResultReading = { kind: 'outcome' };
  for (const part of parts) reading = readClause(part, parts.length === 1) ?? reading;
  if (readings.size > 5000) readings.clear();
  readings.set(title, reading);
  return reading;
}

/** Does an objective name an action or a change? Any clause that opens with a verb, or states a change, does. */
export function objectiveHasAction(title: string): boolean {
  return clauses(title).some((clause) => {
    const opened = opening(clause);
    if (opened.shape === 'verb') return true;
    if (opened.shape === 'statement') return opened.participle === undefined || OTHERS_VERBS.has(opened.participle) || CHANGE_VERBS.has(opened.participle) || opened.verb !== opened.participle;
    if (opened.shape === 'existential') return false;
    // A gerund of a known verb ("Rebuilding trust"), not a noun in -ing ("Engineering efficiency").
    const [first] = tokenize(clause);
    return first !== undefined && isKnownGerund(first.lower);
  });
}
