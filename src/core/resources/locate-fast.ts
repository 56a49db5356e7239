import type { FieldPath } from './path.js';
import { contentLines, flowValue, giveUp, GiveUp, inlineScalar, isSeqItem, keyColon, plainKey, type ContentLine } from './locate-fast-lines.js';

/**
 * A fast locator for the common shape of Kubernetes manifests: block mappings and sequences laid
 * out by indentation, plain keys, one-line scalars. Issue 15: eemeli/yaml's parseDocument took
 * ~40 % of a cold analysis when every document had a diagnostic; reading the lines directly is
 * many times cheaper. It must give the very Span locate.ts's CST walk gives, so the whole
 * document is read up front and anything outside that shape (multi-line or quoted flows, anchors,
 * tags, merge keys, quoted or complex keys, block or multi-line scalars, tabs, directives,
 * duplicate keys, empty sequence entries, nesting past MAX_DEPTH…) makes it answer null, as does
 * a path into a one-line flow collection: the caller then asks the CST parser.
 */
type Span = readonly [start: number, end: number];

interface MapNode {
  readonly kind: 'map';
  readonly start: number;
  readonly pairs: Map<string, { readonly key: Span; readonly value: FastNode }>;
}
interface SeqNode {
  readonly kind: 'seq';
  readonly start: number;
  readonly items: FastNode[];
}
/** `flow`: a one-line flow collection, kept whole (its inside is the CST's to locate). */
type FastNode = MapNode | SeqNode | { readonly kind: 'scalar'; readonly span: Span } | { readonly kind: 'flow'; readonly span: Span } | { readonly kind: 'empty' };

export interface FastLocator {
  /** The CST locator's Span for (path, prefer), or null where only the CST parser can tell. */
  locate(path: FieldPath, prefer: 'key' | 'value'): Span | null;
}

/** Null when the document is not entirely in the shape this reader understands. */
export function createFastLocator(text: string): FastLocator | null {
  let root: FastNode;
  try {
    root = new BlockReader(text).readDocument();
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
  return { locate: (path, prefer) => locateIn(text, root, path, prefer) };
}

/** Mirrors createDocumentLocator's walk over the CST, step by step. */
function locateIn(text: string, root: FastNode, path: FieldPath, prefer: 'key' | 'value'): Span | null {
  let node = root;
  let key: Span | null = null;
  for (const seg of path) {
    if (typeof seg === 'number' && node.kind === 'seq') {
      const item = node.items[seg];
      if (item === undefined) break;
      node = item;
      key = null;
    } else if (typeof seg === 'string' && node.kind === 'map') {
      const pair = node.pairs.get(seg);
      if (!pair) break;
      key = pair.key;
      node = pair.value;
    } else if (node.kind === 'flow') return null;
    else break;
  }
  if (prefer === 'key' && key) return key;
  if (node.kind === 'scalar') return node.span;
  // An empty value is a null scalar to the CST, ranged by rules this reader does not model.
  if (node.kind === 'empty') return null;
  if (key) return key;
  if (node.kind === 'flow') return null; // its CST range may run on over trailing text
  // A collection is shown by its first line; the CST's range for it ends past that line only when
  // a line break follows, so a collection starting on an unterminated last line is left to it.
  const nl = text.indexOf('\n', node.start);
  if (nl === -1) return null;
  return [node.start, nl > node.start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl];
}

/** Far deeper than any manifest; 3 stack frames a level stay well inside the engine's stack. */
const MAX_DEPTH = 200;

/** Recursive descent over content lines; `at` is the next unread line. */
class BlockReader {
  private readonly lines: ContentLine[];
  private at = 0;
  /** Open collections: deep nesting (a hostile paste) is left to the CST rather than to the JS stack. */
  private depth = 0;

  constructor(private readonly text: string) {
    this.lines = contentLines(text);
  }

  readDocument(): FastNode {
    const first = this.lines[0];
    if (!first) giveUp(); // an empty document is a null scalar to the CST
    const root = this.block(first.indent, first.start + first.indent);
    if (this.at < this.lines.length) giveUp(); // lines the structure could not place
    return root;
  }

  private peek(): ContentLine | undefined {
    return this.lines[this.at];
  }

  private block(indent: number, from: number): FastNode {
    const line = this.lines[this.at];
    if (line && isSeqItem(this.text, from, line.end)) return this.seq(indent);
    return this.map(indent, from);
  }

  /** A mapping whose keys sit at column `indent`; its first key starts at `from` on the current line. */
  private map(indent: number, from: number): MapNode {
    this.enter();
    const pairs: MapNode['pairs'] = new Map();
    let pos = from;
    for (;;) {
      const line = this.lines[this.at];
      if (!line) giveUp();
      const colon = keyColon(this.text, pos, line.end);
      if (colon === -1) giveUp(); // a scalar where a key belongs: multi-line scalar or error
      const name = plainKey(this.text, pos, colon);
      if (pairs.has(name)) giveUp();
      this.at++;
      pairs.set(name, { key: [pos, colon], value: this.value(indent, colon + 1, line.end) });
      const next = this.peek();
      if (!next || next.indent < indent || isSeqItem(this.text, next.start + indent, next.end)) break;
      if (next.indent > indent) giveUp();
      pos = next.start + indent;
    }
    this.depth--;
    return { kind: 'map', start: from, pairs };
  }

  /** The value after a key's `:`, on the same line or as a block below it. */
  private value(indent: number, after: number, end: number): FastNode {
    let p = after;
    while (p < end && this.text.charCodeAt(p) === 32) p++;
    if (p < end && this.text[p] !== '#') return this.inline(indent, p, end);
    const next = this.peek();
    if (next && next.indent > indent) return this.block(next.indent, next.start + next.indent);
    // A mapping's value may be a sequence at the mapping's own indentation (YAML 1.2 §8.2.3).
    if (next && next.indent === indent && isSeqItem(this.text, next.start + indent, next.end)) return this.seq(indent);
    return { kind: 'empty' };
  }

  /** A sequence whose `-` indicators sit at column `indent`. */
  private seq(indent: number): SeqNode {
    this.enter();
    const items: FastNode[] = [];
    const start = (this.lines[this.at]?.start ?? 0) + indent;
    for (;;) {
      const line = this.lines[this.at];
      if (!line) break;
      if (line.indent < indent) break;
      if (line.indent > indent) giveUp();
      const dash = line.start + indent;
      if (!isSeqItem(this.text, dash, line.end)) break;
      let p = dash + 1;
      while (p < line.end && this.text.charCodeAt(p) === 32) p++;
      // Entries continued on the next lines, commented or nested on the dash's line are left to the CST.
      if (p >= line.end || this.text[p] === '#' || isSeqItem(this.text, p, line.end)) giveUp();
      const col = p - line.start;
      // `- [a: b]` is a flow entry, not a compact mapping: a bracket first decides.
      const flow = this.text[p] === '{' || this.text[p] === '[';
      if (!flow && keyColon(this.text, p, line.end) !== -1) {
        items.push(this.map(col, p));
      } else {
        this.at++;
        items.push(this.inline(indent, p, line.end));
      }
    }
    this.depth--;
    return { kind: 'seq', start, items };
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) giveUp();
  }

  /** A value that ends on its line: a scalar or a flow collection. */
  private inline(indent: number, from: number, end: number): FastNode {
    const flow = flowValue(this.text, from, end);
    const node: FastNode = flow ? { kind: 'flow', span: flow } : { kind: 'scalar', span: inlineScalar(this.text, from, end) };
    // A deeper line after it would continue it (multi-line) or be an error.
    const next = this.peek();
    if (next && next.indent > indent) giveUp();
    return node;
  }
}
