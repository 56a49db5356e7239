/**
 * Splits a YAML stream into its documents by their markers, without parsing. A line that starts
 * with `---` or `...` (followed by a space, a tab or the end of the line) is a document marker
 * wherever it appears — YAML 1.2 §9.1.4 forbids such lines inside any scalar — so splitting on
 * them is exact. Each document keeps its own text range: a syntax error in one document leaves
 * the others usable, and an edit to one document leaves the others' bytes untouched.
 */
export interface DocumentSpan {
  /** 0-based index of the document in its file. */
  readonly index: number;
  /** Offsets of the document in the file text: [start, end). Includes its own `---` line. */
  readonly start: number;
  readonly end: number;
  /** Whether the document has any content besides comments, blank lines and markers. */
  readonly hasContent: boolean;
}

const START = /^---(?=[ \t\r]|$)/;
const END = /^\.\.\.(?=[ \t\r]|$)/;
const DASH = 0x2d;
const DOT = 0x2e;

function isContentLine(line: string): boolean {
  const t = line.trimStart();
  return t !== '' && t[0] !== '#' && !(line[0] === '%');
}

export function splitDocuments(text: string): DocumentSpan[] {
  const spans: DocumentSpan[] = [];
  let start = 0;
  let hasContent = false;
  let explicit = false; // the current document began with `---`
  let ended = false; // a `...` closed the current document
  let pos = 0;
  const close = (end: number): void => {
    spans.push({ index: spans.length, start, end, hasContent });
  };
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const first = text.charCodeAt(pos);
    // Only a line starting with '-' or '.' can be a marker, and only the first content line after
    // a `...` or in a document still empty changes anything: the other lines are not read.
    if (first !== DASH && first !== DOT && hasContent && !ended) {
      if (nl === -1) break;
      pos = nl + 1;
      continue;
    }
    const line = text.slice(pos, lineEnd);
    if (START.test(line)) {
      if (hasContent || explicit) {
        close(pos);
        start = pos;
      }
      explicit = true;
      ended = false;
      hasContent = line.slice(3).trim() !== '' && !line.slice(3).trim().startsWith('#');
    } else if (END.test(line)) {
      ended = true;
    } else if (isContentLine(line)) {
      if (ended) {
        close(pos);
        start = pos;
        explicit = false;
        ended = false;
      }
      hasContent = true;
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  close(text.length);
  return spans;
}
