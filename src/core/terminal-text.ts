/**
 * Text from OKR files and commits on its way to a terminal. Titles, owners,
 * units, file names and commit messages are anyone's input: an ESC or OSC
 * sequence in them could set the window title, write the clipboard (OSC 52)
 * or clear the screen. Control characters (C0 but tab and, where lines are
 * meant, newline; DEL; C1) and the bidirectional overrides are shown
 * visibly escaped, e.g. `\x1b`, instead.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_AND_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `newlines: true` keeps `\n` (a message of several lines); otherwise it is shown as `\n` too. */
export function terminalText(text: string, { newlines = false }: { newlines?: boolean } = {}): string {
  return text.replace(newlines ? CONTROL : CONTROL_AND_NEWLINE, visible);
}

function visible(char: string): string {
  const code = char.charCodeAt(0);
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
