/**
 * Parses of OKR files kept by path and text, for a build that reads both the current files (the
 * workspace) and their history: the current file of an objective is usually the text of its last
 * commit, which the history parses in full as the first version it reads of that path. Parsing is
 * a pure function of the path and the text, so a kept parse is what parsing again would give.
 */
import { parseMission, parseObjective, type Parsed } from './parse.ts';
import type { Mission, Objective } from './schema.ts';

type Parser<T> = (path: string, text: string) => Parsed<T>;

export class ParsedFiles {
  /** The workspace's parses. The history only looks here: it keeps none of its own, so no old version's YAML document stays in memory. */
  private readonly byPath = new Map<string, { text: string; parser: Parser<unknown>; parsed: Parsed<unknown> }>();

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
    const parsed = this.known(path, text, parser) ?? parser(path, text);
    this.byPath.set(path, { text, parser, parsed });
    return parsed;
  }

  private known<T>(path: string, text: string, parser: Parser<T>): Parsed<T> | undefined {
    const known = this.byPath.get(path);
    return known !== undefined && known.parser === parser && known.text === text ? (known.parsed as Parsed<T>) : undefined;
  }
}
