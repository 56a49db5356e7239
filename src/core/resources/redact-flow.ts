import { unquote } from './redact-lines.js';

/**
 * Redacts a flow (JSON-style) mapping `{k: v, "k2": "v2"}` starting at `open` in `text`: the keys
 * stay, every value becomes `placeholder`. Quote-aware and tolerant: an unclosed mapping runs to
 * the end of the text (everything after the brace is then treated as its content). A `<<` merge
 * entry keeps its aliases so the merge still reads; every alias met is returned, so that the
 * node it names is redacted as well.
 */
export interface FlowRedaction {
  /** Offset just after the closing brace (or the end of the text). */
  readonly end: number;
  readonly text: string;
  readonly aliases: readonly string[];
}

const ALIAS = /\*([^\s,[\]{}]+)/g;

export function redactFlowMap(text: string, open: number, placeholder: string): FlowRedaction {
  const entries: { key: string; value: string }[] = [];
  const aliases: string[] = [];
  let depth = 1;
  let quote = '';
  let entryStart = open + 1;
  let colon = -1;
  let i = open + 1;
  const finish = (at: number): void => {
    const raw = text.slice(entryStart, at);
    if (raw.trim() === '') return;
    const key = colon === -1 ? raw.trim() : text.slice(entryStart, colon).trim();
    const value = colon === -1 ? '' : text.slice(colon + 1, at);
    for (const m of value.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '').matchAll(ALIAS)) if (m[1]) aliases.push(m[1]);
    entries.push({ key, value: value.trim() });
  };
  for (; i < text.length && depth > 0; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) finish(i);
    } else if (depth === 1 && c === ',') {
      finish(i);
      entryStart = i + 1;
      colon = -1;
    } else if (depth === 1 && c === ':' && colon === -1 && (/[\s"'{[,]/.test(text[i + 1] ?? ' ') || /["']\s*$/.test(text.slice(entryStart, i)))) colon = i;
  }
  if (depth > 0) finish(text.length);
  const entriesWithKeys = entries.filter((e) => e.key !== '');
  // Already redacted: the text stays as it is (redaction is idempotent, byte for byte).
  if (depth === 0 && entriesWithKeys.every((e) => unquote(e.key) === '<<' || unquote(e.value) === placeholder)) {
    return { end: i, text: text.slice(open, i), aliases };
  }
  const body = entriesWithKeys
    .map((e) => {
      const key = unquote(e.key);
      return key === '<<' ? `<<: ${e.value}` : `${JSON.stringify(key)}: ${JSON.stringify(placeholder)}`;
    });
  return { end: i, text: `{${body.join(', ')}}`, aliases };
}

/** Offset just past a quoted scalar starting at `open` (unclosed: the end of the text). */
export function quotedEnd(text: string, open: number): number {
  const q = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && q === '"') i++;
    else if (c === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}
