/**
 * Numbers in a title that are quantities a reader could check, told apart from
 * digits inside names (libp2p, W3C, e2e, tier-1), versions (v1.0, Rails 5,
 * Iteration 2), periods (Q1, FY'24, 2026) and dates.
 */
import { clauses } from './sentence.ts';

/** A number with the unit it may carry: 12, 4.5, 99.95%, $50k, 3x, 10K, 1TB, 24h, 15+. */
const QUANTITY = /^[$€£]?\d[\d,]*(\.\d+)?(%|x|k|m|bn?|kg|km|lbs?|h|hrs?|ms|s|secs?|mins?|tb|gb|mb|kbps|mbps|gbps|pp|pts?|\+)?\+?$/i;

/** Words after which a number is a name or a version: "version 1", "Iteration 2", "tier 1". */
const NAMING_WORDS =
  /^(v|version|versions|iteration|phase|step|tier|level|part|stage|sprint|milestone|chapter|season|episode|round|gen|generation|no\.?|number|#|rfc|iso|soc|python|node|rails|java|es|ios|android|windows|ubuntu|kubernetes|postgres|postgresql|fips|http|ipv)$/i;

/** Capitalised words a count follows in Title Case ("Implement Top 3 Actions"): not names. */
const COMMON_BEFORE_NUMBERS = /^(top|over|under|about|around|first|last|next|least|most|only|all|with|and|for|of)$/i;

const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;

/** Targets stated in words: "doubles", "cut in half", "two new customers". */
const QUANTITY_WORDS =
  /\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|halve[sd]?|halving|double[sd]?|doubling|twice|triple[sd]?|tripling|quadruple[sd]?|thrice|once|tenfold|\d+-fold)\b/;

/** Number words that are rarely a target in an objective ("one team", "once and for all"). */
const WEAK_IN_OBJECTIVES = new Set(['one', 'once', 'zero']);

/** The words of a title with surrounding punctuation removed and `/` split ("20/month" → "20", "month"). */
function pieces(title: string): string[] {
  return title
    .split(/[\s/]+|(?<=\d)(?=[<>])/)
    .map((word) => word.replace(/^[("“'‘[<>≥≤~±+-]+|[)"”'’\],.;:!?]+$/g, ''))
    .filter((word) => word !== '');
}

/** Is a word with digits a name, version or period rather than a quantity? */
function isNamingDigits(word: string, previous: string | undefined, index: number): boolean {
  if (/^(19|20)\d{2}$/.test(word)) return true; // a year
  if (/^(q[1-4]|h[12]|fy'?’?\d{2,4}.*|’\d{2}|'\d{2}|\d{1,2}(st|nd|rd|th))$/i.test(word)) return true; // a period or an ordinal
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(word)) return true; // a date
  if (/^\d+-[a-z]+$/i.test(word)) return false; // "30-day", "3-minute": a number and its unit
  if (!QUANTITY.test(word)) return true; // digits inside a name: libp2p, W3C, e2e, v1.0, tier-1, 140-2
  if (previous === undefined) return false;
  if (NAMING_WORDS.test(previous) || MONTHS.test(previous)) return true;
  // "Rails 5", "GitLab 14": a bare number right after a capitalised name, past the first word.
  return index > 1 && /^[A-Z][\w-]*[A-Za-z]$/.test(previous) && !COMMON_BEFORE_NUMBERS.test(previous) && /^\d{1,3}(\.\d+)*$/.test(word);
}

/** The numbers of a title that are quantities, as written. */
export function quantities(title: string): string[] {
  // Per clause, so the first word of "… GitLab. 3 talks accepted" is not read as a name's number.
  return clauses(title).flatMap((clause) => {
    const words = pieces(clause);
    return words.filter((word, index) => /\d/.test(word) && !isNamingDigits(word, words[index - 1], index));
  });
}

/** Does a key result title state a quantity: a number that is not a name, or a quantity in words? */
export function hasQuantity(title: string): boolean {
  return quantities(title).length > 0 || QUANTITY_WORDS.test(title.toLowerCase());
}

/** The targets an objective holds: quantities, and multiples or counts in words. */
export function metricNumbers(title: string): string[] {
  const words = (title.toLowerCase().match(new RegExp(QUANTITY_WORDS.source, 'g')) ?? []).filter((word) => !WEAK_IN_OBJECTIVES.has(word));
  const redacted = title.match(/[$€£]N\b|\bN%/g) ?? [];
  return [...quantities(title), ...redacted, ...words];
}
