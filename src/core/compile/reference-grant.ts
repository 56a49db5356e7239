/**
 * ReferenceGrant (gateway-api.md §3.4): a reference from `from` (group, kind, namespace) to an
 * object in another namespace is allowed when some grant in the *target* namespace has a matching
 * `from` entry and a matching `to` entry (`to.name` omitted = every object of that kind).
 */
import type { CompileContext } from './context.js';
import { GW } from './context.js';
import { arr, rec, str } from './read.js';

export interface ReferenceEnds {
  readonly fromGroup: string;
  readonly fromKind: string;
  readonly fromNamespace: string;
  readonly toGroup: string;
  readonly toKind: string;
  readonly toNamespace: string;
  readonly toName: string;
}

export function referenceAllowed(ctx: CompileContext, ref: ReferenceEnds): boolean {
  if (ref.fromNamespace === ref.toNamespace) return true;
  for (const grant of ctx.ofKind(GW, 'ReferenceGrant')) {
    if (grant.namespace !== ref.toNamespace) continue;
    const spec = rec(grant.object.spec);
    const fromOk = arr(spec.from).some((f) => {
      const e = rec(f);
      return (str(e.group) ?? '') === ref.fromGroup && str(e.kind) === ref.fromKind && str(e.namespace) === ref.fromNamespace;
    });
    if (!fromOk) continue;
    const toOk = arr(spec.to).some((t) => {
      const e = rec(t);
      const name = str(e.name);
      return (str(e.group) ?? '') === ref.toGroup && str(e.kind) === ref.toKind && (name === null || name === '' || name === ref.toName);
    });
    if (toOk) return true;
  }
  return false;
}
