/** Counted words for messages: `1 objective`, `2 objectives`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
