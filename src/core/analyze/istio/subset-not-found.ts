/**
 * IST0101 ReferencedResourceNotFound for subsets (istio/istio
 * analyzers/virtualservice/destinationrules.go): a destination (route, mirror, mirrors) names a
 * subset that no DestinationRule for its host defines. Hosts are compared as FQDNs, a short host
 * read in the namespace of the object that wrote it; a DestinationRule with a wildcard host
 * (`*.example.com`) counts for the hosts it covers, as istiod applies it.
 * One cause, one problem: a destination whose host is missing is reported as that, not here.
 * With --assume-external a host outside the design is assumed to have its DestinationRule too,
 * unless one in the design is for that host (then it is the one that applies).
 */
import { hostsOverlap } from '../../compile/istio/names.js';
import { arr, rec, str } from '../../compile/read.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { serviceHostsOf, toFqdn } from './service-hosts.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';
import { ISTIO_GROUP, readVirtualServices } from './virtual-services.js';

interface RuleSubsets {
  readonly host: string;
  readonly name: string;
  readonly subsets: ReadonlySet<string>;
}

function readRules(input: IstioAnalysisInput): RuleSubsets[] {
  return input.resources
    .filter((r) => r.group === ISTIO_GROUP && r.kind === 'DestinationRule')
    .map((r) => {
      const spec = rec(r.object.spec);
      const subsets = arr(spec.subsets).flatMap((s) => {
        const n = str(rec(s).name);
        return n === null ? [] : [n];
      });
      return { host: toFqdn(str(spec.host) ?? '', r.namespace), name: `${r.namespace}/${r.name}`, subsets: new Set(subsets) };
    })
    .filter((r) => r.host !== '');
}

/** Exact host first; a wildcard rule host covering it otherwise. */
function rulesFor(rules: readonly RuleSubsets[], fqdn: string): RuleSubsets[] {
  const exact = rules.filter((r) => r.host === fqdn);
  return exact.length > 0 ? exact : rules.filter((r) => r.host.startsWith('*') && hostsOverlap(r.host, fqdn));
}

export function analyzeSubsets(input: IstioAnalysisInput): Diagnostic[] {
  const hosts = serviceHostsOf(input.resources);
  const rules = readRules(input);
  const out: Diagnostic[] = [];
  for (const vs of readVirtualServices(input.resources)) {
    const ns = vs.resource.namespace;
    for (const d of vs.destinations) {
      if (d.subset === null) continue;
      const fqdn = toFqdn(d.host, ns);
      const applying = rulesFor(rules, fqdn);
      if (applying.some((r) => r.subsets.has(d.subset ?? ''))) continue;
      if (hosts.lookup(d.host, ns, vs.exportTo) === null && (!input.assumeExternal || applying.length === 0)) continue;
      const where = applying.length === 0
        ? `no DestinationRule in this design is for ${fqdn}: add one that defines subset ${d.subset}`
        : `DestinationRule ${applying.map((r) => r.name).join(', ')} does not define it: add subset ${d.subset} there or use one it defines (${applying.flatMap((r) => [...r.subsets]).join(', ') || 'none'})`;
      const what = d.mirror ? 'mirror+subset' : 'host+subset';
      out.push(istioProblem(input, vs.resource, 'IstioSubsetNotFound', 'IST0101', 'error',
        `Referenced ${what} in destinationrule "${d.host}+${d.subset}" not found: ${where} (Istio answers 503)`,
        [...d.path, 'subset']));
    }
  }
  return out;
}
