import { convert, describeTarget, fitForTarget, formatTarget, parse, parseTarget, serializeObject, SourceLocations, validate } from '../core/index';
import type { ConvertResult, ConvertTarget, KubeObject, LossEntry, Resource, Target } from '../core/index';

/**
 * Export: the design as is, or converted to the other dialect with its loss report. The
 * conversion step is pure (it runs in a Worker, see io-export.worker.ts) and returns, beside the
 * YAML, where each object sits in it and which lines each report entry is about — so the dialog
 * can link an entry to the source object and to the objects it became. With a target (the design's
 * `--target` text), every dialect — as is too — is written for it: apiVersions it serves, and what
 * it cannot express refused in the loss report (core convert/for-target.ts).
 */
export type ExportDialect = 'as-is' | ConvertTarget;

export interface ConvertRequest {
  readonly seq: number;
  readonly fileName: string;
  readonly text: string;
  readonly to: ExportDialect;
  readonly subsetsAsServices: boolean;
  /** The design's target, as `--target` takes it; '' or absent: none (today's output). */
  readonly target?: string;
}

/** 1-based, inclusive. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

export interface ObjectRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface ExportedObject extends ObjectRef {
  readonly lines: LineRange;
}

export interface ReportEntry {
  readonly type: 'loss' | 'note';
  readonly code: string;
  readonly message: string;
  readonly resource: ObjectRef;
  readonly path: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The source object's lines in the document. */
  readonly source: LineRange | null;
  /** Indices (into `objects`) of the converted objects that carry what the entry is about. */
  readonly targets: readonly number[];
}

export interface ConvertedExport {
  readonly seq: number;
  readonly to: ExportDialect;
  /** The target written for (`text` as `--target` takes it, `description` for people); null: none. */
  readonly target: { readonly text: string; readonly description: string } | null;
  /** The YAML: for `as-is` with nothing to change, the text exactly as given. */
  readonly yaml: string;
  readonly objects: readonly ExportedObject[];
  /** Losses first, then notes, each in source order. */
  readonly entries: readonly ReportEntry[];
  /** Errors in the design: the conversion may then be incomplete (the CLI refuses to convert). */
  readonly errors: number;
  readonly millis: number;
}

const refKey = (r: ObjectRef): string => `${r.kind}/${r.namespace}/${r.name}`;

function refOf(obj: KubeObject): ObjectRef {
  const meta = (obj.metadata ?? {}) as { namespace?: unknown; name?: unknown };
  return { kind: String(obj.kind ?? ''), namespace: typeof meta.namespace === 'string' ? meta.namespace : '', name: String(meta.name ?? '') };
}

/** Serializes objects as one stream (`---` between, as serializeObjects does) and records each one's lines. */
export function layoutObjects(items: readonly KubeObject[]): { yaml: string; objects: ExportedObject[] } {
  const parts: string[] = [];
  const objects: ExportedObject[] = [];
  let line = 1;
  items.forEach((item, i) => {
    if (i > 0) {
      parts.push('---\n');
      line += 1;
    }
    const text = serializeObject(item);
    const count = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    objects.push({ ...refOf(item), lines: { start: line, end: line + count - 1 } });
    parts.push(text);
    line += count;
  });
  return { yaml: parts.join(''), objects };
}

function sourceRange(resources: readonly Resource[], ref: ObjectRef): LineRange | null {
  const r = resources.find((x) => x.kind === ref.kind && x.namespace === ref.namespace && x.name === ref.name);
  return r ? { start: r.source.line, end: r.source.endLine } : null;
}

export function convertForExport(request: ConvertRequest): ConvertedExport {
  const start = Date.now();
  const parsed = parse([{ name: request.fileName, text: request.text }]);
  const errors = validate(parsed).filter((d) => d.severity === 'error').length;
  const target = exportTarget(request.target ?? '');
  const locations = new SourceLocations(parsed.files);
  const result: ConvertResult =
    request.to === 'as-is'
      ? target
        ? fitForTarget(parsed.resources, target, locations)
        : { items: parsed.resources.map((r) => r.object), loss: [], notes: [], origins: [] }
      : convert(parsed.resources, { to: request.to, subsetsAsServices: request.subsetsAsServices, locations, ...(target ? { target } : {}) });
  const laid = layoutObjects(result.items);
  // As is, and the target takes every object as written: the text itself, byte for byte.
  const asWritten = request.to === 'as-is' && result.loss.length === 0 && result.items.every((o, i) => o === parsed.resources[i]?.object);
  const yaml = asWritten ? request.text : laid.yaml;
  const objects = asWritten ? parsed.resources.map((r) => ({ kind: r.kind, namespace: r.namespace, name: r.name, lines: { start: r.source.line, end: r.source.endLine } })) : laid.objects;

  const byRef = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  objects.forEach((o, i) => {
    for (const [map, key] of [[byRef, refKey(o)], [byName, `${o.namespace}/${o.name}`]] as const) {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    }
  });
  const origins = new Map<string, Set<number>>();
  for (const o of result.origins) {
    const key = refKey(o.source);
    const set = origins.get(key) ?? new Set<number>();
    for (const i of byRef.get(refKey(o.target)) ?? []) set.add(i);
    origins.set(key, set);
  }
  const targetsOf = (ref: ObjectRef): number[] => {
    const key = refKey(ref);
    const found = new Set<number>([...(origins.get(key) ?? []), ...(byRef.get(key) ?? [])]);
    if (found.size === 0) for (const i of byName.get(`${ref.namespace}/${ref.name}`) ?? []) found.add(i);
    // A Gateway split per port (`edge` → `edge-http`, `edge-https`) keeps its name as a prefix.
    if (found.size === 0) objects.forEach((o, i) => o.namespace === ref.namespace && o.name.startsWith(`${ref.name}-`) && found.add(i));
    return [...found].sort((a, b) => a - b);
  };
  const entry = (type: ReportEntry['type'], l: LossEntry<string>): ReportEntry => ({
    type,
    code: l.code,
    message: l.message,
    resource: l.resource,
    path: l.path,
    file: l.file,
    line: l.line,
    column: l.column,
    source: sourceRange(parsed.resources, l.resource),
    targets: targetsOf(l.resource),
  });
  return {
    seq: request.seq,
    to: request.to,
    target: target ? { text: formatTarget(target), description: describeTarget(target) } : null,
    yaml,
    objects,
    entries: [...result.loss.map((l) => entry('loss', l)), ...result.notes.map((n) => entry('note', n))],
    errors,
    millis: Date.now() - start,
  };
}

/** The target a `--target` text names; null for '' (none). A text that cannot be read is an error the dialog shows. */
function exportTarget(text: string): Target | null {
  if (text.trim() === '') return null;
  const parsed = parseTarget(text);
  if (!parsed.ok) throw new Error(`The design's target "${text}" cannot be read: ${parsed.error}`);
  return parsed.target;
}

/** The file name offered for a download: `shop.yaml` → `shop.istio.yaml`. */
export function exportFileName(fileName: string, dialect: ExportDialect): string {
  const base = fileName.replace(/\.(ya?ml|json)$/i, '') || 'design';
  return dialect === 'as-is' ? `${base}.yaml` : `${base}.${dialect}.yaml`;
}
