/**
 * Obsidian's comments: `%% … %%`, inline or over several lines, are shown in
 * the editor only and never rendered. They are removed before a body is
 * published. Fenced code blocks keep their text; an unclosed `%%` hides the
 * rest of the body, as in Obsidian.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function withoutComments(markdown: string): string {
  if (!markdown.includes('%%')) return markdown;
  const lines = markdown.split('\n');
  const kept: string[] = [];
  let inComment = false;
  let fence: string | undefined;
  for (const line of lines) {
    if (fence !== undefined) {
      kept.push(line);
      if (line.trimStart().startsWith(fence) && line.trim().replace(/^[`~]+/, '') === '') fence = undefined;
      continue;
    }
    if (!inComment) {
      const opened = FENCE.exec(line)?.[1];
      if (opened !== undefined) {
        fence = opened;
        kept.push(line);
        continue;
      }
    }
    let out = '';
    let rest = line;
    for (;;) {
      const at = rest.indexOf('%%');
      if (inComment) {
        if (at === -1) break;
        rest = rest.slice(at + 2);
        inComment = false;
        continue;
      }
      if (at === -1) {
        out += rest;
        break;
      }
      out += rest.slice(0, at);
      rest = rest.slice(at + 2);
      inComment = true;
    }
    // A line that held only a comment goes; one that held text keeps it.
    if (out.trim() !== '' || (!line.includes('%%') && !inComment)) kept.push(out);
  }
  return kept.join('\n');
}
