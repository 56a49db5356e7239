/**
 * Input values never reach a terminal raw. A value read from YAML, a file name or a request can
 * hold a newline (it would forge a line of the trace, the status or the loss report), an escape
 * sequence (it would drive the terminal) or a bidirectional override (it would reorder what is
 * shown: "Trojan Source", CVE-2021-42574). These are written as visible escapes instead:
 * C0 controls (tab and newline too: inside a value they are data, not layout), DEL, C1 controls,
 * U+2028/U+2029, and the bidi formatting characters U+061C, U+200E–U+200F, U+202A–U+202E,
 * U+2066–U+2069. Backslashes are left as they are (regular expressions stay readable).
 */
export function isUnsafe(c: number): boolean {
  return c <= 0x1f || isJsonUnsafe(c);
}

/** What JSON.stringify leaves raw among the unsafe characters (it escapes the C0 controls itself). */
function isJsonUnsafe(c: number): boolean {
  return (c >= 0x7f && c <= 0x9f) || c === 0x61c || c === 0x200e || c === 0x200f || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

const SHORT: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };
const hex = (c: number, width: number): string => c.toString(16).padStart(width, '0');

function replaceUnits(text: string, unsafe: (c: number) => boolean, escape: (c: number) => string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!unsafe(c)) continue;
    out += text.slice(from, i) + escape(c);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** One line of text output, its unsafe characters escaped (`\n`, `\x1b`, `\u202e`). Idempotent. */
export function escapeControls(text: string): string {
  return replaceUnits(text, isUnsafe, (c) => SHORT[c] ?? (c <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * JSON output: JSON.stringify escapes C0 controls but writes DEL, C1 and the bidi characters as
 * they are; those become `\u` escapes (four hex digits) too. They can only occur inside strings, so the JSON is unchanged.
 */
export function jsonText(value: unknown): string {
  return `${replaceUnits(JSON.stringify(value, null, 2), isJsonUnsafe, (c) => `\\u${hex(c, 4)}`)}\n`;
}
