/**
 * Reads the tests file's YAML with a place for every value: eemeli/yaml's nodes carry their
 * offsets, LineIndex turns them into the editor's line and column. Every wrong shape becomes a
 * diagnostic at the value (or the key) concerned; nothing here throws on input.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic, SourceRange } from '../diagnostics/types.js';
import { LineIndex } from '../resources/line-index.js';
import type { RouteTestCode } from './types.js';

/** Nodes read, aliases expanded, before the file is refused as an alias bomb. */
const MAX_READS = 100_000;

export type Value = YamlNode | null;

export interface Field {
  readonly key: YamlNode;
  readonly value: Value;
}

export class TestsReader {
  readonly diagnostics: Diagnostic[] = [];
  private readonly lines: LineIndex;
  private reads = 0;
  private bombed = false;
  private readonly resolved = new Map<YamlNode, Value>();

  constructor(
    readonly file: string,
    text: string,
    private readonly doc: Document,
  ) {
    this.lines = new LineIndex(text);
  }

  range(node: Value, fallback?: YamlNode): SourceRange {
    // An empty value (`x-a: }`) has no text of its own: the key that holds it is the place.
    if (fallback && isScalar(node) && node.value === null && !node.source) return this.range(fallback);
    const r = (node as { range?: [number, number, number] } | null)?.range ?? (fallback as { range?: [number, number, number] } | undefined)?.range ?? [0, 0, 0];
    const s = this.lines.position(r[0]);
    const e = this.lines.position(Math.max(r[0], r[1]));
    return { file: this.file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }

  report(code: RouteTestCode | 'YAMLAliasBomb', message: string, at: SourceRange): void {
    this.diagnostics.push({ ...at, code, severity: 'error', message });
  }

  /** The node itself, an alias resolved; null once the read budget is spent. */
  deref(node: Value): Value {
    if (this.bombed) return null;
    if (++this.reads > MAX_READS) {
      this.bombed = true;
      this.report('YAMLAliasBomb', `aliases expand the tests file beyond ${MAX_READS.toLocaleString('en')} values`, this.range(node));
      return null;
    }
    if (!isAlias(node)) return node;
    // Alias.resolve searches the whole document: once per alias, not once per read.
    let target = this.resolved.get(node);
    if (target === undefined) {
      const t = node.resolve(this.doc);
      target = t === undefined || isAlias(t) ? null : t;
      this.resolved.set(node, target);
    }
    return target;
  }

  /**
   * A mapping's fields by key; unknown keys are reported (TestUnknownField) and left out. Not a
   * mapping: TestWrongType and null.
   */
  fields(node: Value, what: string, known: readonly string[], at: YamlNode): Map<string, Field> | null {
    const n = this.deref(node);
    if (!isMap(n)) {
      if (!this.bombed) this.report('TestWrongType', `${what} is a mapping, not ${describe(n)}`, this.range(n, at));
      return null;
    }
    const out = new Map<string, Field>();
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const key = this.deref(pair.key as Value);
      const name = isScalar(key) ? String(key.value) : null;
      if (name === null || !isScalar(key)) {
        this.report('TestWrongType', `a key of ${what} is a string, not ${describe(key)}`, this.range(key, n));
        continue;
      }
      if (!known.includes(name)) {
        this.report('TestUnknownField', `${what} has no field ${JSON.stringify(name)}; it takes ${known.join(', ')}`, this.range(key));
        continue;
      }
      out.set(name, { key, value: (pair.value as Value) ?? null });
    }
    return out;
  }

  /** A list's items; not a list: TestWrongType and null. */
  items(node: Value, what: string, at: YamlNode): Value[] | null {
    const n = this.deref(node);
    if (!isSeq(n)) {
      if (!this.bombed) this.report('TestWrongType', `${what} is a list, not ${describe(n)}`, this.range(n, at));
      return null;
    }
    return n.items.map((i) => (i as Value) ?? null);
  }

  /** A string scalar (quoted or plain); anything else: TestWrongType and null. */
  string(node: Value, what: string, at: YamlNode): string | null {
    const n = this.deref(node);
    if (isScalar(n) && typeof n.value === 'string') return n.value;
    if (!this.bombed) this.report('TestWrongType', `${what} is a string, not ${describe(n)}`, this.range(n, at));
    return null;
  }

  /** A scalar's text as written (a header value `1` reads as "1"); null and non-scalars are TestWrongType. */
  text(node: Value, what: string, at: YamlNode): string | null {
    const n = this.deref(node);
    if (isScalar(n) && n.value !== null && typeof n.value !== 'object') return typeof n.value === 'string' ? n.value : (n.source ?? String(n.value));
    if (!this.bombed) this.report('TestWrongType', `${what} is a string, not ${describe(n)} (write '' for an empty value)`, this.range(n, at));
    return null;
  }

  /** A number or a string scalar, as it is. */
  scalar(node: Value, what: string, at: YamlNode): number | string | null {
    const n = this.deref(node);
    if (isScalar(n) && (typeof n.value === 'number' || typeof n.value === 'string')) return n.value;
    if (!this.bombed) this.report('TestWrongType', `${what} is a number or a string, not ${describe(n)}`, this.range(n, at));
    return null;
  }
}

export function describe(n: Value): string {
  if (n === null) return 'nothing';
  if (isMap(n)) return 'a mapping';
  if (isSeq(n)) return 'a list';
  if (isScalar(n)) {
    const v = n.value;
    if (v === null) return 'null';
    if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
    return `the ${typeof v} ${String(v)}`;
  }
  return 'an alias';
}
