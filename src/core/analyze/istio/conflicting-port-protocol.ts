/**
 * IST0177 ConflictingServiceEntryProtocol (istio/istio pkg/config/analysis/analyzers/serviceentry/conflictingserviceentries.go):
 * ServiceEntries visible in one namespace declare the same host and port number with different
 * protocols (compared case-insensitively; no protocol counts as its own value, as istioctl
 * counts it). Only one protocol can configure the port's listener, so the others' traffic is
 * handled as the wrong protocol.
 *
 * Visibility follows `exportTo` as istioctl reads it: none or `*` is every namespace, `.` the
 * entry's own; an entry exported everywhere meets entries of every scope. Each ServiceEntry is
 * reported once, at its port, naming the others; its related places are the ports of entries
 * with another protocol.
 */
import { nameSome } from '../../compile/istio/gateway-conflicts.js';
import { arr, num, rec, str } from '../../compile/read.js';
import type { Diagnostic, RelatedPlace } from '../../diagnostics/types.js';
import type { Resource } from '../../resources/types.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';

const ISTIO = 'networking.istio.io';
const ALL = '*';
/** Related places (other entries' ports) listed at most. */
const MAX_RELATED = 3;

interface PortEntry {
  readonly resource: Resource;
  readonly portIndex: number;
  readonly protocol: string;
}

function scopes(r: Resource): Set<string> {
  const exportTo = arr(rec(r.object.spec).exportTo).flatMap((e) => (typeof e === 'string' ? [e] : []));
  if (exportTo.length === 0 || exportTo.includes(ALL)) return new Set([ALL]);
  return new Set(exportTo.map((e) => (e === '.' ? r.namespace : e)));
}

function index(resources: readonly Resource[]): Map<string, PortEntry[]> {
  const byKey = new Map<string, PortEntry[]>();
  for (const r of resources) {
    if (r.group !== ISTIO || r.kind !== 'ServiceEntry') continue;
    const spec = rec(r.object.spec);
    const hosts = arr(spec.hosts).flatMap((h) => (typeof h === 'string' ? [h] : []));
    for (const scope of scopes(r)) {
      for (const host of hosts) {
        arr(spec.ports).forEach((raw, portIndex) => {
          const number = num(rec(raw).number);
          if (number === null) return;
          const key = JSON.stringify([scope, host, number]);
          const entry = { resource: r, portIndex, protocol: (str(rec(raw).protocol) ?? '').toUpperCase() };
          const list = byKey.get(key);
          if (list) list.push(entry);
          else byKey.set(key, [entry]);
        });
      }
    }
  }
  return byKey;
}

/** Up to `max` entries of another ServiceEntry with another protocol than `e`'s. */
function firstOthers(entries: readonly PortEntry[], e: PortEntry, max: number): PortEntry[] {
  const out: PortEntry[] = [];
  for (const o of entries) {
    if (out.length === max) break;
    if (o.resource.id !== e.resource.id && o.protocol !== e.protocol) out.push(o);
  }
  return out;
}

export function analyzeConflictingPortProtocol(input: IstioAnalysisInput): Diagnostic[] {
  const byKey = index(input.resources);
  const reported = new Set<string>();
  const out: Diagnostic[] = [];
  for (const [key, own] of byKey) {
    const [scope, host, port] = JSON.parse(key) as [string, string, number];
    const entries = scope === ALL ? own : [...own, ...(byKey.get(JSON.stringify([ALL, host, port])) ?? [])];
    const protocols = [...new Set(entries.map((e) => e.protocol))].sort();
    if (protocols.length < 2) continue;
    const names = [...new Set(entries.map((e) => `${e.resource.namespace}/${e.resource.name}`))].sort();
    const shown = protocols.map((p) => p || '(none)').join(', ');
    const message =
      `ServiceEntries ${nameSome(names)} declare host ${host} port ${port} with different protocols (${shown}): ` +
      "one listener serves the port, so some entries' traffic is handled as the wrong protocol — give the port the same protocol in every entry";
    for (const e of entries) {
      if (reported.has(e.resource.id)) continue;
      reported.add(e.resource.id);
      const related: RelatedPlace[] = firstOthers(entries, e, MAX_RELATED).map((o) => ({
        resource: { kind: o.resource.kind, namespace: o.resource.namespace, name: o.resource.name },
        path: `spec.ports[${o.portIndex}]`,
        role: 'conflicting port',
        ...input.locate(o.resource, ['spec', 'ports', o.portIndex]),
      }));
      out.push({ ...istioProblem(input, e.resource, 'IstioConflictingPortProtocol', 'IST0177', 'warning', message, ['spec', 'ports', e.portIndex]), related });
    }
  }
  return out;
}
