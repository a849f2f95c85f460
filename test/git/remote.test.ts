import { afterAll, describe, expect, it } from 'vitest';
import { repositoryWebAddress, webAddress } from '../../src/git/remote.ts';
import { createRepo, removeTempFolders, tempFolder } from '../helpers/git-repo.ts';

afterAll(removeTempFolders);

describe('the repository web address', () => {
  it('reads the forms git accepts and keeps only host and path', () => {
    expect(webAddress('https://github.com/acme/okrs.git')).toBe('https://github.com/acme/okrs');
    expect(webAddress('https://github.com/acme/okrs/')).toBe('https://github.com/acme/okrs');
    expect(webAddress('git@github.com:acme/okrs.git')).toBe('https://github.com/acme/okrs');
    expect(webAddress('ssh://git@GitHub.com/acme/okrs')).toBe('https://github.com/acme/okrs');
    expect(webAddress('https://gitlab.example.com/group/sub/okrs.git')).toBe('https://gitlab.example.com/group/sub/okrs');
  });

  it('never keeps a user name or token, and gives nothing for a remote on disk or odd paths', () => {
    expect(webAddress('https://x-access-token:ghs_secret@github.com/acme/okrs.git')).toBe('https://github.com/acme/okrs');
    expect(webAddress('https://user@github.com/acme/okrs?token=1#frag')).toBe('https://github.com/acme/okrs');
    expect(webAddress('/srv/git/okrs.git')).toBeUndefined();
    expect(webAddress('file:///srv/git/okrs.git')).toBeUndefined();
    expect(webAddress('../okrs')).toBeUndefined();
    expect(webAddress('C:/repos/okrs')).toBeUndefined();
    expect(webAddress('https://github.com/acme')).toBeUndefined();
    expect(webAddress('https://github.com/acme/"><script>')).toBeUndefined();
    expect(webAddress('javascript:alert(1)//github.com/a/b')).toBeUndefined();
  });

  it('is read from the origin remote of a repository, and is absent without one', async () => {
    const repo = createRepo();
    expect(await repositoryWebAddress(repo.dir)).toBeUndefined();
    repo.git(['remote', 'add', 'origin', 'https://token@github.com/acme/okrs.git']);
    expect(await repositoryWebAddress(repo.dir)).toBe('https://github.com/acme/okrs');
    expect(await repositoryWebAddress(tempFolder())).toBeUndefined();
  });
});
