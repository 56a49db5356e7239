/**
 * Line and scalar reading for the fast block-YAML locator (locate-fast.ts). Everything here either
 * understands the text exactly as eemeli/yaml would place it, or throws GiveUp so that the caller
 * falls back to the CST parser: a wrong location is worse than a slow one.
 */
export class GiveUp extends Error {}

export function giveUp(): never {
  throw new GiveUp('not plain block YAML');
}

/** One line holding content (blank and whole-line comment lines are dropped). */
export interface ContentLine {
  readonly start: number;
  /** End of the line's text, before any `\r\n` / `\n`. */
  readonly end: number;
  /** Leading spaces. */
  readonly indent: number;
}

/**
 * Tabs (indentation traps), controls, C1 and Unicode line separators and BOMs make the CST
 * parser's positions or errors depend on rules this reader does not model; a lone CR is a line
 * break to YAML (§5.4) where this reader sees none.
 */
function unsupported(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 ? c !== 10 && (c !== 13 || text.charCodeAt(i + 1) !== 10) : c >= 0x7f && (c <= 0x9f || c === 0x2028 || c === 0x2029 || c === 0xfeff)) return true;
  }
  return false;
}

// Document markers inside a document's text (split.ts gives each document its own `---` line).
const MARKER = /^(?:---|\.\.\.)(?: |$)/;
const LONE_START = /^--- *$/;

/** The document's content lines; only a bare `---` before any content is accepted as a marker. */
export function contentLines(text: string): ContentLine[] {
  if (unsupported(text)) giveUp();
  const lines: ContentLine[] = [];
  let marked = false;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const next = nl === -1 ? text.length + 1 : nl + 1;
    const end = nl === -1 ? text.length : nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let indent = 0;
    while (pos + indent < end && text.charCodeAt(pos + indent) === 32) indent++;
    const first = pos + indent < end ? text[pos + indent] : '';
    if (first !== '' && first !== '#') {
      // Only a line starting with `-` or `.` at column 0 can be a marker: the others are not copied.
      if (indent === 0 && (first === '-' || first === '.') && MARKER.test(text.slice(pos, end))) {
        // A second `---` starts a second document (parseDocument then has no single answer).
        if (marked || lines.length > 0 || !LONE_START.test(text.slice(pos, end))) giveUp();
        marked = true;
      } else if (first === '%') {
        giveUp(); // a directive, or a plain scalar YAML would reject
      } else {
        lines.push({ start: pos, end, indent });
      }
    }
    pos = next;
  }
  return lines;
}

/** A `-` entry indicator at `at`: followed by a space or the end of the line. */
export function isSeqItem(text: string, at: number, end: number): boolean {
  return text.charCodeAt(at) === 45 && (at + 1 === end || text.charCodeAt(at + 1) === 32);
}

// A key the fast path accepts: plain, and a string under the YAML 1.2 core schema (which is what
// parseDocument resolves keys with), so `String(key.value)` is the key's own text.
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const NON_STRING_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** End of a plain run (before ` #` or the line end), trailing spaces excluded. */
function plainEnd(text: string, from: number, end: number): number {
  // A scan bounded by the line: indexOf would run on through the rest of the document.
  let e = end;
  for (let i = from + 1; i < end; i++) {
    if (text.charCodeAt(i) === 35 && text.charCodeAt(i - 1) === 32) {
      e = i - 1;
      break;
    }
  }
  while (e > from && text.charCodeAt(e - 1) === 32) e--;
  return e;
}

/** Offset of the `:` that ends a block mapping key starting at `from`, or -1 when the line is no pair. */
export function keyColon(text: string, from: number, end: number): number {
  const c = text.charCodeAt(from);
  if (c === 34 || c === 39) return -1; // quoted: read as a scalar, whose trailing text then gives up
  return pairColon(text, from, plainEnd(text, from, end));
}

/** First `:` before `stop` followed by a space or by `stop`: the mapping value indicator. */
function pairColon(text: string, from: number, stop: number): number {
  for (let i = text.indexOf(':', from); i !== -1 && i < stop; i = text.indexOf(':', i + 1)) {
    if (i + 1 === stop || text.charCodeAt(i + 1) === 32) return i;
  }
  return -1;
}

/** The key's text, when it is one the fast path may compare by text. */
export function plainKey(text: string, from: number, colon: number): string {
  const key = text.slice(from, colon);
  if (!PLAIN_KEY.test(key) || NON_STRING_KEYS.has(key)) giveUp();
  return key;
}

// Plain scalars may not start with an indicator (anchors, aliases, tags, block scalars, flows…),
// except `-`, `?`, `:` before a non-space (YAML 1.2 ns-plain-first): `-1` is a plain scalar.
const INDICATOR = new Set([...'-?:,[]{}#&*!|>%@`']);
const SIGNED = /^[-?:][A-Za-z0-9.]$/;

/** [start, end) of a one-line scalar value at `from`, exactly as the CST parser ranges it. */
export function inlineScalar(text: string, from: number, end: number): readonly [number, number] {
  const q = text[from];
  if (q === '"' || q === "'") {
    let i = from + 1;
    while (i < end) {
      const c = text[i];
      if (q === '"' && c === '\\') i += 2;
      else if (c !== q) i++;
      else if (q === "'" && text[i + 1] === "'") i += 2;
      else break;
    }
    if (i >= end) giveUp(); // the scalar goes on to the next line
    const close = i + 1;
    // Only spaces, then the end or a comment: a `:` would make it a quoted key.
    const rest = plainEnd(text, close, end);
    if (rest !== close || (close < end && text.charCodeAt(close) !== 32)) giveUp();
    return [from, close];
  }
  if (INDICATOR.has(q ?? '') && !SIGNED.test(text.slice(from, from + 2))) giveUp();
  const stop = plainEnd(text, from, end);
  // `a: b` inside a value is a nested compact mapping, an error YAML reports, not a scalar.
  if (pairColon(text, from, stop) !== -1) giveUp();
  return [from, stop];
}

// Inside a flow collection the fast path accepts only characters that cannot open a quote, a
// comment, an anchor, alias or tag, so its end is the bracket matching its opening one.
const FLOW_SAFE = /^[A-Za-z0-9 _./,:{}[\]-]*$/;

/**
 * [start, end) of a one-line flow collection (`{}`, `[a, b]`, `{app: web}`) at `from`, or null
 * when the value does not start one. It is kept whole: the locator answers for the key holding it
 * and leaves any path into it to the CST.
 */
export function flowValue(text: string, from: number, end: number): readonly [number, number] | null {
  const open = text[from];
  if (open !== '{' && open !== '[') return null;
  const stop = plainEnd(text, from, end);
  if (!FLOW_SAFE.test(text.slice(from, stop))) giveUp();
  const stack: string[] = [];
  for (let i = from; i < stop; i++) {
    const c = text[i];
    if (c === '{') stack.push('}');
    else if (c === '[') stack.push(']');
    else if ((c === '}' || c === ']') && stack.pop() !== c) giveUp();
    // Closed before the end of the value (`[a]: b`, `{} x`), or still open at the end of the line.
    if (stack.length === 0 && i !== stop - 1) giveUp();
  }
  if (stack.length !== 0) giveUp();
  return [from, stop];
}
