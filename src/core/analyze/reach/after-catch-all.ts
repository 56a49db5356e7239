/**
 * Istio stops generating a VirtualService's HTTP routes after its first catch-all (route.go
 * IsCatchAllRoute; compile/istio/http-entries.ts): the rules after it are in no table, and
 * `istioctl analyze` reports them as IST0130 ("only the last rule can have no matches"). Such a
 * rule is shadowed by the catch-all when the catch-all serves somewhere and the rule nowhere.
 */
import { isCatchAll } from '../../compile/istio/http-match.js';
import type { RouteEntry } from '../../compile/types.js';
import type { Resource } from '../../resources/types.js';
import { isRecord } from '../../resources/types.js';
import type { Unit } from './units.js';

export interface AfterCatchAll {
  readonly rule: number;
  readonly path: string;
  readonly by: RouteEntry;
}

export function rulesAfterCatchAll(resources: readonly Resource[], units: readonly Unit[]): Map<Resource, AfterCatchAll[]> {
  const byResource = new Map<string, Unit[]>();
  for (const u of units.values()) {
    if (u.entry.routeKind !== 'VirtualService') continue;
    const id = u.entry.provenance.resource;
    const list = byResource.get(id);
    if (list) list.push(u);
    else byResource.set(id, [u]);
  }
  const out = new Map<Resource, AfterCatchAll[]>();
  // A design without VirtualService entries (Gateway API only) has nothing to look for.
  if (byResource.size === 0) return out;
  for (const r of resources) {
    const list = byResource.get(r.id);
    if (!list) continue;
    const spec = r.object.spec;
    const http = isRecord(spec) && Array.isArray(spec.http) ? spec.http : [];
    const catchAll = list
      .filter((u) => u.entry.provenance.path.startsWith('spec.http') && isCatchAll(u.entry.match) && !u.entry.match.source && u.entry.match.port === undefined)
      .sort((a, b) => (a.entry.provenance.rule ?? 0) - (b.entry.provenance.rule ?? 0))[0];
    const c = catchAll?.entry.provenance.rule;
    if (!catchAll || c === null || c === undefined) continue;
    const served = new Set(list.map((u) => u.entry.provenance.rule));
    const found: AfterCatchAll[] = [];
    for (let i = c + 1; i < http.length; i++) {
      const rule: unknown = http[i];
      if (served.has(i) || !isRecord(rule) || rule.delegate !== undefined) continue;
      found.push({ rule: i, path: `spec.http[${i}]`, by: catchAll.entry });
    }
    if (found.length > 0) out.set(r, found);
  }
  return out;
}
