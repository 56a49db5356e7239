import type { FieldPath } from '../resources/path.js';
import type { KubeObject, Resource } from '../resources/types.js';
import type { IstioCtx } from './istio-context.js';
import { rec, stringMap, strings } from './read.js';

/** Istio `headers {request, response} {set, add, remove}` → Request/ResponseHeaderModifier filters (istio.md §1.4, gateway-api.md §5.2). */
export function headerFilters(headers: KubeObject, at: FieldPath, vs: Resource, ctx: IstioCtx): KubeObject[] {
  const out: KubeObject[] = [];
  for (const [side, type, field] of [
    ['request', 'RequestHeaderModifier', 'requestHeaderModifier'],
    ['response', 'ResponseHeaderModifier', 'responseHeaderModifier'],
  ] as const) {
    const ops = rec(headers[side]);
    const mod: KubeObject = {};
    for (const op of ['set', 'add'] as const) {
      const entries = Object.entries(stringMap(ops[op])).filter(([name]) => {
        if (!name.startsWith(':') && name.toLowerCase() !== 'host') return true;
        ctx.report.lose('HeaderOperation', vs, [...at, side, op, name], `${op} of ${name} has no header-modifier form in the Gateway API; it is left out`);
        return false;
      });
      if (entries.length > 0) mod[op] = entries.map(([name, value]) => ({ name, value }));
    }
    const remove = strings(ops.remove);
    if (remove.length > 0) mod.remove = remove;
    if (Object.keys(mod).length > 0) out.push({ type, [field]: mod });
  }
  return out;
}
