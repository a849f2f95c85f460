/**
 * Whether text that a feed reader (or any consumer) will render as HTML holds
 * live markup, checked with parse5, a spec-compliant HTML parser.
 */
import { parseFragment } from 'parse5';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

/**
 * Elements and attributes found when `html` is parsed as an HTML fragment, as `tag` and `tag[attr]`;
 * elements named in `allowed` count only when they carry an attribute.
 */
export function liveMarkup(html: string, allowed: readonly string[] = []): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    if (node.tagName !== undefined) {
      if (!allowed.includes(node.tagName)) found.push(node.tagName);
      for (const attribute of node.attrs ?? []) found.push(`${node.tagName}[${attribute.name}]`);
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parseFragment(html) as unknown as Node);
  return found;
}
