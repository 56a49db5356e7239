import type { Diagnostic } from '../diagnostics/types.js';
import { kindInfo, splitApiVersion } from '../resources/kinds.js';
import type { FieldPath } from '../resources/path.js';
import { isRecord, makeResourceId, type KubeObject, type Resource } from '../resources/types.js';
import type { Channel } from '../target/availability-format.js';
import { validate } from '../validate/index.js';
import type { Report } from './report.js';

/** An object written by the converter, and the resource it comes from when there is one. */
export interface Written {
  readonly object: KubeObject;
  /** The source resource whose place it takes (or the user's own object, fitted for a target). */
  readonly source: Resource | undefined;
  /** The user's own object this one is a fitted copy of: only problems it has not are the conversion's. */
  readonly copyOf?: KubeObject;
}

/**
 * Which output objects the conversion wrote: not the user's objects passed through as given
 * (`given` resources), each with its source (`sources`) and, for a fitted copy of a user's
 * object, that object (`copies`: copy → what it copies).
 */
export function writtenOf(given: ReadonlySet<Resource>, sources: ReadonlyMap<KubeObject, Resource>, copies: ReadonlyMap<KubeObject, KubeObject>): (object: KubeObject) => Written | undefined {
  const own = new Set([...given].map((r) => r.object));
  return (object) => {
    if (own.has(object)) return undefined;
    const original = copies.get(object);
    return { object, source: sources.get(object), ...(original !== undefined && own.has(original) ? { copyOf: original } : {}) };
  };
}

/**
 * The written object as validate takes it: what parse would make of its YAML. The file is the
 * conversion's output (no text: validate then points at the object's first line, unused here).
 */
function asResource(object: KubeObject, index: number): Resource {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const meta = isRecord(object.metadata) ? object.metadata : {};
  const { group, version } = splitApiVersion(apiVersion);
  const info = kindInfo(group, kind);
  const namespace = info && !info.namespaced ? '' : typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
  const name = typeof meta.name === 'string' ? meta.name : '';
  return { id: makeResourceId(group, kind, namespace, name), apiVersion, group, version, kind, family: info?.family ?? 'other', namespace, name, object, source: { file: '<converted>', document: index, line: 1, endLine: 1 } };
}

/** The errors validate (the CRD schema, CEL rules, RE2, the API server's checks) finds in one object, under `channel`. */
export function errorsOf(object: KubeObject, channel: Channel, index = 0): Diagnostic[] {
  const parsed = { files: [], resources: [asResource(object, index)], diagnostics: [], defaultNamespace: 'default' };
  return validate(parsed, { channel }).filter((d) => d.severity === 'error');
}

/** The first error of a written object; for a fitted copy of the user's object, the first it has and the user's object has not. */
function firstError(w: Written, channel: Channel, index: number): Diagnostic | undefined {
  const errors = errorsOf(w.object, channel, index);
  if (errors.length === 0 || !w.copyOf) return errors[0];
  const theirs = new Set(errorsOf(w.copyOf, channel, index).map((d) => `${d.code}\u0000${d.path ?? ''}`));
  return errors.find((d) => !theirs.has(`${d.code}\u0000${d.path ?? ''}`));
}

/**
 * The safety net of issue 16 ("every object convert writes passes validate under the same
 * target"): each object the converter wrote (`check`) is validated on its own under the target's
 * channel, and one the API server would refuse is left out with an `InvalidInTarget` loss entry
 * naming the validation code and message — never written, never dropped silently. The converter
 * writes valid objects at the cause (a TLSRoute without a writable backend, a long Istio Gateway
 * name…): this is for what it does not yet know, and the conversion properties prove it unused
 * on generated designs (test-designs.ts `validatesProperty`). The user's own objects, written as
 * given, are not checked: their problems are validate's to report, in their own text; fitted for
 * a target, they are left out only for a problem the fitting brought.
 */
export function leaveOutInvalid(items: readonly KubeObject[], check: (object: KubeObject) => Written | undefined, channel: Channel, fallback: Resource | undefined, report: Report): KubeObject[] {
  const out: KubeObject[] = [];
  items.forEach((object, index) => {
    const written = check(object);
    const error = written ? firstError(written, channel, index) : undefined;
    if (!error) {
      out.push(object);
      return;
    }
    const ref = { kind: error.resource?.kind ?? String(object.kind), namespace: error.resource?.namespace ?? '', name: error.resource?.name ?? '' };
    const what = `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
    const message = `the ${what} written for this would be refused under the Gateway API ${channel} channel's CRDs or by the API server (${error.code} at ${error.path ?? 'the object'}: ${error.message}); it is left out`;
    const origins = report.originsOf(ref);
    if (origins.length > 0) {
      for (const o of origins) report.lose('InvalidInTarget', o.source, o.sourcePath, message, { scope: o.sourcePath });
      return;
    }
    const at: Resource | undefined = written?.source ?? fallback;
    const path: FieldPath = [];
    if (at) report.lose('InvalidInTarget', at, path, message, { scope: path });
  });
  return out;
}
