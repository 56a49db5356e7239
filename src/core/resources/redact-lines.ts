/**
 * A document's text seen as lines, for redaction that must work on YAML no parser accepts (a
 * duplicate key, a tab used for indentation). Changes are collected as non-overlapping edits on
 * offsets and applied once, so every other byte of the document stays as it was.
 */
export interface TextLine {
  readonly start: number;
  /** Offset of the line's end, before its `\r\n` / `\n`. */
  readonly end: number;
  readonly text: string;
  /** Leading spaces and tabs, counted as characters (a tab counts one: broken YAML is read leniently). */
  readonly indent: number;
  /** Column of the first key after any `- ` sequence indicators (`  - kind: x` → 4). */
  readonly keyColumn: number;
  /** Whether the line starts with `- ` (after its indentation). */
  readonly dash: boolean;
  /** Blank or comment-only. */
  readonly empty: boolean;
}

const LEAD = /^([ \t]*)((?:-[ \t]+)*)/;

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const rawEnd = nl === -1 ? text.length : nl;
    const end = rawEnd > pos && text[rawEnd - 1] === '\r' ? rawEnd - 1 : rawEnd;
    const line = text.slice(pos, end);
    const m = LEAD.exec(line);
    const indent = m?.[1]?.length ?? 0;
    const dashes = m?.[2]?.length ?? 0;
    const rest = line.slice(indent + dashes).trimStart();
    lines.push({ start: pos, end, text: line, indent, keyColumn: indent + dashes, dash: dashes > 0, empty: rest === '' || rest[0] === '#' });
    if (nl === -1) break;
    pos = nl + 1;
  }
  return lines;
}

/** A block mapping key on a line: `key:` / `"key":` / `'key':` followed by a space or the end. */
export interface KeyLine {
  readonly key: string;
  /** Offset (in the document) where the value text starts, just after `:`. */
  readonly valueStart: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#:{[\]}&*!|>-][^#]*?|<<)[ \t]*:(?=[ \t]|$)/;

export function keyOf(line: TextLine): KeyLine | null {
  const body = line.text.slice(line.keyColumn);
  const m = KEY.exec(body);
  if (!m?.[1]) return null;
  return { key: unquote(m[1].trim()), valueStart: line.start + line.keyColumn + m[0].length };
}

export function unquote(token: string): string {
  if (token.startsWith('"') && token.endsWith('"') && token.length >= 2) {
    try {
      const v: unknown = JSON.parse(token);
      return typeof v === 'string' ? v : token.slice(1, -1);
    } catch {
      return token.slice(1, -1);
    }
  }
  if (token.startsWith("'") && token.endsWith("'") && token.length >= 2) return token.slice(1, -1).replace(/''/g, "'");
  return token;
}

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Edits in any order; an edit overlapping an accepted one is dropped (its range is already
 * redacted). Accepted edits live in a sorted array (binary search) plus a small unsorted buffer
 * merged into it now and then, so that neither appending nor inserting in the middle costs a
 * pass over all edits each time: 100,000 values and 20,000 anchors stay n·√n at worst.
 */
export class EditSet {
  private sorted: Edit[] = [];
  private pending: Edit[] = [];

  /** Index of the first sorted edit starting after `offset`. */
  private after(offset: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid]?.start ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  covers(offset: number): boolean {
    const before = this.sorted[this.after(offset) - 1];
    if (before !== undefined && offset < before.end) return true;
    return this.pending.some((e) => e.start <= offset && offset < e.end);
  }

  add(edit: Edit): boolean {
    const at = this.after(edit.start);
    const prev = this.sorted[at - 1];
    const next = this.sorted[at];
    if ((prev && edit.start < prev.end) || (next && next.start < edit.end)) return false;
    if (this.pending.some((e) => edit.start < e.end && e.start < edit.end)) return false;
    if (at === this.sorted.length && this.pending.length === 0) this.sorted.push(edit);
    else this.pending.push(edit);
    if (this.pending.length > Math.max(64, Math.sqrt(this.sorted.length))) this.merge();
    return true;
  }

  private merge(): void {
    if (this.pending.length === 0) return;
    const add = this.pending.sort((a, b) => a.start - b.start || a.end - b.end);
    const out: Edit[] = [];
    let i = 0;
    for (const e of this.sorted) {
      while (i < add.length && (add[i]?.start ?? 0) < e.start) out.push(add[i++] as Edit);
      out.push(e);
    }
    while (i < add.length) out.push(add[i++] as Edit);
    this.sorted = out;
    this.pending = [];
  }

  get size(): number {
    return this.sorted.length + this.pending.length;
  }

  apply(text: string): string {
    this.merge();
    const parts: string[] = [];
    let pos = 0;
    for (const e of this.sorted) {
      if (e.start < pos) continue; // never happens: add() refuses overlaps
      parts.push(text.slice(pos, e.start), keepLineCount(text.slice(e.start, e.end), e.text));
      pos = e.end;
    }
    parts.push(text.slice(pos));
    return parts.join('');
  }
}

/**
 * Index of the first line after `from` that does not belong to the value of a key on line `from`:
 * YAML's rule is that a value's lines are indented more than its key (a sequence may also sit at
 * the key's own indentation). Blank and comment lines in between belong to the value.
 */
export function valueEnd(lines: readonly TextLine[], from: number, keyIndent: number): number {
  let last = from;
  for (let i = from + 1; i < lines.length; i++) {
    const l = lines[i];
    if (!l) break;
    if (l.empty) continue;
    if (l.indent > keyIndent || (l.indent === keyIndent && l.dash)) last = i;
    else break;
  }
  return last + 1;
}

/**
 * The replacement, followed by as many line breaks as it has fewer than what it replaces: every
 * line after a redacted value keeps its number, so locations still point into the user's own file
 * (the CLI reads files it never rewrites). Blank lines mean nothing in YAML or JSON structure.
 */
export function keepLineCount(replaced: string, replacement: string): string {
  const lost = countNewlines(replaced) - countNewlines(replacement);
  return lost > 0 ? replacement + (replaced.includes('\r\n') ? '\r\n' : '\n').repeat(lost) : replacement;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
