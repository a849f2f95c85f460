/** JSON Pointer (RFC 6901): `/data/active` names `doc.data.active`; `~1` is `/`, `~0` is `~`. */

export type PointerResult = { found: true; value: unknown } | { found: false; at: string };

export function resolvePointer(document: unknown, pointer: string): PointerResult {
  if (pointer === '') return { found: true, value: document };
  let value = document;
  let at = '';
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    at += `/${raw}`;
    if (Array.isArray(value) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < value.length) value = value[Number(token)];
    else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, token)) value = (value as Record<string, unknown>)[token];
    else return { found: false, at };
  }
  return { found: true, value };
}
