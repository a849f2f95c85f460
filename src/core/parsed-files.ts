/**
 * Parses of OKR files kept by path and text, for a build that reads both the current files (the
 * workspace) and their history: the current file of an objective is usually the text of its last
 * commit, which the history parses in full as the first version it reads of that path. Parsing is
 * a pure function of the path and the text, so a kept parse is what parsing again would give.
 */
import { createHash } from 'node:crypto';
import { readFrontmatter } from './frontmatter.ts';
import { parseMission, parseObjective, type Parsed } from './parse.ts';
import type { Mission, Objective } from './schema.ts';

type Parser<T> = (path: string, text: string) => Parsed<T>;

/** A parse as an earlier build kept it: plain data, its positions found again only when asked for. */
export type StoredParse = Omit<Parsed<unknown>, 'path' | 'locate'>;

/** Raised whenever parsing may give something else (src/core/parse.ts, schema.ts), so old parses are never used. */
const STORED_VERSION = 1;

export class ParsedFiles {
  /** The workspace's parses. The history only looks here: it keeps none of its own, so no old version's YAML document stays in memory. */
  private readonly byPath = new Map<string, { text: string; parser: Parser<unknown>; parsed: Parsed<unknown> }>();
  /** Parses of the current files by an earlier build, by a digest of the file's path and text, and those of this build. */
  private readonly previous: ReadonlyMap<string, StoredParse>;
  private readonly used = new Map<string, StoredParse>();

  /**
   * `previous`: what `stored()` gave an earlier build. A check-in changes one file, and parsing the
   * YAML of all the others again is most of what reading the inputs then costs.
   */
  constructor(previous: ReadonlyMap<string, StoredParse> = new Map()) {
    this.previous = previous;
  }

  /** This build's parses of the current files that plain data holds whole, for the next build. */
  stored(): [string, StoredParse][] {
    return [...this.used];
  }

  /** Parses a current file and keeps the parse. */
  objective(path: string, text: string): Parsed<Objective> {
    return this.keep(path, text, parseObjective);
  }

  mission(path: string, text: string): Parsed<Mission> {
    return this.keep(path, text, parseMission);
  }

  /** The kept parse of this very text at this path, or a new one that is not kept. */
  reuseObjective(path: string, text: string): Parsed<Objective> {
    return this.known(path, text, parseObjective) ?? parseObjective(path, text);
  }

  reuseMission(path: string, text: string): Parsed<Mission> {
    return this.known(path, text, parseMission) ?? parseMission(path, text);
  }

  private keep<T>(path: string, text: string, parser: Parser<T>): Parsed<T> {
    const parsed = this.known(path, text, parser) ?? this.storedParse(path, text, parser);
    this.byPath.set(path, { text, parser, parsed });
    return parsed;
  }

  private storedParse<T>(path: string, text: string, parser: Parser<T>): Parsed<T> {
    const key = createHash('sha256')
      .update(`${STORED_VERSION}\0${parser === (parseMission as Parser<unknown>) ? 'mission' : 'objective'}\0${path}\0${text}`)
      .digest('base64url');
    const stored = this.previous.get(key);
    if (stored !== undefined) {
      this.used.set(key, stored);
      let locate: Parsed<T>['locate'] | undefined;
      return { path, ...(stored as Omit<Parsed<T>, 'path' | 'locate'>), locate: (at, part) => (locate ??= readFrontmatter(text).locate)(at, part) };
    }
    const parsed = parser(path, text);
    const { path: _, locate: __, ...data } = parsed;
    if (isPlainData(data)) this.used.set(key, data);
    return parsed;
  }

  private known<T>(path: string, text: string, parser: Parser<T>): Parsed<T> | undefined {
    const known = this.byPath.get(path);
    return known !== undefined && known.parser === parser && known.text === text ? (known.parsed as Parsed<T>) : undefined;
  }
}

/** Whether a JSON text gives `value` back as it is: no `undefined`, no `-0`, no infinity, no dates or other objects. */
function isPlainData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as object).every(isPlainData);
}
