/**
 * Escaping for the markup the site writes as strings (the long lists and the charts, where a
 * component per row costs more than the row): text as HTML text, and values inside
 * double-quoted attributes. Both escape exactly as Astro's own templates do, so a list
 * written here and the same list written as components are the same bytes.
 */

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const TEXT_SPECIAL = /[&<>"']/;

/** Text as HTML that reads exactly that text, in an element's content or any attribute value. */
export function escapeHtml(text: string): string {
  return TEXT_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => TEXT_ENTITIES[char]!) : text;
}

/**
 * A value for inside a double-quoted attribute (`href="…"`): `&` and `"` as entities, which is
 * all such a value needs to stay one value that reads exactly that text, and what Astro writes.
 */
export function escapeAttribute(value: string | number): string {
  const text = String(value);
  return text.includes('&') || text.includes('"') ? text.replace(/&/g, '&amp;').replace(/"/g, '&quot;') : text;
}

/** ` name="value"`, or nothing for a value of null or undefined, as Astro writes an attribute. */
export function attribute(name: string, value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : ` ${name}="${escapeAttribute(value)}"`;
}
