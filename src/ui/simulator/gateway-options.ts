import type { RouteGraph } from '../../core/index';
import { selectGraph, type DesignState } from '../../store/index';

export interface GatewayOption {
  /** `namespace/name`, as the simulator's `gateway` takes it. */
  readonly value: string;
  readonly label: string;
}

const cache = new WeakMap<RouteGraph, readonly GatewayOption[]>();

/** The gateways a request can be sent to: every Gateway API and Istio Gateway of the design. */
export function selectGatewayOptions(s: DesignState): readonly GatewayOption[] {
  const graph = selectGraph(s);
  let options = cache.get(graph);
  if (!options) {
    const seen = new Set<string>();
    const list: GatewayOption[] = [];
    for (const n of graph.nodes) {
      if (n.role !== 'gateway') continue;
      const value = `${n.namespace}/${n.name}`;
      if (seen.has(value)) continue;
      seen.add(value);
      list.push({ value, label: `${value}${n.family === 'istio' ? ' (Istio)' : ''}` });
    }
    options = list;
    cache.set(graph, options);
  }
  return options;
}
