/**
 * A workspace is every OKR file of one tree, parsed: objectives, the missions
 * above them and the config. Rules and history read it; it never touches disk.
 */
import type { Finding } from './finding.ts';
import { parseConfig, parseMission, parseObjective, type Parsed } from './parse.ts';
import type { ParsedFiles } from './parsed-files.ts';
import { resolvePeriod, type PeriodRange } from './period.ts';
import type { Config, Mission, Objective } from './schema.ts';
import { decodeSource, type Decoded } from './source.ts';
import { START_OF_FILE } from './finding.ts';
import { ID_HINT, ID_MAX_LENGTH, isValidId } from './ids.ts';

const SYMLINK: Decoded = {
  ok: false,
  finding: {
    ruleId: 'schema',
    message: 'Symbolic link: not read, since it may lead outside the repository',
    hint: 'Put the file itself in the OKR folder instead of a link to it',
    ...START_OF_FILE,
  },
};

export interface SourceFile {
  /** Path relative to the repository, with `/` separators, e.g. `okrs/2026-q4/presentations.md`. */
  path: string;
  bytes: Uint8Array;
  /** Size on disk, when `bytes` holds only the start of a file too large to read. */
  size?: number;
  /** A symbolic link: never followed, so never read. */
  symlink?: boolean;
}

export interface ObjectiveFile extends Parsed<Objective> {
  /** `id:` or, by default, the file name. */
  id: string;
}

export interface Workspace {
  /** Folder that holds the OKRs, e.g. `okrs`; `''` for the repository's top. */
  root: string;
  objectives: ObjectiveFile[];
  missions: Parsed<Mission>[];
  config: Parsed<Config> | undefined;
  /** Files that could not be read at all (binary, too large, not UTF-8). */
  unreadable: { path: string; finding: Finding }[];
  /** `retro.md` files written by `okr close`: never objectives. */
  retros?: { path: string; text: string }[];
}

export const CONFIG_FILE = 'config.yml';
export const MISSION_FILE = 'mission.md';
/** The retrospective of the period whose objectives sit beside it. */
export const RETRO_FILE = 'retro.md';

export function isRetroFile(path: string): boolean {
  return baseName(path).toLowerCase() === RETRO_FILE;
}

/** `parsed` keeps the parses for a history read next (src/core/parsed-files.ts). */
export function buildWorkspace(root: string, files: readonly SourceFile[], parsed?: ParsedFiles): Workspace {
  const workspace: Workspace = { root: trimSlashes(root), objectives: [], missions: [], config: undefined, unreadable: [], retros: [] };
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const decoded: Decoded = file.symlink ? SYMLINK : decodeSource(file.bytes, file.size);
    if (!decoded.ok) {
      workspace.unreadable.push({ path: file.path, finding: decoded.finding });
      continue;
    }
    const kind = kindOf(workspace.root, file.path);
    if (kind === 'config') workspace.config = parseConfig(file.path, decoded.text);
    else if (kind === 'mission') workspace.missions.push(parsed ? parsed.mission(file.path, decoded.text) : parseMission(file.path, decoded.text));
    else if (kind === 'retro') workspace.retros?.push({ path: file.path, text: decoded.text });
    else workspace.objectives.push(withId(parsed ? parsed.objective(file.path, decoded.text) : parseObjective(file.path, decoded.text)));
  }
  return workspace;
}

/**
 * Parses one file into `parsed` as `buildWorkspace` will read it, for a caller that parses the files ahead, a few at a
 * time (src/site/inputs.ts); the config, retros and files that cannot be read hold no parse to keep.
 */
export function parseInto(parsed: ParsedFiles, root: string, file: SourceFile): void {
  const kind = kindOf(trimSlashes(root), file.path);
  if (file.symlink || (kind !== 'mission' && kind !== 'objective')) return;
  const decoded = decodeSource(file.bytes, file.size);
  if (!decoded.ok) return;
  if (kind === 'mission') parsed.mission(file.path, decoded.text);
  else parsed.objective(file.path, decoded.text);
}

/** What a readable file of the tree is: the config at the root, `mission.md` anywhere, a retro, or else an objective. */
function kindOf(root: string, path: string): 'config' | 'mission' | 'retro' | 'objective' {
  if (path === joinPath(root, CONFIG_FILE)) return 'config';
  if (baseName(path) === MISSION_FILE) return 'mission';
  return isRetroFile(path) ? 'retro' : 'objective';
}

/** Which files of a tree are OKR files: Markdown files (objectives, missions, retros) and the config; templates (`_*`), dot-folders and READMEs are not. */
export function isOkrFile(root: string, path: string): boolean {
  const folder = trimSlashes(root);
  const relative = folder === '' ? path : path.slice(folder.length + 1);
  const segments = relative.split('/');
  if (segments.some((segment) => segment.startsWith('.') || segment.startsWith('_'))) return false;
  if (relative === CONFIG_FILE) return true;
  const name = segments.at(-1) ?? '';
  return name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md';
}

export function defaultObjectiveId(path: string): string {
  return baseName(path)
    .replace(/\.md$/i, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function withId(parsed: Parsed<Objective>): ObjectiveFile {
  const rawId = (parsed.raw as { id?: unknown } | undefined)?.id;
  const id = parsed.data?.id ?? (typeof rawId === 'string' ? rawId : defaultObjectiveId(parsed.path));
  if (parsed.data === undefined || parsed.data.id !== undefined || isValidId(id)) return { ...parsed, id };
  // The file name gives no usable id: the file cannot be published under it.
  const name = baseName(parsed.path);
  return {
    ...parsed,
    id,
    data: undefined,
    findings: [
      {
        ruleId: 'schema',
        message: id === '' ? `The file name \`${name}\` gives no id` : `The file name \`${name}\` gives the id \`${id.length > 80 ? `${id.slice(0, 80)}…` : id}\`, which is not a usable id`,
        hint: `Add an \`id:\` (${ID_HINT.replace(/^Expected /, '')}, at most ${ID_MAX_LENGTH} characters), e.g. \`id: hiring\`, or rename the file`,
        ...START_OF_FILE,
      },
    ],
  };
}

/** The nearest mission in the objective's folder or above it, up to the root. */
export function missionFor(workspace: Workspace, path: string): Parsed<Mission> | undefined {
  let folder = dirName(path);
  for (;;) {
    const mission = workspace.missions.find((candidate) => candidate.path === joinPath(folder, MISSION_FILE));
    if (mission) return mission;
    if (folder === workspace.root || folder === '') return undefined;
    folder = dirName(folder);
  }
}

export function ownerOf(workspace: Workspace, objective: ObjectiveFile): string | undefined {
  return objective.data?.owner ?? missionFor(workspace, objective.path)?.data?.owner;
}

export function periodOf(objective: ObjectiveFile): PeriodRange | undefined {
  return objective.data ? resolvePeriod(objective.data.period) : undefined;
}

/** Objectives that matched the schema, with their data. */
export function validObjectives(workspace: Workspace): (ObjectiveFile & { data: Objective })[] {
  return workspace.objectives.filter((objective): objective is ObjectiveFile & { data: Objective } => objective.data !== undefined);
}

export function allPaths(workspace: Workspace): string[] {
  return [
    ...workspace.objectives.map((file) => file.path),
    ...workspace.missions.map((file) => file.path),
    ...(workspace.config ? [workspace.config.path] : []),
    ...workspace.unreadable.map((file) => file.path),
  ].sort();
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirName(path: string): string {
  const index = path.lastIndexOf('/');
  return index === -1 ? '' : path.slice(0, index);
}

function joinPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

function trimSlashes(path: string): string {
  const trimmed = path.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return trimmed === '.' ? '' : trimmed;
}
