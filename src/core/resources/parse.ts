import type { Diagnostic, ParseCode, ResourceRef, Severity } from '../diagnostics/types.js';
import { kindInfo, splitApiVersion, type Family } from './kinds.js';
import { LineIndex } from './line-index.js';
import { loadDocument } from './load.js';
import { createDocumentLocator, exactErrorOffset, firstContentOffset, type DocumentLocator } from './locate.js';
import { formatPath, type FieldPath } from './path.js';
import { redactDocuments } from './redact-text.js';
import type { SecretFacts } from './certificate-facts.js';
import { collectSecretFacts, secretFactsOf, withKnownFacts } from './secret-facts.js';
import { isSecret, redactObject } from './secrets.js';
import { serializeObject } from './serialize.js';
import { splitDocuments, type DocumentSpan } from './split.js';
import { isRecord, makeResourceId, type KubeObject, type Resource, type ResourceSource } from './types.js';
import { isWorkloadKind } from './workload-kinds.js';

export interface SourceFile {
  readonly name: string;
  readonly text: string;
}

export interface ParseOptions {
  /** Namespace of objects that name none (DESIGN.md: `default`; the CLI's `-n`). */
  readonly defaultNamespace?: string;
  /**
   * Certificate verdicts an earlier parse of the same design read before redaction, by resource
   * id: used where a value is now the placeholder (see secret-facts.ts `withKnownFacts`).
   */
  readonly knownSecretFacts?: ReadonlyMap<string, SecretFacts>;
}

/** A parsed file: its text (after Secret redaction) and its documents' spans. */
export interface ParsedFile {
  readonly name: string;
  readonly text: string;
  readonly documents: readonly DocumentSpan[];
  /** True when `text` differs from what was given: Secret values replaced, lone CR line breaks written as LF. */
  readonly redacted: boolean;
}

export interface ParseResult {
  readonly files: readonly ParsedFile[];
  readonly resources: readonly Resource[];
  readonly diagnostics: readonly Diagnostic[];
  readonly defaultNamespace: string;
}

const LONE_CR = /\r(?!\n)/;
const LONE_CR_ALL = /\r(?!\n)/g;

/** Text beyond this size is refused with a diagnostic rather than parsed (the UI parses off the main thread). */
export const MAX_TEXT_LENGTH = 64 * 1024 * 1024;

/**
 * Parses YAML (multi-document, JSON, `kind: List`) into resources. Never throws: every problem
 * is a located diagnostic, and one broken document does not hide the others.
 */
export function parse(files: readonly SourceFile[], options: ParseOptions = {}): ParseResult {
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const out: { files: ParsedFile[]; resources: Resource[]; diagnostics: Diagnostic[] } = {
    files: [],
    resources: [],
    diagnostics: [],
  };
  const seen = new Map<string, Resource>();
  for (const file of files) parseFile(file, defaultNamespace, out, seen);
  const known = options.knownSecretFacts;
  if (known && known.size > 0) {
    out.resources = out.resources.map((r) => (r.secretFacts && known.has(r.id) ? { ...r, secretFacts: withKnownFacts(r.secretFacts, known.get(r.id)) } : r));
  }
  return { ...out, defaultNamespace };
}

function parseFile(
  file: SourceFile,
  defaultNamespace: string,
  out: { files: ParsedFile[]; resources: Resource[]; diagnostics: Diagnostic[] },
  seen: Map<string, Resource>,
  redactedDocs: ReadonlySet<number> | null = null,
  facts: ReadonlyMap<string, SecretFacts> | null = null,
): void {
  const diagnosticsBefore = out.diagnostics.length;
  // A lone CR is a line break in YAML (1.2.2 §5.4) and in the editor, but every line-based step
  // here counts LF: such breaks are written as LF first (the document means the same).
  const crOnly = file.text.includes('\r') && LONE_CR.test(file.text);
  const given = crOnly ? file.text.replace(LONE_CR_ALL, '\n') : file.text;
  // Key material is cut out of the raw text first, whatever state the YAML is in (see redact-text.ts).
  const pre = redactedDocs === null ? redactDocuments(given) : null;
  const text = pre?.text ?? given;
  if (text.length > MAX_TEXT_LENGTH) {
    out.files.push({ name: file.name, text, documents: [], redacted: crOnly || redactedDocs !== null || (pre?.changed.length ?? 0) > 0 });
    out.diagnostics.push({
      code: 'YAMLTooLarge',
      severity: 'error',
      message: `the text is ${(file.text.length / 1048576).toFixed(1)} MB; at most ${MAX_TEXT_LENGTH / 1048576} MB can be read`,
      file: file.name,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
    return;
  }
  // What a controller would find in each Secret's certificate and key, read from the text as given
  // (before its values were replaced).
  const spans = splitDocuments(text);
  const secretFacts = facts ?? collectSecretFacts(given, defaultNamespace, text === given ? spans : undefined);
  const docs = redactedDocs ?? redactedSpans(spans, pre?.changed ?? []);
  const redacted = docs.size > 0;
  const lines = new LineIndex(text);
  const rewrites = new Map<number, string>();
  const fileResources: Resource[] = [];

  for (const span of spans) {
    if (!span.hasContent) continue;
    const docText = text.slice(span.start, span.end);
    const ctx = new DocContext(file.name, docText, span, lines, out.diagnostics, docs.has(span.index), secretFacts);
    readDocument(ctx, defaultNamespace, fileResources, rewrites);
    if (ctx.redactedDoc && !ctx.secretReported) {
      ctx.report('SecretRedacted', 'info', 'key material in this document (Secret values, a private key) was replaced by a placeholder: it never enters the design', []);
    }
  }

  if (rewrites.size > 0) {
    // Redaction changed some documents' text (and the lines after them): read the new text again,
    // so that every location points into what the user will see. It has nothing left to redact.
    out.diagnostics.length = diagnosticsBefore;
    parseFile({ name: file.name, text: replaceDocumentTexts(text, spans, rewrites) }, defaultNamespace, out, seen, new Set([...docs, ...rewrites.keys()]), secretFacts);
    return;
  }
  for (const r of fileResources) {
    const dup = seen.get(r.id);
    if (dup) {
      out.diagnostics.push({
        code: 'DuplicateResource',
        severity: 'error',
        message: `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name} is defined twice (first at ${dup.source.file}:${dup.source.line}); the API server keeps only one`,
        file: r.source.file,
        line: r.source.line,
        column: 1,
        endLine: r.source.line,
        endColumn: 1,
        resource: refOf(r),
      });
      continue;
    }
    seen.set(r.id, r);
    out.resources.push(r);
  }
  out.files.push({ name: file.name, text, documents: spans, redacted: redacted || crOnly });
}

/** Indices of the spans that overlap a range the raw-text redaction changed. */
function redactedSpans(spans: readonly DocumentSpan[], changed: readonly (readonly [number, number])[]): Set<number> {
  const out = new Set<number>();
  let i = 0; // both lists are in text order: one walk
  for (const [start, end] of changed) {
    while (i < spans.length && (spans[i]?.end ?? 0) <= start) i++;
    for (let j = i; j < spans.length && (spans[j]?.start ?? end) < end; j++) if (spans[j]?.hasContent) out.add(j);
  }
  return out;
}

/** Reads one document's objects (a `kind: List` gives its items); notes the documents whose text redaction changed. */
function readDocument(ctx: DocContext, defaultNamespace: string, fileResources: Resource[], rewrites: Map<number, string>): void {
  const span = ctx.span;
  const loaded = loadDocument(ctx.docText);
  for (const p of loaded.problems) {
    if (p.kind === 'syntax') {
      const code: ParseCode = p.duplicateKey ? 'YAMLDuplicateKey' : p.tooDeep ? 'YAMLTooDeep' : 'YAMLSyntax';
      const at = code === 'YAMLSyntax' ? p.offset : (exactErrorOffset(ctx.docText) ?? p.offset);
      ctx.reportAt(code, 'error', `YAML: ${p.message}`, at, at + 1);
    } else if (p.kind === 'aliasBomb') {
      ctx.report('YAMLAliasBomb', 'error', p.message, []);
    } else {
      ctx.report('UnsafeKey', 'warning', `the key "${p.key}" is not a Kubernetes field; it is kept as data and never interpreted`, p.path, 'key');
    }
  }
  if (loaded.value === undefined) return;
  if (loaded.value === null) return; // an empty document (`---` with only comments)
  if (!isRecord(loaded.value)) {
    ctx.report('NotAnObject', 'error', `a document must be a Kubernetes object (a mapping), not ${Array.isArray(loaded.value) ? 'a list' : `the ${typeof loaded.value} ${JSON.stringify(loaded.value).slice(0, 40)}`}`, []);
    return;
  }
  const doc = loaded.value;
  if (doc.kind === 'List' && typeof doc.apiVersion === 'string' && Array.isArray(doc.items)) {
    let changed = false;
    const items = doc.items.map((item, i) => {
      const r = toResource(item, ['items', i], ctx, defaultNamespace, i);
      if (!r) return item;
      if (r.redacted) changed = true;
      fileResources.push(r.resource);
      return r.resource.object;
    });
    if (changed) rewrites.set(span.index, serializeObject({ ...doc, items }));
    return;
  }
  const r = toResource(doc, [], ctx, defaultNamespace, undefined);
  if (!r) return;
  fileResources.push(r.resource);
  if (r.redacted) rewrites.set(span.index, serializeObject(r.resource.object));
}

/** Replaces the content of some documents, keeping each one's leading `---` line and comments. */
export function replaceDocumentTexts(text: string, spans: readonly DocumentSpan[], texts: ReadonlyMap<number, string | null>): string {
  let out = '';
  let pos = 0;
  for (const span of spans) {
    if (!texts.has(span.index)) continue;
    const next = texts.get(span.index);
    out += text.slice(pos, span.start);
    if (next !== null && next !== undefined) {
      const docText = text.slice(span.start, span.end);
      const content = span.hasContent ? firstContentOffset(docText) : docText.length;
      out += docText.slice(0, content) + next;
    }
    pos = span.end;
  }
  return out + text.slice(pos);
}

interface Converted {
  readonly resource: Resource;
  readonly redacted: boolean;
}

function toResource(value: unknown, base: FieldPath, ctx: DocContext, defaultNamespace: string, item: number | undefined): Converted | null {
  if (!isRecord(value)) {
    ctx.report('NotAnObject', 'error', 'a List item must be a Kubernetes object (a mapping)', base);
    return null;
  }
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    ctx.report('MissingApiVersion', 'error', 'the object has no apiVersion (a string such as gateway.networking.k8s.io/v1)', [...base, 'apiVersion']);
    return null;
  }
  if (typeof kind !== 'string' || kind === '') {
    ctx.report('MissingKind', 'error', 'the object has no kind (a string such as HTTPRoute)', [...base, 'kind']);
    return null;
  }
  const { group, version } = splitApiVersion(apiVersion);
  const info = kindInfo(group, kind);
  let family: Family = info?.family ?? 'other';
  if (!info) {
    const what = isWorkloadKind(group, kind) ? 'is drawn under the Services that select its pods, but its spec is not checked' : 'is not a kind Route Designer models';
    ctx.report('UnknownKind', 'info', `${kind} (${apiVersion}) ${what}; it is kept and passed through unchanged`, [...base, 'kind']);
  } else if (info.experimental.includes(version)) {
    ctx.report('UnservedVersion', 'warning', `${apiVersion} ${kind} is served only by the Gateway API experimental channel; the standard channel serves ${info.served.join(', ')}`, [...base, 'apiVersion']);
  } else if (!info.served.includes(version)) {
    ctx.report('UnservedVersion', 'error', `${kind} is not served as ${apiVersion}; served versions: ${info.served.map((v) => (group ? `${group}/${v}` : v)).join(', ')}`, [...base, 'apiVersion']);
    family = info.family;
  }
  const meta = isRecord(value.metadata) ? value.metadata : {};
  let name = typeof meta.name === 'string' ? meta.name : '';
  if (name === '') {
    ctx.report('MissingName', 'error', `the ${kind} has no metadata.name`, isRecord(value.metadata) ? [...base, 'metadata'] : base);
    name = `(unnamed #${ctx.span.index + 1}${item === undefined ? '' : `.${item + 1}`})`;
  }
  const namespaced = info ? info.namespaced : true;
  const namespace = namespaced ? (typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : defaultNamespace) : '';
  let object: KubeObject = value;
  let redacted = false;
  // A second line of defence behind the raw-text pass: whatever still holds a Secret value is redacted here.
  const r = redactObject(value);
  if (r) {
    object = r;
    redacted = true;
  }
  if (r || (ctx.redactedDoc && group === '' && kind === 'Secret')) {
    ctx.secretReported = true;
    ctx.report('SecretRedacted', 'info', `the values of ${kind} ${namespace}/${name} were replaced by a placeholder: key material never enters the design`, [...base, 'kind']);
  }
  const span = item === undefined ? ctx.wholeDocLines() : ctx.linesOf([...base]);
  const source: ResourceSource = { file: ctx.file, document: ctx.span.index, ...(item === undefined ? {} : { item }), line: span.line, endLine: span.endLine };
  const id = makeResourceId(group, kind, namespace, name);
  // Facts from the text before redaction, else from the values as given (placeholders: unknown).
  const secretFacts = isSecret(value) ? (ctx.secretFacts.get(id) ?? secretFactsOf(value)) : undefined;
  return {
    resource: { id, apiVersion, group, version, kind, family, namespace, name, object, source, ...(secretFacts ? { secretFacts } : {}) },
    redacted,
  };
}

function refOf(r: Resource): ResourceRef {
  return { kind: r.kind, namespace: r.namespace, name: r.name };
}

class DocContext {
  private locator: DocumentLocator | null = null;

  constructor(
    readonly file: string,
    readonly docText: string,
    readonly span: DocumentSpan,
    private readonly lines: LineIndex,
    private readonly sink: Diagnostic[],
    /** The raw-text pass changed this document (see redact-text.ts). */
    readonly redactedDoc: boolean,
    /** Certificate facts of the file's Secrets, read before redaction (secret-facts.ts). */
    readonly secretFacts: ReadonlyMap<string, SecretFacts>,
  ) {}

  /** Set once a SecretRedacted diagnostic names a resource of this document. */
  secretReported = false;

  private get loc(): DocumentLocator {
    return (this.locator ??= createDocumentLocator(this.docText));
  }

  reportAt(code: ParseCode, severity: Severity, message: string, start: number, end: number): void {
    const s = this.lines.position(this.span.start + start);
    const e = this.lines.position(this.span.start + Math.max(end, start));
    this.sink.push({ code, severity, message, file: this.file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column });
  }

  report(code: ParseCode, severity: Severity, message: string, path: FieldPath, prefer: 'key' | 'value' = 'value'): void {
    const [start, end] = this.loc.locate(path, prefer);
    const s = this.lines.position(this.span.start + start);
    const e = this.lines.position(this.span.start + end);
    const d: Diagnostic = { code, severity, message, file: this.file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
    this.sink.push(path.length > 0 ? { ...d, path: formatPath(path) } : d);
  }

  wholeDocLines(): { line: number; endLine: number } {
    const first = firstContentOffset(this.docText);
    const line = this.lines.position(this.span.start + first).line;
    const endLine = this.lines.position(Math.max(this.span.start, this.span.end - 1)).line;
    return { line, endLine };
  }

  linesOf(path: FieldPath): { line: number; endLine: number } {
    const [start] = this.loc.locate(path);
    const line = this.lines.position(this.span.start + start).line;
    return { line, endLine: line };
  }
}
