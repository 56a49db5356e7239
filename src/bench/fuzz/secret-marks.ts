/**
 * Whether redaction promises to remove a value (redact-text.ts: the values under `data:` /
 * `stringData:` of a mapping marked `kind: Secret`), judged line by line so that it holds for text
 * no parser accepts: every line holding the value sits under a `data:` / `stringData:` line, whose
 * own mapping says `kind: Secret`. A mutation that deletes or mangles those markers, or moves the
 * value out of `data`, makes it a value redaction does not promise to find. Tabs count as 8 columns.
 */
const VALUES_KEY = /^[ \t]*(?:- +)?(?:data|stringData): *\r?$/;
const SECRET_KIND = /^[ \t]*(?:- +)?kind: *["']?Secret["']? *\r?$/;

function indentOf(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 8 - (n % 8);
    else break;
  }
  return n;
}

/** The key column of a line (`  - kind: x` → 4). */
const keyColumn = (line: string): number => indentOf(line) + (/^[ \t]*(- +)/.exec(line)?.[1]?.length ?? 0);
const blank = (line: string): boolean => /^\s*(#.*)?$/.test(line);

/** The nearest line above `i` whose key column is less than `column`, or -1. */
function parentOf(lines: readonly string[], i: number, column: number): number {
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j] ?? '';
    if (/^(---|\.\.\.)/.test(l)) return -1;
    if (!blank(l) && keyColumn(l) < column) return j;
  }
  return -1;
}

export function valuesMarkedSecret(text: string, value: string): boolean {
  const lines = text.split('\n');
  return lines.every((line, i) => {
    if (!line.includes(value)) return true;
    const data = parentOf(lines, i, keyColumn(line));
    const dataLine = lines[data] ?? '';
    if (data === -1 || !VALUES_KEY.test(dataLine)) return false;
    // Siblings of `data:` up to the mapping's start (a `- ` entry at that column, or a shallower line).
    const column = keyColumn(dataLine);
    for (let j = data; j >= 0; j--) {
      const l = lines[j] ?? '';
      if (/^(---|\.\.\.)/.test(l) || (!blank(l) && keyColumn(l) < column)) return false;
      if (keyColumn(l) === column && SECRET_KIND.test(l)) return true;
      if (j !== data && /^[ \t]*- /.test(l) && keyColumn(l) === column) return false;
    }
    return false;
  });
}
