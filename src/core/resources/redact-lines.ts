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

/** Edits in any order; an edit overlapping an earlier-accepted one is dropped (its range is already redacted). */
export class EditSet {
  private readonly edits: Edit[] = [];

  covers(offset: number): boolean {
    return this.edits.some((e) => e.start <= offset && offset < e.end);
  }

  add(edit: Edit): boolean {
    if (this.edits.some((e) => edit.start < e.end && e.start < edit.end)) return false;
    this.edits.push(edit);
    return true;
  }

  get size(): number {
    return this.edits.length;
  }

  apply(text: string): string {
    let out = '';
    let pos = 0;
    for (const e of [...this.edits].sort((a, b) => a.start - b.start)) {
      out += text.slice(pos, e.start) + keepLineCount(text.slice(e.start, e.end), e.text);
      pos = e.end;
    }
    return out + text.slice(pos);
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
