/** Dispatches a route to its kind's compiler, once per scope (gateway or mesh). */
import type { BackendScope } from './backends.js';
import type { CompileContext } from './context.js';
import type { CompiledRoute } from './entry-template.js';
import { compileGrpcRoute } from './grpc-route.js';
import { compileHttpRoute } from './http-route.js';
import { compileL4Route } from './l4-route.js';
import type { RouteModel } from './route-model.js';

export function createRouteCompiler(ctx: CompileContext): (route: RouteModel, scope: BackendScope) => CompiledRoute {
  // Keyed by the route model (one per route and compile) and scope: no key string per parentRef.
  const caches = { gateway: new Map<RouteModel, CompiledRoute>(), mesh: new Map<RouteModel, CompiledRoute>() };
  return (route, scope) => {
    const cache = scope.mesh ? caches.mesh : caches.gateway;
    let c = cache.get(route);
    if (!c) {
      c = route.kind === 'HTTPRoute' ? compileHttpRoute(ctx, route, scope) : route.kind === 'GRPCRoute' ? compileGrpcRoute(ctx, route, scope) : compileL4Route(ctx, route, scope);
      cache.set(route, c);
    }
    return c;
  };
}
