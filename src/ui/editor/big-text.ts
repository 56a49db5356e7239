/**
 * What the editor does with a big text. Measured in Chromium on a 2-core machine: Monaco builds
 * its view of a model synchronously, line by line, when the model is attached (~0.5 s for
 * 130,000 lines, 3 MB) and re-renders after every edit (150–700 ms per 256 KB piece appended to an
 * 11.7 MB model). So a text bigger than WHOLE_MAX_CHARS is shown in part — its beginning,
 * read-only — and goes in whole only when asked for; the design itself is analysed and drawn
 * whole either way.
 */

/** Above this size only the text's beginning is shown, until the whole is asked for. */
export const WHOLE_MAX_CHARS = 2 * 1024 * 1024;

/**
 * A line longer than this is not shown whole: Monaco lays out and measures a line as one unit,
 * and a 20 MB line (one JSON document) costs seconds per render. Such a text is shown in part.
 */
export const LONGEST_SHOWN_LINE = 100_000;

/**
 * How much of a text shown in part the editor holds: a screenful and more. (64 KB — 2,800 lines
 * of flow-style YAML — took 100–400 ms tasks of background tokenisation on a busy machine.)
 */
export const PART_CHARS = 16 * 1024;

/** The length of the longest line (a scan, ~10 ms on 20 MB). */
export function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > longest) longest = stop - start;
    if (end < 0) return longest;
    start = end + 1;
  }
}

/** The beginning of a text shown in part: up to `chars` characters, cut at a line end if one is there. */
export function partOf(text: string, chars = PART_CHARS): string {
  if (text.length <= chars) return text;
  const cut = text.lastIndexOf('\n', chars);
  return cut > 0 ? text.slice(0, cut + 1) : text.slice(0, chars);
}
