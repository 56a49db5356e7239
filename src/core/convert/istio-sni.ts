import { compareTimes } from '../compile/precedence.js';
import { creationOf } from '../compile/read.js';
import type { Resource } from '../resources/types.js';
import { boundGateways } from './istio-virtual-service.js';
import { compareStrings } from './names.js';
import { records, spec, strings } from './read.js';

/**
 * The `tls` matches Istio skips at a gateway (istio.md §1.5; compile/istio/l4-entries.ts
 * `passthroughChains`): VirtualServices in istiod's order (oldest, then name, then namespace) claim
 * their SNI names match by match, and a match one of whose `sniHosts` an earlier match already
 * claimed on the same gateway is skipped whole. Keys `namespace/name#rule#match`.
 */
export function skippedTlsMatches(vss: readonly Resource[]): Set<string> {
  const ordered = istioOrder(vss.filter((vs) => records(spec(vs.object).tls).length > 0));
  const taken = new Map<string, Set<string>>();
  const skipped = new Set<string>();
  for (const vs of ordered) {
    const gateways = boundGateways(vs).gateways.map((g) => `${g.namespace}/${g.name}`);
    for (const { item: rule, index } of records(spec(vs.object).tls)) {
      if (records(rule.route).length === 0) continue;
      for (const { item: m, index: mi } of records(rule.match)) {
        const sni = strings(m.sniHosts).map((h) => h.toLowerCase());
        const free = gateways.filter((g) => !sni.some((h) => taken.get(g)?.has(h)));
        if (free.length < gateways.length) skipped.add(`${vs.namespace}/${vs.name}#${index}#${mi}`);
        for (const g of free) for (const h of sni) (taken.get(g) ?? taken.set(g, new Set()).get(g) as Set<string>).add(h);
      }
    }
  }
  return skipped;
}

function istioOrder(vss: readonly Resource[]): Resource[] {
  const at = new Map(vss.map((vs) => [vs, creationOf(vs.object)]));
  return [...vss].sort((a, b) => compareTimes(at.get(a) ?? null, at.get(b) ?? null) || compareStrings(a.name, b.name) || compareStrings(a.namespace, b.namespace));
}
