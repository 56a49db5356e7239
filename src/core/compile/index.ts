/**
 * compile(resources) → RouteTable + the status a conformant controller would write + diagnostics.
 * Gateway API half; an Istio compiler adds its gateways and mesh services to the same table.
 * Never throws on bad input: invalid objects compile to what a controller would do with them.
 */
import type { Resource } from '../resources/types.js';
import { attachAll } from './attach-all.js';
import { createRouteCompiler } from './compile-route.js';
import { GW, createContext } from './context.js';
import { buildGatewayTable } from './gateway-table.js';
import { certificateIndex } from './tls/served.js';
import { buildGateways } from './gateways.js';
import { compileIstio, mergeIstioIntoTable } from './istio/index.js';
import { buildMeshTable, type MeshInput } from './mesh.js';
import { GATEWAY_ROUTE_KINDS, readRoute } from './route-model.js';
import { buildStatus } from './status.js';
import { reportProblems } from './diagnostics.js';
import type { CompileOptions, CompileResult, RejectedAttachment } from './types.js';

const byId = (a: Resource, b: Resource): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function compile(resources: readonly Resource[], options: CompileOptions = {}): CompileResult {
  const sorted = [...resources].sort(byId);
  const ctx = createContext(sorted, options.assumeExternal === true, options.locate);
  const { gateways, listenerSets } = buildGateways(ctx);
  const routes = GATEWAY_ROUTE_KINDS.flatMap((k) => ctx.ofKind(GW, k)).map(readRoute);
  const compileRoute = createRouteCompiler(ctx);
  const { results, byListener } = attachAll(ctx, routes, gateways, listenerSets, compileRoute);

  const meshInputs: MeshInput[] = [];
  const meshRejected = new Map<string, RejectedAttachment[]>();
  for (const { route, parents } of results) {
    for (const p of parents) {
      if (!p.mesh) continue;
      const key = `${p.parentRef.namespace}/${p.parentRef.name}`;
      if (p.accepted) meshInputs.push({ route, attachment: p.mesh, templates: p.compiled.templates });
      else meshRejected.set(key, [...(meshRejected.get(key) ?? []), { route: { kind: route.kind, namespace: route.resource.namespace, name: route.resource.name }, resource: route.resource.id, reason: p.reason, message: p.message }]);
    }
  }
  // The Istio half (networking.istio.io objects) adds its gateways and mesh route sets.
  const istio = compileIstio(sorted, options);
  const table = mergeIstioIntoTable({
    gateways: gateways.map((g) => buildGatewayTable(g, byListener, results)),
    mesh: buildMeshTable(ctx, meshInputs, meshRejected),
    notes: ctx.notes,
    assumeExternal: ctx.assumeExternal,
    certificates: certificateIndex(sorted),
  }, istio);
  reportProblems(ctx, results, gateways, listenerSets);
  const status = buildStatus({ ctx, resources, gateways, listenerSets, results, byListener });
  return { table, status, diagnostics: [...ctx.diagnostics, ...istio.diagnostics] };
}
