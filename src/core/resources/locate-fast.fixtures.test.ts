import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { generatePeerDesign } from '../../bench/generate-peer.js';
import { createCstLocator } from './locate.js';
import { createFastLocator } from './locate-fast.js';
import type { FieldPath, PathSegment } from './path.js';
import { splitDocuments } from './split.js';

// Issue 15 on real text: every YAML file the repository ships (e2e fixtures, including the hostile
// ones, and the examples) and the bench's peer shape. For every path of every document, the fast
// locator, where it answers, gives the CST locator's span; on the peer shape it always answers.

const texts: Record<string, string> = {
  ...import.meta.glob<string>('../../../e2e/fixtures/**/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>('../../../public/examples/**/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true }),
};
const yamlFiles = Object.keys(texts);
const textOf = (file: string): string => texts[file] ?? '';

/** Every path the CST holds (keys as the CST locator compares them), and one step past each. */
function pathsOf(node: unknown, at: PathSegment[], out: FieldPath[]): FieldPath[] {
  out.push(at);
  if (isMap(node)) {
    for (const p of node.items) if (isScalar(p.key)) pathsOf(p.value, [...at, String(p.key.value)], out);
    out.push([...at, 'missing']);
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => pathsOf(item, [...at, i], out));
    out.push([...at, node.items.length]);
  } else out.push([...at, 'deeper']);
  return out;
}

/** Compares both locators on every path of every document; returns how many documents were read fast. */
function compare(text: string): { docs: number; fast: number } {
  let docs = 0;
  let fast = 0;
  for (const span of splitDocuments(text)) {
    if (!span.hasContent) continue;
    const doc = text.slice(span.start, span.end);
    docs++;
    const quick = createFastLocator(doc);
    if (!quick) continue;
    fast++;
    const cst = createCstLocator(doc);
    const contents = parseDocument(doc, { uniqueKeys: false, merge: false }).contents;
    for (const path of pathsOf(contents, [], [])) {
      for (const prefer of ['key', 'value'] as const) {
        const got = quick.locate(path, prefer);
        if (got) expect({ path, prefer, got }).toEqual({ path, prefer, got: cst.locate(path, prefer) });
      }
    }
  }
  return { docs, fast };
}

describe('fast locator on the repository YAML', () => {
  it('finds the fixtures', () => {
    expect(yamlFiles.length).toBeGreaterThan(20);
  });

  it.each(yamlFiles)('%s: as the CST wherever it answers', (file) => {
    compare(textOf(file));
  });

  it('reads most fixture documents fast (the fallback is the exception)', () => {
    const total = yamlFiles.map((f) => compare(textOf(f))).reduce((a, b) => ({ docs: a.docs + b.docs, fast: a.fast + b.fast }));
    expect(total.fast / total.docs).toBeGreaterThan(0.6);
  });

  it('reads every document of the peer shape fast, as the CST does', () => {
    const { docs, fast } = compare(generatePeerDesign(40).text);
    expect(docs).toBe(43);
    expect(fast).toBe(docs);
  });
});
