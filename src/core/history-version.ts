/**
 * One version of one OKR file, reduced to what history needs. Parsing goes
 * through the same `parseObjective`/`parseMission` as the linter; only the
 * data is kept (no YAML document), because a long history holds many versions.
 */
import type { Finding } from './finding.ts';
import { parseMission, parseObjective, type Parsed } from './parse.ts';
import type { ParsedFiles } from './parsed-files.ts';
import { privacyOfData, privacyOfText, type Privacy } from './privacy.ts';
import { KeyResultSchema, type KeyResult, type Objective } from './schema.ts';
import { decodeSource } from './source.ts';
import { CONFIG_FILE, MISSION_FILE } from './workspace.ts';

export type FileRole = 'objective' | 'mission' | 'config';

export type FileVersion =
  | { kind: 'objective'; objective: Objective }
  | { kind: 'mission'; mission: string; owner: string | undefined; body: string }
  | { kind: 'config' }
  /**
   * Fails the schema or cannot be read; `id` is whatever `id:` held, to follow the objective anyway.
   * `privacy` is what the version may mean (src/core/privacy.ts): `unknown` when it is not readable YAML.
   */
  | { kind: 'invalid'; role: FileRole; message: string; line: number; id: string | undefined; privacy: Privacy };

/** The same split as `buildWorkspace`: the config at the root, `mission.md` anywhere, objectives otherwise. */
export function fileRole(root: string, path: string): FileRole {
  const folder = root.replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (path === (folder === '' || folder === '.' ? CONFIG_FILE : `${folder}/${CONFIG_FILE}`)) return 'config';
  return path.slice(path.lastIndexOf('/') + 1) === MISSION_FILE ? 'mission' : 'objective';
}

/**
 * Parses one version. The result depends on the bytes and the role only, so callers may cache it by blob id and role.
 * `size` is the file's size when `bytes` holds only its start (see `SourceFile`).
 */
export function readVersion(role: FileRole, path: string, bytes: Uint8Array, size?: number): FileVersion {
  const decoded = decodeSource(bytes, size);
  if (!decoded.ok) return invalid(role, decoded.finding, undefined, 'unknown');
  return readText(role, path, decoded.text).version;
}

function readText(role: FileRole, path: string, text: string, known?: ParsedFiles): { version: FileVersion; parsed?: Parsed<Objective> } {
  if (role === 'config') return { version: { kind: 'config' } };
  if (role === 'mission') {
    const parsed = known ? known.reuseMission(path, text) : parseMission(path, text);
    if (!parsed.data) return { version: invalid(role, parsed.findings[0], undefined, 'public') };
    return { version: { kind: 'mission', mission: parsed.data.mission, owner: parsed.data.owner, body: parsed.body } };
  }
  const parsed = known ? known.reuseObjective(path, text) : parseObjective(path, text);
  if (parsed.data) return { version: { kind: 'objective', objective: parsed.data }, parsed };
  const rawId = (parsed.raw as { id?: unknown } | undefined)?.id;
  const privacy = parsed.raw === undefined ? privacyOfText(text) : privacyOfData(parsed.raw);
  return { version: invalid(role, parsed.findings[0], typeof rawId === 'string' ? rawId : undefined, privacy), parsed };
}

/**
 * Keys a check-in changes, and the numbers that rescore a key result (a new target or baseline); a version that
 * differs from the one before only in these values is read without a full parse. The key result schema checks
 * each key result on its own and the objective schema adds no rule across key results, so checking the changed
 * key results again gives what a full parse gives.
 */
const CHECKIN_KEYS = ['current', 'confidence', 'done', 'as_of', 'target', 'baseline', 'keep_above', 'keep_below'] as const;
type CheckinKey = (typeof CHECKIN_KEYS)[number];

/** `    current: 4.2` — a check-in value alone on its line: a plain number, boolean or date, no comment. */
const CHECKIN_LINE = /^( +)(current|confidence|done|as_of|target|baseline|keep_above|keep_below): +(-?(?:0|[1-9]\d*)(?:\.\d+)?|true|false|\d{4}-\d{2}-\d{2}) *\r?$/;

interface Base {
  lines: string[];
  bodyLine: number;
  raw: { key_results: Record<string, unknown>[] };
  objective: Objective;
  /** Line number → the key result value written alone on that line. */
  leaves: Map<number, { index: number; key: CheckinKey }>;
  /** Line number → the key result whose key and value fill that line, and the column its keys start at. */
  entries: Map<number, { index: number; indent: number }>;
  /** Lines where something other than a key of the key result above starts: the next key result, a top-level key, the closing fence. */
  boundaries: Set<number>;
}

/**
 * Reads versions of OKR files in history order. Most versions are check-ins
 * that change a value or two of the version before; those are patched into
 * the previous version's data and checked with the key result schema, which
 * gives the same result as a full parse at a fraction of the cost. Anything
 * else (a new line, a changed title, a comment next to a value) is parsed in full.
 */
export class VersionReader {
  private readonly bases = new Map<string, Base>();
  private readonly root: string;
  private readonly known: ParsedFiles | undefined;

  /** `known` holds the current files' parses, which the newest version of each file usually is. */
  constructor(root: string, known?: ParsedFiles) {
    this.root = root;
    this.known = known;
  }

  read(path: string, bytes: Uint8Array, size?: number): FileVersion {
    const role = fileRole(this.root, path);
    const decoded = decodeSource(bytes, size);
    if (!decoded.ok) {
      this.bases.delete(path);
      return invalid(role, decoded.finding, undefined, 'unknown');
    }
    const base = role === 'objective' ? this.bases.get(path) : undefined;
    // Lines as the parser counts them: CRLF and a lone CR end a line too.
    const lines = (decoded.text.includes('\r') ? decoded.text.replace(/\r\n?/g, '\n') : decoded.text).split('\n');
    const patched = base === undefined ? undefined : patch(base, lines);
    if (patched) {
      this.bases.set(path, patched);
      return { kind: 'objective', objective: patched.objective };
    }
    const { version, parsed } = readText(role, path, decoded.text, this.known);
    if (version.kind === 'objective' && parsed) this.bases.set(path, baseOf(parsed, lines, version.objective));
    else this.bases.delete(path);
    return version;
  }
}

function baseOf(parsed: Parsed<Objective>, lines: string[], objective: Objective): Base {
  const given = parsed.raw as { key_results?: unknown };
  const raw = { ...given, key_results: Array.isArray(given.key_results) ? (given.key_results as Record<string, unknown>[]) : [] };
  const leaves: Base['leaves'] = new Map();
  const entries: Base['entries'] = new Map();
  const boundaries = new Set<number>([parsed.bodyLine - 1]);
  for (const key of Object.keys(given)) boundaries.add(parsed.locate([key], 'key').line);
  raw.key_results.forEach((kr, index) => {
    boundaries.add(parsed.locate(['key_results', index]).line);
    for (const key of Object.keys(kr)) {
      const at = parsed.locate(['key_results', index, key], 'key');
      const { line, endLine } = parsed.locate(['key_results', index, key]);
      // Only a block-style key that starts its line (after the `- ` of the item): a flow mapping's keys share theirs.
      const start = KEY_START.exec(lines[line - 1] ?? '');
      const column = start === null ? -1 : (start[1] as string).length + (start[2]?.length ?? 0);
      if (at.line === line && line === endLine && start?.[3] === key && column === at.column - 1) entries.set(line, { index, indent: column });
      if (!(CHECKIN_KEYS as readonly string[]).includes(key)) continue;
      const match = line === endLine ? CHECKIN_LINE.exec(lines[line - 1] ?? '') : null;
      if (match && match[2] === key && scalar(match[3] as string) === kr[key]) leaves.set(line, { index, key: key as CheckinKey });
    }
  });
  return { lines, bodyLine: parsed.bodyLine, raw, objective, leaves, entries, boundaries };
}

type Edit = { index: number; key: CheckinKey; value: unknown };

/** The start of a line that holds a block mapping key: indentation, the `- ` of a sequence item, the key. */
const KEY_START = /^( *)(- )?([A-Za-z_][\w-]*):(?: |$)/;

/**
 * The version as the base with check-in values changed, and with one check-in line added to a key result
 * (a first `confidence:` or `as_of:`) or taken out of it; undefined when it differs in any other way.
 */
function patch(base: Base, lines: string[]): Base | undefined {
  const edits = valueEdits(base, lines);
  if (edits !== undefined) return edits.length === 0 ? { ...base, lines } : applyEdits(base, lines, edits, base.bodyLine);
  for (let number = 2; number < base.bodyLine && number <= lines.length; number++) {
    if (lines[number - 1] === base.lines[number - 1]) continue;
    const added = addedLine(base, lines, number);
    if (added === undefined) continue;
    const edited = valueEdits(base, lines, number);
    if (edited === undefined) continue;
    const patched = applyEdits(base, lines, [...edited, added], base.bodyLine + 1);
    if (patched === undefined) return undefined;
    const shift = <T>(map: Map<number, T>) => new Map([...map].map(([line, value]) => [line >= number ? line + 1 : line, value] as const));
    const entries = shift(base.entries).set(number, { index: added.index, indent: (CHECKIN_LINE.exec(lines[number - 1] as string)?.[1] as string).length });
    return {
      ...patched,
      leaves: shift(base.leaves).set(number, { index: added.index, key: added.key }),
      entries,
      boundaries: new Set([...base.boundaries].map((line) => (line >= number ? line + 1 : line))),
    };
  }
  // Read newest first, the version before often lacks a line the base has: a `confidence:` or `as_of:` not written yet.
  for (const [number, leaf] of base.leaves) {
    const edited = valueEdits(base, lines, undefined, number);
    if (edited === undefined) continue;
    const patched = applyEdits(base, lines, [...edited, { index: leaf.index, key: leaf.key, value: undefined }], base.bodyLine - 1);
    if (patched === undefined) return undefined;
    const shift = <T>(map: Map<number, T>) => new Map([...map].filter(([line]) => line !== number).map(([line, value]) => [line > number ? line - 1 : line, value] as const));
    return {
      ...patched,
      leaves: shift(base.leaves),
      entries: shift(base.entries),
      boundaries: new Set([...base.boundaries].filter((line) => line !== number).map((line) => (line > number ? line - 1 : line))),
    };
  }
  return undefined;
}

/** A check-in line at `number` that adds a key the key result above does not have yet, at its keys' column. */
function addedLine(base: Base, lines: string[], number: number): Edit | undefined {
  const match = CHECKIN_LINE.exec(lines[number - 1] as string);
  const above = base.entries.get(number - 1);
  if (match === null || above === undefined || (match[1] as string).length !== above.indent) return undefined;
  const key = match[2] as CheckinKey;
  if (key in (base.raw.key_results[above.index] as Record<string, unknown>)) return undefined;
  // What follows must start on its own: another key of the same key result, the next key result, a top-level key, the fence.
  const below = base.entries.get(number);
  if (!(below?.index === above.index && below.indent === above.indent) && !base.boundaries.has(number)) return undefined;
  return { index: above.index, key, value: scalar(match[3] as string) };
}

/**
 * The values changed from the base, reading the frontmatter with a line added at `inserted` or the base's line
 * `removed` left out; undefined when anything else changed.
 */
function valueEdits(base: Base, lines: string[], inserted?: number, removed?: number): Edit[] | undefined {
  // Lines from `bodyLine` on are the body, which an objective's data does not hold; the closing fence is compared.
  const shift = inserted === undefined ? (removed === undefined ? 0 : -1) : 1;
  if (lines.length < base.bodyLine - 1 + shift) return undefined;
  const edits: Edit[] = [];
  for (let number = 1; number < base.bodyLine; number++) {
    if (number === removed) continue;
    const offset = inserted !== undefined && number >= inserted ? 1 : removed !== undefined && number > removed ? -1 : 0;
    const line = lines[number - 1 + offset] as string;
    const before = base.lines[number - 1] as string;
    if (line === before) continue;
    const leaf = base.leaves.get(number);
    const match = CHECKIN_LINE.exec(line);
    if (leaf === undefined || match === null || match[2] !== leaf.key || match[1] !== CHECKIN_LINE.exec(before)?.[1]) return undefined;
    edits.push({ ...leaf, value: scalar(match[3] as string) });
  }
  return edits;
}

function applyEdits(base: Base, lines: string[], edits: Edit[], bodyLine: number): Base | undefined {
  const rawKeyResults = [...base.raw.key_results];
  const keyResults: KeyResult[] = [...base.objective.key_results];
  for (const index of new Set(edits.map((edit) => edit.index))) {
    const rawKr = { ...rawKeyResults[index] };
    for (const edit of edits) {
      if (edit.index !== index) continue;
      if (edit.value === undefined) delete rawKr[edit.key];
      else rawKr[edit.key] = edit.value;
    }
    const checked = KeyResultSchema.safeParse(rawKr);
    if (!checked.success) return undefined;
    rawKeyResults[index] = rawKr;
    keyResults[index] = checked.data;
  }
  return {
    lines,
    bodyLine,
    raw: { ...base.raw, key_results: rawKeyResults },
    objective: { ...base.objective, key_results: keyResults },
    leaves: base.leaves,
    entries: base.entries,
    boundaries: base.boundaries,
  };
}

/** The YAML value of a plain scalar that CHECKIN_LINE accepts. */
function scalar(text: string): number | boolean | string {
  if (text === 'true' || text === 'false') return text === 'true';
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : Number(text);
}

function invalid(role: FileRole, finding: Finding | undefined, id: string | undefined, privacy: Privacy): FileVersion {
  return { kind: 'invalid', role, message: finding?.message ?? 'Does not match the schema', line: finding?.line ?? 1, id, privacy };
}
