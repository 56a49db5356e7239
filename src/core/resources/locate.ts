import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { createFastLocator, type FastLocator } from './locate-fast.js';
import type { FieldPath } from './path.js';

/**
 * Finds where a field path sits in a document's text. Used only when a diagnostic needs a
 * location, so the fast loader (js-yaml) stays on the hot path and this exact, slower CST parser
 * (eemeli/yaml) runs on demand, once per document that has something to report.
 * Returns [start, end) offsets relative to the document text, pointing at:
 *  - the value, when it is a scalar;
 *  - the key that holds it, when it is a mapping or sequence (one line, not the whole block);
 *  - the nearest existing ancestor, when the path goes further than the text (missing field,
 *    value coming through a merge key).
 */
export type Span = readonly [start: number, end: number];

export interface DocumentLocator {
  locate(path: FieldPath, prefer?: 'key' | 'value'): Span;
}

/** Above this size a document is located only to its start: exactness is not worth a long stall. */
const MAX_LOCATABLE = 4 * 1024 * 1024;

export function createDocumentLocator(docText: string): DocumentLocator {
  if (docText.length > MAX_LOCATABLE) {
    const start = firstContentOffset(docText);
    return { locate: () => [start, lineEnd(docText, start)] };
  }
  // The line reader answers for plain block YAML (most manifests) at a fraction of the CST
  // parser's cost (issue 15); the CST stays the exact answer for everything else (locate-fast.ts).
  // Both are built on the first question only: most documents never have anything to report.
  let fast: FastLocator | null | undefined;
  let cst: DocumentLocator | undefined;
  return {
    locate(path, prefer = 'value') {
      if (fast === undefined) fast = createFastLocator(docText);
      const quick = fast?.locate(path, prefer);
      if (quick) return quick;
      return (cst ??= createCstLocator(docText)).locate(path, prefer);
    },
  };
}

/** The exact answer, from eemeli/yaml's CST; also the reference the fast locator is tested against. */
export function createCstLocator(docText: string): DocumentLocator {
  let root: YamlNode | null | undefined;
  const getRoot = (): YamlNode | null => {
    if (root === undefined) {
      try {
        const doc = parseDocument(docText, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: false, merge: false });
        root = (doc.contents as YamlNode | null) ?? null;
      } catch {
        root = null;
      }
    }
    return root;
  };
  return {
    locate(path, prefer = 'value') {
      const r = getRoot();
      const start = firstContentOffset(docText);
      const fallback: Span = [start, lineEnd(docText, start)];
      if (!r) return fallback;
      let node: unknown = r;
      let keyNode: unknown = null;
      for (const seg of path) {
        if (typeof seg === 'number' && isSeq(node)) {
          const item = node.items[seg];
          if (item === undefined || item === null) break;
          node = item;
          keyNode = null;
        } else if (typeof seg === 'string' && isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
          if (!pair) break;
          keyNode = pair.key;
          node = pair.value ?? pair.key;
        } else break;
      }
      const range = (n: unknown): Span | null => {
        const rg = (n as { range?: [number, number, number] } | null)?.range;
        return rg ? [rg[0], rg[1]] : null;
      };
      const keySpan = range(keyNode);
      if (prefer === 'key' && keySpan) return keySpan;
      if (isScalar(node)) return range(node) ?? keySpan ?? fallback;
      if (keySpan) return keySpan;
      const own = range(node);
      return own ? [own[0], Math.min(own[1], lineEnd(docText, own[0]))] : fallback;
    },
  };
}

export function firstContentOffset(text: string): number {
  let pos = 0;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    const line = text.slice(pos, end).trim();
    if (line !== '' && !line.startsWith('#') && !line.startsWith('%') && !/^---\s*$/.test(line)) {
      const lead = text.slice(pos, end).search(/\S/);
      const offset = pos + Math.max(0, lead);
      return text.startsWith('---', offset) ? Math.min(end, offset + 4) : offset;
    }
    pos = end + 1;
  }
  return 0;
}

export function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl === -1 ? text.length : nl;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
}

/**
 * Where the strict CST parser places the first error of a document (js-yaml reports a duplicate
 * key where it noticed it, after the pair; this names the repeated key itself).
 */
export function exactErrorOffset(docText: string): number | undefined {
  if (docText.length > MAX_LOCATABLE) return undefined;
  try {
    const doc = parseDocument(docText, { prettyErrors: false, uniqueKeys: true });
    return doc.errors[0]?.pos[0];
  } catch {
    return undefined;
  }
}
