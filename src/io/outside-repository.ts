/**
 * The OKR folder resolves (through a symbolic link) to a place outside the folder it is read from.
 * Apart from read-tree.ts, so that the command line can recognise it without loading the parser.
 */
export class OutsideRepositoryError extends Error {
  constructor(root: string, target: string) {
    super(`${root} is a symbolic link to ${target}, outside the repository; nothing outside the repository is read. Move the folder into the repository instead of linking it`);
  }
}
