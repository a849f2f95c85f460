/**
 * One version of one OKR file, reduced to what history needs. Parsing goes
 * through the same `parseObjective`/`parseMission` as the linter; only the
 * data is kept (no YAML document), because a long history holds many versions.
 */
import type { Finding } from './finding.ts';
import { parseMission, parseObjective } from './parse.ts';
import type { Objective } from './schema.ts';
import { decodeSource } from './source.ts';
import { CONFIG_FILE, MISSION_FILE } from './workspace.ts';

export type FileRole = 'objective' | 'mission' | 'config';

export type FileVersion =
  | { kind: 'objective'; objective: Objective }
  | { kind: 'mission'; mission: string; owner: string | undefined; body: string }
  | { kind: 'config' }
  /** Fails the schema or cannot be read; `id` is whatever `id:` held, to follow the objective anyway. */
  | { kind: 'invalid'; role: FileRole; message: string; line: number; id: string | undefined };

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
  if (!decoded.ok) return invalid(role, decoded.finding, undefined);
  if (role === 'config') return { kind: 'config' };
  if (role === 'mission') {
    const parsed = parseMission(path, decoded.text);
    if (!parsed.data) return invalid(role, parsed.findings[0], undefined);
    return { kind: 'mission', mission: parsed.data.mission, owner: parsed.data.owner, body: parsed.body };
  }
  const parsed = parseObjective(path, decoded.text);
  if (parsed.data) return { kind: 'objective', objective: parsed.data };
  const rawId = (parsed.raw as { id?: unknown } | undefined)?.id;
  return invalid(role, parsed.findings[0], typeof rawId === 'string' ? rawId : undefined);
}

function invalid(role: FileRole, finding: Finding | undefined, id: string | undefined): FileVersion {
  return { kind: 'invalid', role, message: finding?.message ?? 'Does not match the schema', line: finding?.line ?? 1, id };
}
