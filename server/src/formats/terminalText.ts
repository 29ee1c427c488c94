/**
 * Control characters a terminal would interpret: C0 (including newline and tab, which would split or shift a
 * `path:line:col` line), DEL, C1, and the bidirectional overrides and isolates that reorder what is shown
 * (U+202A–U+202E, U+2066–U+2069, "Trojan Source").
 */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text from the repository (file names, string literals quoted in messages) made safe for a terminal: every
 * control character becomes a visible escape (`\x1b`, `\n`, `\u202e`). Backslashes are kept as they are, so
 * a name like `a\b.ts` still reads as itself. Only for text output: JSON and SARIF carry the exact text.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (character) => {
    switch (character) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
    }
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
