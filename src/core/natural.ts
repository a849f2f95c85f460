/**
 * Natural order for names people write: `part 2` before `part 10`. A fixed
 * locale and options, so the order is the same on every machine.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

export function compareNatural(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
