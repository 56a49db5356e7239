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
import { splitDocuments } from './split.js';
import { isRecord, type KubeObject } from './types.js';

/**
 * Redaction on the raw text, before anything else reads it: whatever the YAML's state (valid,
 * a duplicate key, a tab for indentation, JSON, a List), key material is replaced in the text
 * itself, so the editor, the autosave, the undo history and every CLI output only ever see the
 * placeholder. Documents without a Secret or a private key keep every byte.
 */
export interface TextRedaction {
  readonly text: string;
  /** Indices of the documents (as `splitDocuments` numbers them) whose text changed. */
  readonly documents: ReadonlySet<number>;
}

/** `kind: Secret` / `"kind": "SecretList"` in any style; certificateRefs match too (and are left alone). */
const SECRET_KIND = /kind["']?[ \t]*:[ \t]*["']?Secret(?:List)?(?![\w.-])/;
/** A document can hold Secret values only with one of these keys. */
const HOLDS_VALUES = /(?:^|[\s{,"'])(?:data|stringData)["']?[ \t]*:|last-applied-configuration/m;
const MAY_SHARE_NODES = /(?:^|[\s[{,])\*[^\s[\]{},]/;

/** Cheap test (one scan, no YAML parse): false means `redactText` would return the text unchanged. */
export function mayHoldSecret(text: string): boolean {
  return text.includes(PRIVATE_KEY_MARKER) || (SECRET_KIND.test(text) && HOLDS_VALUES.test(text));
}

/** The text with every Secret value and private key replaced by a placeholder; `redacted` when it changed. */
export function redactText(text: string): { text: string; redacted: boolean } {
  const r = redactDocuments(text);
  return { text: r.text, redacted: r.documents.size > 0 };
}

export function redactDocuments(text: string): TextRedaction {
  const documents = new Set<number>();
  if (!mayHoldSecret(text)) return { text, documents };
  let out = '';
  let pos = 0;
  for (const span of splitDocuments(text)) {
    if (!span.hasContent) continue;
    const doc = text.slice(span.start, span.end);
    const next = redactDocument(doc);
    if (next === doc) continue;
    documents.add(span.index);
    out += text.slice(pos, span.start) + next;
    pos = span.end;
  }
  return documents.size === 0 ? { text, documents } : { text: out + text.slice(pos), documents };
}

/** One document's text, redacted (the same string when there was nothing to redact). */
export function redactDocument(doc: string): string {
  const text = redactPem(doc);
  if (!SECRET_KIND.test(text) || !HOLDS_VALUES.test(text)) return text;
  const before = loadDocument(text).value;
  const broken = before === undefined;
  const pass: BlockPass = { text, lines: splitLines(text), edits: new EditSet(), aliases: new Map() };
  pass.lines.forEach((line, i) => {
    if (!line.empty && secretKindOf(pass, line)) redactSecretMapping(pass, i);
  });
  redactLastApplied(pass);
  if (broken) redactBrokenDocument(pass);
  redactAnchors(pass);
  const edited = pass.edits.apply(text);
  if (broken) return edited;
  // A readable document: check the result by reading it again. Whatever the line pass could
  // not reach (a one-line JSON Secret, a flow List) is redacted on the object and written out.
  const after = loadDocument(edited).value;
  const source = isRecord(after) ? after : isRecord(before) ? before : null;
  if (!source) return edited;
  let obj: KubeObject | null = redactObject(source);
  if (MAY_SHARE_NODES.test(text) && isRecord(before)) {
    const leaked = secretValues(before);
    if (leaked.size > 0) {
      const replaced = replaceValues(obj ?? source, leaked) as KubeObject;
      if (JSON.stringify(replaced) !== JSON.stringify(obj ?? source)) obj = replaced;
    }
  }
  if (!obj && source === after) return edited;
  return text.slice(0, firstContentOffset(text)) + serializeObject(obj ?? source);
}
