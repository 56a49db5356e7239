/** Dispatches a route to its kind's compiler, once per scope (gateway or mesh). */
import type { BackendScope } from './backends.js';
import type { CompileContext } from './context.js';
import type { CompiledRoute } from './entry-template.js';
import { compileGrpcRoute } from './grpc-route.js';
import { compileHttpRoute } from './http-route.js';
import { compileL4Route } from './l4-route.js';
import type { RouteModel } from './route-model.js';

export function createRouteCompiler(ctx: CompileContext): (route: RouteModel, scope: BackendScope) => CompiledRoute {
  const cache = new Map<string, CompiledRoute>();
  return (route, scope) => {
    const key = `${route.resource.id}\u0000${scope.mesh ? 'mesh' : 'gateway'}`;
    let c = cache.get(key);
    if (!c) {
      c = route.kind === 'HTTPRoute' ? compileHttpRoute(ctx, route, scope) : route.kind === 'GRPCRoute' ? compileGrpcRoute(ctx, route, scope) : compileL4Route(ctx, route, scope);
      cache.set(key, c);
    }
    return c;
  };
}
