/**
 * The shape of an id (objective and key result): lower-case letters, digits,
 * `-` and `_`, starting with a letter or digit, at most 64 characters. Ids
 * become URLs and file names of the site, so one file's name can never make
 * the build fail.
 */
export const ID_MAX_LENGTH = 64;
export const ID_PATTERN = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}_-]*$/u;
export const ID_HINT = 'Expected a lower-case id such as `feedback` or `work-pace` (letters, digits, `-`, `_`)';

export function isValidId(id: string): boolean {
  return id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id);
}
