/**
 * What a version of an objective file says about being private. Only a version
 * that reads as YAML and holds no `private:` key, or exactly the boolean `false`,
 * is public: `private: yes`, `private: "true"`, `private: 1` mean private to
 * whoever wrote them, and a version that cannot be read could say anything.
 */
export type Privacy = 'public' | 'private' | 'unknown';

/** The privacy of frontmatter that was read as YAML (valid or not). */
export function privacyOfData(raw: unknown): Privacy {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'unknown';
  if (!Object.hasOwn(raw, 'private')) return 'public';
  return (raw as { private: unknown }).private === false ? 'public' : 'private';
}

/** A line such as `private: true` (any value but `false`) in text that is not readable YAML. */
const PRIVATE_LINE = /^[ \t]*["']?private["']?[ \t]*:(?![ \t]*false[ \t]*(?:#.*)?\r?$)/im;

/** The privacy of text that could not be read as YAML: private when it mentions `private:`, otherwise unknown. */
export function privacyOfText(text: string): Privacy {
  return PRIVATE_LINE.test(text) ? 'private' : 'unknown';
}
