/**
 * `okr import viva|csv <file>`: writes the objectives of an export and one backdated commit per
 * check-in, oldest first. A second run of the same file changes nothing: files that exist are never
 * overwritten, and check-ins whose `Imported-From` trailer is already in the history are skipped.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { SheetData } from 'read-excel-file/node';
import { editKeyResult, type KeyResultEdit } from '../core/checkin-edit.ts';
import { parseGeneric } from '../core/import/csv.ts';
import { checkinsInOrder, renderObjective, type ImportPlan, type User } from '../core/import/plan.ts';
import { parseViva, parseVivaRows, type SheetRecord } from '../core/import/viva.ts';
import { parseObjective } from '../core/parse.ts';
import { IMPORT_TRAILER } from '../core/sources/trailer.ts';
import { terminalText } from '../core/terminal-text.ts';
import { gitEnv, gitText } from '../git/run.ts';
import { reasonOf, writeAllWhole, WriteError, writeWhole } from '../io/write-whole.ts';
import { parseNow, parseRoot, UsageError } from './usage.ts';
import { reportWriteError } from './written.ts';

export interface ImportFlags {
  users?: string;
  dryRun?: boolean;
  now?: string;
  repo: string;
  root: string;
}

const SOURCE_NAMES: Record<string, string> = { viva: 'viva-goals', csv: 'csv' };

export async function importCommand(format: string, file: string, flags: ImportFlags): Promise<number> {
  if (!(format in SOURCE_NAMES)) throw new UsageError(`Import from \`viva\` or \`csv\`, got \`${format}\`; e.g. okr import viva export.csv`);
  const root = parseRoot(flags.root) ?? 'okrs';
  const now = parseNow(flags.now);
  const bytes = await readBytes(file);
  const users = flags.users === undefined ? [] : readUsers(await readText(flags.users));
  const plan =
    format === 'csv'
      ? parseGeneric(bytes.toString('utf8'), users)
      : isZip(bytes)
        ? parseVivaRows(await readXlsxRecords(bytes, file), users, { now })
        : parseViva(bytes.toString('utf8'), users, { now });
  const trailer = SOURCE_NAMES[format]!;
  process.stdout.write(formatReport(plan, file));
  if (flags.dryRun) {
    process.stdout.write('dry run: nothing written\n');
    return 0;
  }
  const result = await applyPlan(plan, { repo: flags.repo, root, trailer, users });
  if (result.stopped) {
    process.stderr.write(
      `okr: imported before it: ${result.files} file(s), ${result.commits} commit(s); the rest was not imported. Run the same import again once the file can be written: what is imported already is skipped\n`,
    );
    return 1;
  }
  process.stdout.write(`wrote ${result.files} file(s), ${result.commits} commit(s); ${result.skipped} check-in(s) already imported\n`);
  return 0;
}

async function readText(file: string): Promise<string> {
  return (await readBytes(file)).toString('utf8');
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** An XLSX file is a zip archive: it starts with `PK\x03\x04`. */
function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

/** The first sheet of an XLSX export as rows of text, each with its row number in the sheet. */
async function readXlsxRecords(bytes: Buffer, file: string): Promise<SheetRecord[]> {
  const { readSheet } = await import('read-excel-file/node');
  let rows: SheetData;
  try {
    rows = await readSheet(bytes, 1, { trim: false });
  } catch (error) {
    throw new UsageError(`Cannot read ${file} as an XLSX workbook: ${error instanceof Error ? error.message : String(error)}; save the sheet as CSV, or export it again`);
  }
  // A sheet has no ragged rows: empty cells past the header's last column are not cells, missing ones are empty.
  const header = (rows[0] ?? []).map(cellText);
  while (header.at(-1) === '') header.pop();
  const width = header.length;
  return rows.map((row, index) => {
    const cells = row.map(cellText);
    while (cells.length > width && cells.at(-1) === '') cells.pop();
    while (cells.length < width) cells.push('');
    return { line: index + 1, cells };
  });
}

/** A cell as the CSV export would write it: numbers as written, dates as `YYYY-MM-DD` (with the time when it has one). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  }
  return String(value);
}

/** `name,email,github` with a header row. */
export function readUsers(text: string): User[] {
  const rows = parse(text, { bom: true, columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true, trim: true }) as Record<
    string,
    string
  >[];
  return rows.filter((row) => row.name).map((row) => ({ name: row.name!, ...(row.email ? { email: row.email } : {}), ...(row.github ? { github: row.github } : {}) }));
}

export function formatReport(plan: ImportPlan, file: string): string {
  const { report } = plan;
  const lines = [
    `${terminalText(file)}: ${report.rows} row(s)`,
    `  ${report.counts.objectives} objective(s), ${report.counts.keyResults} key result(s), ${report.counts.initiatives} initiative(s), ${report.counts.checkins} check-in(s)`,
  ];
  const types = Object.entries(report.objectTypes);
  if (types.length > 0) lines.push(`  object types: ${types.map(([type, kind]) => `${terminalText(type)} → ${kind}`).join(', ')}`);
  if (report.unmappedColumns.length > 0) lines.push(`  columns not imported: ${report.unmappedColumns.map((name) => terminalText(name)).join(', ')}`);
  for (const { column, rows, why } of report.notImported) lines.push(`  not imported: ${terminalText(column)} on ${rows} row(s), ${terminalText(why)}`);
  if (report.mapped.creatorAsOwner > 0) lines.push(`  Creator as owner: ${report.mapped.creatorAsOwner} objective(s) without an Owner`);
  if (report.mapped.scoreAsGrade > 0) lines.push(`  Score as grade: ${report.mapped.scoreAsGrade} objective(s) of periods that are over`);
  if (report.ownersWithoutHandle.length > 0)
    lines.push(`  people without a handle (kept as names; map them with --users name,email,github): ${report.ownersWithoutHandle.map((name) => terminalText(name)).join(', ')}`);
  for (const problem of report.problems) lines.push(`  ${terminalText(file)}:${problem.line}: ${terminalText(problem.message)}`);
  return `${lines.join('\n')}\n`;
}

interface ApplyOptions {
  repo: string;
  root: string;
  trailer: string;
  users: readonly User[];
}

/**
 * Writes what is new and commits it; returns what it did. The new objectives are written together or
 * not at all; a check-in's file that cannot be written stops the import there (`stopped`, said on the
 * output), each earlier check-in committed and each later one left for a second run.
 */
export async function applyPlan(plan: ImportPlan, options: ApplyOptions): Promise<{ files: number; commits: number; skipped: number; stopped: boolean }> {
  const { repo, root, trailer } = options;
  const done = await importedKeys(repo);
  const pathOf = (objective: ImportPlan['objectives'][number]) => [root, objective.folder, `${objective.id}.md`].filter(Boolean).join('/');
  const fresh = plan.objectives.filter((objective) => !existsSync(path.join(repo, pathOf(objective))));
  const headDate = await headCommitDate(repo);
  let commits = 0;
  if (fresh.length > 0) {
    try {
      await writeAllWhole(fresh.map((objective) => ({ file: path.join(repo, pathOf(objective)), text: renderObjective(objective, sourceLabel(trailer)) })));
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      reportWriteError(error, fresh.map(pathOf), '; nothing was committed');
      return { files: 0, commits: 0, skipped: 0, stopped: true };
    }
    const first = fresh.map((objective) => objective.start).sort()[0]!;
    const trailers = fresh.map((objective) => `${IMPORT_TRAILER}: ${trailer} ${objective.sourceId}`).join('\n');
    await commit(repo, fresh.map(pathOf), `Import ${fresh.length} objective(s) from ${sourceLabel(trailer)}\n\n${trailers}`, first, headDate, undefined);
    commits += 1;
  }
  let skipped = 0;
  for (const { objective, kr, checkin } of checkinsInOrder(plan)) {
    if (done.has(`${trailer} ${checkin.key}`)) {
      skipped += 1;
      continue;
    }
    const relative = pathOf(objective);
    const file = path.join(repo, relative);
    if (!existsSync(file)) continue;
    const before = await readFile(file, 'utf8');
    const index = parseObjective(relative, before).data?.key_results.findIndex((each) => each.id === kr.id) ?? -1;
    if (index === -1) continue;
    const edit: KeyResultEdit = { as_of: checkin.date, ...(checkin.value === undefined ? {} : { current: checkin.value }), ...(checkin.done === undefined ? {} : { done: checkin.done }) };
    const after = editKeyResult(before, index, edit);
    try {
      if (after !== before) await writeWhole(file, after);
    } catch (error) {
      process.stderr.write(`okr: cannot write ${terminalText(relative)}: ${terminalText(reasonOf(error))}; it is as it was, and its check-in of ${checkin.date} was not imported\n`);
      return { files: fresh.length, commits, skipped, stopped: true };
    }
    const subject = checkin.note.trim() || `Check in ${objective.id}/${kr.id}: ${checkin.value ?? (checkin.done ? 'done' : 'not done')}`;
    const user = options.users.find((each) => each.github === checkin.user || each.name === checkin.user);
    await commit(repo, after === before ? [] : [relative], `${subject}\n\n${IMPORT_TRAILER}: ${trailer} ${checkin.key}`, checkin.date, headDate, {
      name: user?.name ?? checkin.user,
      email: user?.email ?? '',
    });
    commits += 1;
  }
  return { files: fresh.length, commits, skipped, stopped: false };
}

function sourceLabel(trailer: string): string {
  return trailer === 'viva-goals' ? 'Viva Goals' : 'CSV';
}

/** Every `Imported-From` trailer value already in the history, e.g. `viva-goals 2001 2025-03-10 20:57:08 UTC`. */
async function importedKeys(repo: string): Promise<Set<string>> {
  let text = '';
  try {
    text = await gitText(repo, ['log', '--format=%(trailers:key=Imported-From,valueonly,separator=%x00)%x00']);
  } catch {
    return new Set(); // no commits yet
  }
  return new Set(
    text
      .split('\0')
      .map((value) => value.trim())
      .filter(Boolean),
  );
}

async function headCommitDate(repo: string): Promise<string | undefined> {
  try {
    return (await gitText(repo, ['log', '-1', '--format=%cI'])).trim().slice(0, 10) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A commit dated the day of the check-in (author date). The committer date is the same day when the
 * branch holds nothing later, so history reads the past as it happened; otherwise it stays now and the
 * key result's `as_of` dates the check-in.
 */
async function commit(repo: string, files: string[], message: string, day: string, headDate: string | undefined, author: { name: string; email: string } | undefined): Promise<void> {
  const date = `${day}T12:00:00+00:00`;
  const env: NodeJS.ProcessEnv = { ...gitEnv(), GIT_AUTHOR_DATE: date };
  if (headDate === undefined || headDate <= day) env.GIT_COMMITTER_DATE = date;
  if (author !== undefined && author.name !== '') {
    env.GIT_AUTHOR_NAME = author.name;
    env.GIT_AUTHOR_EMAIL = author.email;
  }
  // A check-in that changes nothing in the file (the same value on the same day) is still recorded, with its note.
  if (files.length > 0) await git(repo, ['add', '--', ...files], env);
  await git(repo, ['commit', '-q', '--allow-empty', '-F', '-', ...(files.length > 0 ? ['--', ...files] : [])], env, message);
}

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd, env }, (error, _stdout, stderr) => (error ? reject(new Error(`git ${args[0]} failed: ${stderr.trim() || error.message}`)) : resolve()));
    child.stdin?.end(input);
  });
}
