/** A Decision seen through the expectation fields: what a case's `actual` shows. */
import type { Decision } from '../simulate/types.js';
import type { ActualBackend, ActualOutcome } from './types.js';

export function actualOf(d: Decision): ActualOutcome {
  const backends: ActualBackend[] = d.backends.map((b) => ({ kind: b.kind, namespace: b.namespace, name: b.name, port: b.port, subset: b.subset, share: b.probability }));
  return {
    status: d.status,
    route: d.route ? `${d.route.namespace}/${d.route.name}` : null,
    backends,
    redirect: d.redirect?.location ?? null,
    path: d.request?.path ?? null,
    host: d.request?.host ?? null,
    headers: d.request?.headers ?? null,
  };
}

/** `Service shop/cart-v1:8080 subset v1` — how a backend reads in a failure. */
export function backendWords(b: { readonly kind?: string; readonly namespace: string; readonly name: string; readonly port?: number | null; readonly subset?: string | null }): string {
  return `${b.kind ? `${b.kind} ` : ''}${b.namespace}/${b.name}${b.port == null ? '' : `:${b.port}`}${b.subset == null ? '' : ` subset ${b.subset}`}`;
}
