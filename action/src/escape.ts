/**
 * Text from OKR files, configs and commit messages, made safe for GitHub markdown:
 * no raw HTML, no links or images, no @-mentions or issue references that notify
 * anyone, no way out of a table cell or a code span.
 */

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|<>~&$:"']/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// Bidirectional overrides could make a line read differently from what it says.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
const ZERO_WIDTH_SPACE = '\u200b';

/** Plain text in a paragraph or a table cell. */
export function escapeText(text: string, maxLength = 500): string {
  return escapePlain(clip(text, maxLength));
}

/**
 * A message whose `backtick` spans are code: each span becomes a code span again
 * (its content cannot close it), the rest is escaped text.
 */
export function escapeMessage(text: string, maxLength = 1000): string {
  const clipped = clip(text, maxLength);
  const parts = clipped.split('`');
  if (parts.length % 2 === 0) return escapePlain(clipped);
  return parts.map((part, index) => (index % 2 === 0 ? escapePlain(part) : codeSpan(part))).join('');
}

/** A code span around text that holds no backtick; pipes stay inside a table cell. */
export function codeSpan(text: string): string {
  const content = text.replace(CONTROL, ' ').replace(BIDI, '').slice(0, 500).replace(/`/g, "'").replace(/\|/g, '\\|');
  if (content.trim() === '') return '';
  const padded = content.startsWith(' ') || content.endsWith(' ') ? ` ${content} ` : content;
  return `\`${padded}\``;
}

/** A label inside a mermaid block: letters, digits and a few separators only. */
export function mermaidLabel(text: string): string {
  return (
    text
      .replace(/[^\p{L}\p{N} ._/-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 40) || '?'
  );
}

/** One path segment or query value of a link. */
export function urlComponent(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function escapePlain(text: string): string {
  return neutralizeReferences(text).replace(MARKDOWN_PUNCTUATION, '\\$&');
}

function clip(text: string, maxLength: number): string {
  const flat = text.replace(CONTROL, ' ').replace(BIDI, '').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

/** `@name`, `#12` and `GH-12` would notify people or link issues; a zero-width space defuses them. */
function neutralizeReferences(text: string): string {
  return text
    .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZERO_WIDTH_SPACE}`);
}
