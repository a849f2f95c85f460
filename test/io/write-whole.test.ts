/** Files written whole or not at all, alone or as a set: what a failure leaves and what it says. */
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAllWhole, WriteError, writeNew, writeWhole } from '../../src/io/write-whole.ts';
import { removeAll, tempDir } from '../fixtures/repos.ts';

const dirs: string[] = [];
afterAll(() => removeAll(...dirs));

async function folder(): Promise<string> {
  const dir = await tempDir('okr-write-whole-');
  dirs.push(dir);
  return dir;
}

async function caught(promise: Promise<unknown>): Promise<WriteError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WriteError);
  return error as WriteError;
}

describe('writeWhole', () => {
  it('replaces a file and keeps its permissions', async () => {
    const dir = await folder();
    const file = path.join(dir, 'objective.md');
    await writeFile(file, 'before\n');
    await chmod(file, 0o600);
    await writeWhole(file, 'after\n');
    expect(await readFile(file, 'utf8')).toBe('after\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['objective.md']);
  });
});

describe('writeAllWhole', () => {
  it('writes every file of the set, making the folders they need', async () => {
    const dir = await folder();
    await writeAllWhole([
      { file: path.join(dir, 'a.md'), text: 'a\n' },
      { file: path.join(dir, 'next/b.md'), text: 'b\n' },
    ]);
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('a\n');
    expect(await readFile(path.join(dir, 'next/b.md'), 'utf8')).toBe('b\n');
  });

  it('writes none of the set when one cannot be written, and leaves no temp file or new folder behind', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'a.md'), 'a as it was\n');
    // A file where the third one's folder should be: its folder cannot be made.
    await writeFile(path.join(dir, 'blocked'), 'not a folder\n');
    const error = await caught(
      writeAllWhole([
        { file: path.join(dir, 'a.md'), text: 'a\n' },
        { file: path.join(dir, 'new/deeper/b.md'), text: 'b\n' },
        { file: path.join(dir, 'blocked/c.md'), text: 'c\n' },
      ]),
    );
    expect({ failed: error.failed, written: error.written }).toEqual({ failed: 2, written: 0 });
    expect(error.reason).toMatch(/^(ENOTDIR|EEXIST) /);
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('a as it was\n');
    expect((await readdir(dir)).sort()).toEqual(['a.md', 'blocked']);
  });

  it('names the files written and not written when a rename fails part-way', async () => {
    const dir = await folder();
    // A folder where the second file should go: its temp file is written, its rename is refused.
    await mkdir(path.join(dir, 'b.md'));
    const error = await caught(
      writeAllWhole([
        { file: path.join(dir, 'a.md'), text: 'a\n' },
        { file: path.join(dir, 'b.md'), text: 'b\n' },
        { file: path.join(dir, 'c.md'), text: 'c\n' },
      ]),
    );
    expect({ failed: error.failed, written: error.written }).toEqual({ failed: 1, written: 1 });
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('a\n');
    expect((await readdir(dir)).sort()).toEqual(['a.md', 'b.md']);
  });
});

describe('writeNew', () => {
  it('writes a new file whole, making its folder, and leaves no temp file', async () => {
    const dir = await folder();
    const file = path.join(dir, 'okrs/2026-Q4/objective.md');
    expect(await writeNew(file, 'new\n')).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('new\n');
    expect(await readdir(path.dirname(file))).toEqual(['objective.md']);
  });

  it('never replaces a file already there, and says so', async () => {
    const dir = await folder();
    const file = path.join(dir, 'mission.md');
    await writeFile(file, 'mine\n');
    expect(await writeNew(file, 'starter\n')).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('mine\n');
    expect(await readdir(dir)).toEqual(['mission.md']);
  });

  it('gives exactly one of several writers racing for the same name the file', async () => {
    const dir = await folder();
    const file = path.join(dir, 'objective.md');
    const wrote = await Promise.all(['a', 'b', 'c', 'd'].map((text) => writeNew(file, `${text}\n`)));
    expect(wrote.filter(Boolean)).toHaveLength(1);
    expect(await readFile(file, 'utf8')).toBe(`${'abcd'[wrote.indexOf(true)]}\n`);
    expect(await readdir(dir)).toEqual(['objective.md']);
  });
});
