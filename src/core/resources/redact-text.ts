import { redactAnchors } from './redact-anchors.js';
import { redactLastApplied } from './redact-annotation.js';
import { redactSecretMapping, secretKindOf, type BlockPass } from './redact-blocks.js';
import { redactBrokenDocument } from './redact-broken.js';
import { EditSet, splitLines } from './redact-lines.js';
import { PRIVATE_KEY_MARKER, redactPem } from './redact-pem.js';
import { loadDocument } from './load.js';
import { firstContentOffset } from './locate.js';
import { redactObject, replaceValues, secretValues } from './secrets.js';
import { serializeObject } from './serialize.js';
import { isRecord, type KubeObject } from './types.js';

/**
 * Redaction on the raw text, before anything else reads it: whatever the YAML's state (valid,
 * a duplicate key, a tab for indentation, JSON, a List), key material is replaced in the text
 * itself, so the editor, the autosave, the undo history and every CLI output only ever see the
 * placeholder. Documents without a Secret or a private key keep every byte.
 */
export interface TextRedaction {
  readonly text: string;
  /** [start, end) of each document whose text changed, as offsets in the new text. */
  readonly changed: readonly (readonly [number, number])[];
}

/**
 * What makes a document worth reading further. Deliberately loose — `kind` may sit on the next
 * line, carry a tag or come through an alias; a key or value may be spelt with escapes
 * (`"Secr\u0065t"`) — so that a text this finds nothing in really holds no Secret values:
 * the autosave writes such a text without waiting for the analysis.
 */
const SECRET_WORD = /Secret|\\[xuU]/;
const MARKERS = new RegExp(`Secret|${PRIVATE_KEY_MARKER}|\\\\[xuU]`, 'g');
/** A document can hold Secret values only with one of these keys (or with escapes, read as anything). */
const HOLDS_VALUES = /(?:^|[\s{,"'?])(?:data|stringData)["']?[ \t]*(?::|$)|last-applied-configuration|\\[xuU]/m;
const MAY_SHARE_NODES = /(?:^|[\s[{,])\*[^\s[\]{},]/;

/** Cheap test (one scan, no YAML parse): false means `redactText` would return the text unchanged. */
export function mayHoldSecret(text: string): boolean {
  return text.includes(PRIVATE_KEY_MARKER) || (SECRET_WORD.test(text) && HOLDS_VALUES.test(text));
}

/**
 * The text with every Secret value and private key replaced by a placeholder; `redacted` when it
 * changed. Cost: one scan for the markers; only the documents around a marker are read further.
 */
export function redactText(text: string): { text: string; redacted: boolean } {
  const r = redactDocuments(text);
  return { text: r.text, redacted: r.changed.length > 0 };
}

export function redactDocuments(text: string): TextRedaction {
  const changed: [number, number][] = [];
  if (!mayHoldSecret(text)) return { text, changed };
  let out = '';
  let pos = 0;
  let done = 0;
  for (const m of text.matchAll(MARKERS)) {
    if (m.index < done) continue;
    const [start, end] = documentAround(text, m.index);
    done = end;
    const doc = text.slice(start, end);
    const next = redactDocument(doc);
    if (next === doc) continue;
    out += text.slice(pos, start);
    changed.push([out.length, out.length + next.length]);
    out += next;
    pos = end;
  }
  return changed.length === 0 ? { text, changed } : { text: out + text.slice(pos), changed };
}

const START = /^---(?:[ \t\r]|$)/;
const END = /^\.\.\.(?:[ \t\r]|$)/;

/**
 * The document holding offset `at`, by its markers (as `splitDocuments` reads them): from its own
 * `---` line, or the line after a `...`, to the next `---` line or the end of a `...` line.
 */
function documentAround(text: string, at: number): readonly [number, number] {
  let start = text.lastIndexOf('\n', at - 1) + 1;
  for (;;) {
    const line = text.slice(start, lineEndOf(text, start));
    if (START.test(line)) break;
    if (END.test(line)) {
      start = Math.min(text.length, lineEndOf(text, start) + 1);
      break;
    }
    if (start === 0) break;
    // From the second line the previous line is the empty first one: lastIndexOf('\n', -1) would
    // find offset 0 again and loop forever (a text starting with a blank line, found by fuzzing).
    start = start === 1 ? 0 : text.lastIndexOf('\n', start - 2) + 1;
  }
  let end = lineEndOf(text, at) + 1;
  while (end < text.length) {
    const lineEnd = lineEndOf(text, end);
    const line = text.slice(end, lineEnd);
    if (START.test(line)) break;
    end = lineEnd + 1;
    if (END.test(line)) break;
  }
  return [start, Math.min(end, text.length)];
}

function lineEndOf(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}

/** One document's text, redacted (the same string when there was nothing to redact). */
export function redactDocument(doc: string): string {
  const text = redactPem(doc);
  if (!SECRET_WORD.test(text) || !HOLDS_VALUES.test(text)) return text;
  const pass: BlockPass = { text, lines: splitLines(text), edits: new EditSet(), aliases: new Map() };
  pass.lines.forEach((line, i) => {
    if (!line.empty && secretKindOf(pass, line)) redactSecretMapping(pass, i);
  });
  redactLastApplied(pass);
  redactAnchors(pass);
  const edited = pass.edits.apply(text);
  // Check the result by reading it again (one YAML load in the usual case).
  const after = loadDocument(edited).value;
  const sharesNodes = MAY_SHARE_NODES.test(text);
  const before = after === undefined || sharesNodes ? loadDocument(text).value : undefined;
  if (after === undefined && before === undefined) {
    // Broken from the start: no parser says where its values are.
    redactBrokenDocument(pass);
    redactAnchors(pass);
    return pass.edits.apply(text);
  }
  // Whatever the line pass could not reach (a one-line JSON Secret, a flow List, a copy made
  // through an alias) is redacted on the object, which is then written out.
  const source = isRecord(after) ? after : isRecord(before) ? before : null;
  if (!source) return edited;
  let obj: KubeObject | null = redactObject(source);
  if (sharesNodes && isRecord(before)) {
    const leaked = secretValues(before);
    if (leaked.size > 0) {
      const replaced = replaceValues(obj ?? source, leaked) as KubeObject;
      if (JSON.stringify(replaced) !== JSON.stringify(obj ?? source)) obj = replaced;
    }
  }
  if (!obj && source === after) return edited;
  return text.slice(0, firstContentOffset(text)) + serializeObject(obj ?? source);
}
