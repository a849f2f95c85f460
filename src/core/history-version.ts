/**
 * One version of one OKR file, reduced to what history needs. Parsing goes
 * through the same `parseObjective`/`parseMission` as the linter; only the
 * data is kept (no YAML document), because a long history holds many versions.
 */
import type { Finding } from './finding.ts';
import { parseMission, parseObjective, type Parsed } from './parse.ts';
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

function readText(role: FileRole, path: string, text: string): { version: FileVersion; parsed?: Parsed<Objective> } {
  if (role === 'config') return { version: { kind: 'config' } };
  if (role === 'mission') {
    const parsed = parseMission(path, text);
    if (!parsed.data) return { version: invalid(role, parsed.findings[0], undefined, 'public') };
    return { version: { kind: 'mission', mission: parsed.data.mission, owner: parsed.data.owner, body: parsed.body } };
  }
  const parsed = parseObjective(path, text);
  if (parsed.data) return { version: { kind: 'objective', objective: parsed.data }, parsed };
  const rawId = (parsed.raw as { id?: unknown } | undefined)?.id;
  const privacy = parsed.raw === undefined ? privacyOfText(text) : privacyOfData(parsed.raw);
  return { version: invalid(role, parsed.findings[0], typeof rawId === 'string' ? rawId : undefined, privacy), parsed };
}

/** Keys a check-in changes; a version that differs from the one before only in these values is read without a full parse. */
const CHECKIN_KEYS = ['current', 'confidence', 'done', 'as_of'] as const;
type CheckinKey = (typeof CHECKIN_KEYS)[number];

/** `    current: 4.2` — a check-in value alone on its line: a plain number, boolean or date, no comment. */
const CHECKIN_LINE = /^( +)(current|confidence|done|as_of): +(-?(?:0|[1-9]\d*)(?:\.\d+)?|true|false|\d{4}-\d{2}-\d{2}) *\r?$/;

interface Base {
  lines: string[];
  bodyLine: number;
  raw: { key_results: Record<string, unknown>[] };
  objective: Objective;
  /** Line number → the key result value written alone on that line. */
  leaves: Map<number, { index: number; key: CheckinKey }>;
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

  constructor(root: string) {
    this.root = root;
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
    const { version, parsed } = readText(role, path, decoded.text);
    if (version.kind === 'objective' && parsed) this.bases.set(path, baseOf(parsed, lines, version.objective));
    else this.bases.delete(path);
    return version;
  }
}

function baseOf(parsed: Parsed<Objective>, lines: string[], objective: Objective): Base {
  const given = parsed.raw as { key_results?: unknown };
  const raw = { ...given, key_results: Array.isArray(given.key_results) ? (given.key_results as Record<string, unknown>[]) : [] };
  const leaves: Base['leaves'] = new Map();
  raw.key_results.forEach((kr, index) => {
    for (const key of CHECKIN_KEYS) {
      if (!(key in kr)) continue;
      const { line, endLine } = parsed.locate(['key_results', index, key]);
      const match = line === endLine ? CHECKIN_LINE.exec(lines[line - 1] ?? '') : null;
      if (match && match[2] === key && scalar(match[3] as string) === kr[key]) leaves.set(line, { index, key });
    }
  });
  return { lines, bodyLine: parsed.bodyLine, raw, objective, leaves };
}

function patch(base: Base, lines: string[]): Base | undefined {
  // Lines from `bodyLine` on are the body, which an objective's data does not hold; the closing fence is compared.
  if (lines.length < base.bodyLine - 1) return undefined;
  const edits: { index: number; key: CheckinKey; value: unknown }[] = [];
  for (let number = 1; number < base.bodyLine; number++) {
    const line = lines[number - 1] as string;
    const before = base.lines[number - 1] as string;
    if (line === before) continue;
    const leaf = base.leaves.get(number);
    const match = CHECKIN_LINE.exec(line);
    if (leaf === undefined || match === null || match[2] !== leaf.key || match[1] !== CHECKIN_LINE.exec(before)?.[1]) return undefined;
    edits.push({ ...leaf, value: scalar(match[3] as string) });
  }
  if (edits.length === 0) return { ...base, lines };
  const rawKeyResults = [...base.raw.key_results];
  const keyResults: KeyResult[] = [...base.objective.key_results];
  for (const index of new Set(edits.map((edit) => edit.index))) {
    const rawKr = { ...rawKeyResults[index] };
    for (const edit of edits) if (edit.index === index) rawKr[edit.key] = edit.value;
    const checked = KeyResultSchema.safeParse(rawKr);
    if (!checked.success) return undefined;
    rawKeyResults[index] = rawKr;
    keyResults[index] = checked.data;
  }
  return {
    lines,
    bodyLine: base.bodyLine,
    raw: { ...base.raw, key_results: rawKeyResults },
    objective: { ...base.objective, key_results: keyResults },
    leaves: base.leaves,
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
