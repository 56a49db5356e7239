import type { SourceLocations } from '../resources/locations.js';
import type { FieldPath } from '../resources/path.js';
import type { KubeObject, Resource } from '../resources/types.js';
import type { Target } from '../target/target.js';
import { Report } from './report.js';
import { fitObject } from './target-fit.js';
import { leaveOutInvalid, writtenOf } from './written-valid.js';
import type { ConvertResult } from './types.js';

function refOf(obj: KubeObject): { kind: string; namespace: string; name: string } {
  const meta = (obj.metadata ?? {}) as { namespace?: unknown; name?: unknown };
  return { kind: String(obj.kind ?? ''), namespace: typeof meta.namespace === 'string' ? meta.namespace : '', name: String(meta.name ?? '') };
}

/**
 * Fits written objects to the target (issue 14 scope 5), reporting each refusal as a loss entry at
 * its source: an object written as the user wrote it (`sources` maps it to its resource, and it is
 * that resource's own object) keeps its apiVersion where served and points at its own fields; a
 * converted one takes the target's storage version and points at the source element its rule
 * comes from (the report's origins), else at its source object as a whole. A fitted copy is
 * added to `sources`, with the resource of the object it copies, and to `copies` with that object.
 */
export function fitItems(items: readonly KubeObject[], sources: Map<KubeObject, Resource>, fallback: Resource | undefined, target: Target, report: Report, copies?: Map<KubeObject, KubeObject>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const item of items) {
    const source = sources.get(item);
    const own = source !== undefined && source.object === item;
    const fitted = fitObject(item, target, own);
    if (fitted.object) out.push(fitted.object);
    // A fitted copy comes from the same resource (convert's safety net locates its entries there).
    if (fitted.object && fitted.object !== item) {
      if (source) sources.set(fitted.object, source);
      copies?.set(fitted.object, item);
    }
    for (const r of fitted.refusals) {
      const code = r.what === 'kind' ? 'KindNotInTarget' : 'NotInTargetRelease';
      if (own) {
        report.lose(code, source, r.path, r.message, r.what === 'kind' ? { scope: [] } : {});
        continue;
      }
      const ref = refOf(item);
      const origin = report.sourceOf(ref, r.path);
      const at: { resource: Resource; path: FieldPath } | undefined = origin ? { resource: origin.source, path: origin.sourcePath } : source ? { resource: source, path: [] } : fallback ? { resource: fallback, path: [] } : undefined;
      if (!at) continue; // no resources, so no objects: unreachable
      report.lose(code, at.resource, at.path, `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}: ${r.message}`, r.what === 'kind' ? { scope: origin ? at.path : [] } : {});
    }
  }
  return out;
}

/**
 * Export as is, for a target: the design's own objects, each written at an apiVersion the target
 * serves, without what the target cannot express (loss entries say what and why). Objects the
 * target serves as written come back as the same objects; a changed one that the target's channel
 * would refuse is left out (`InvalidInTarget`).
 */
export function fitForTarget(resources: readonly Resource[], target: Target, locations?: SourceLocations): ConvertResult {
  const report = new Report(locations);
  const sources = new Map(resources.map((r) => [r.object, r] as const));
  const copies = new Map<KubeObject, KubeObject>();
  const items = fitItems(
    resources.map((r) => r.object),
    sources,
    resources[0],
    target,
    report,
    copies,
  );
  // What the fitting changed is written by us: it must not bring a problem (written-valid.ts).
  return { items: leaveOutInvalid(items, writtenOf(new Set(sources.values()), sources, copies), target.channel, resources[0], report), ...report.result() };
}
