/**
 * Gateway API filters → table Filters (gateway-api.md §5). Applied in list order. Invalid
 * combinations drop the rule: RequestRedirect with URLRewrite (IncompatibleFilters),
 * ReplacePrefixMatch without exactly one PathPrefix match, unknown filter types (UnsupportedValue).
 */
import type { Resource } from '../resources/types.js';
import { resolveBackend, type BackendScope } from './backends.js';
import type { CompileContext } from './context.js';
import { extensionRefFilter, externalAuthFilter } from './extension-filters.js';
import { arr, bool, num, rec, str } from './read.js';
import type { CorsPolicy, Filter, HeaderModifier, PathModifier, Provenance, RedirectAction } from './types.js';

export interface RuleProblem {
  readonly reason: 'UnsupportedValue' | 'IncompatibleFilters';
  readonly message: string;
}

export interface CompiledFilters {
  readonly filters: Filter[];
  readonly redirect: RedirectAction | null;
  readonly problem: RuleProblem | null;
}

export interface FilterContext {
  readonly ctx: CompileContext;
  readonly route: Resource;
  readonly scope: BackendScope;
  /** The rule's single PathPrefix value, or null when the rule has not exactly one PathPrefix match. */
  readonly singlePrefix: string | null;
  /** Filter types this route kind allows (GRPCRoute has no redirect/rewrite/CORS). */
  readonly allowed: readonly string[];
  /** Field path of the filter list, e.g. `spec.rules[0].filters`. */
  readonly path: string;
  readonly provenance: Provenance;
}

export const HTTP_FILTERS = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite', 'RequestMirror', 'CORS', 'ExtensionRef', 'ExternalAuth'];
export const GRPC_FILTERS = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'ExtensionRef'];

export function compileFilters(raw: unknown, fc: FilterContext): CompiledFilters {
  const filters: Filter[] = [];
  let redirect: RedirectAction | null = null;
  let rewrite = false;
  for (const [i, item] of arr(raw).entries()) {
    const f = rec(item);
    const type = str(f.type) ?? '';
    const fail = (reason: RuleProblem['reason'], message: string): CompiledFilters => ({ filters, redirect, problem: { reason, message: `${fc.path}[${i}]: ${message}` } });
    if (!fc.allowed.includes(type)) return fail('UnsupportedValue', `filter type ${type || '(none)'} is not supported here`);
    switch (type) {
      case 'RequestHeaderModifier':
      case 'ResponseHeaderModifier':
        filters.push({ type, modifier: headerModifier(f[type === 'RequestHeaderModifier' ? 'requestHeaderModifier' : 'responseHeaderModifier']) });
        break;
      case 'RequestRedirect': {
        const r = rec(f.requestRedirect);
        const path = pathModifier(r.path, fc.singlePrefix);
        if (path === 'invalid') return fail('UnsupportedValue', 'ReplacePrefixMatch needs exactly one PathPrefix match in the rule');
        const scheme = str(r.scheme);
        if (scheme !== null && scheme !== 'http' && scheme !== 'https') return fail('UnsupportedValue', `redirect scheme ${scheme} is not http or https`);
        const code = num(r.statusCode) ?? 302;
        if (![301, 302, 303, 307, 308].includes(code)) return fail('UnsupportedValue', `redirect statusCode ${code} is not 301, 302, 303, 307 or 308`);
        redirect = {
          kind: 'redirect',
          scheme,
          hostname: str(r.hostname),
          port: num(r.port),
          portPolicy: 'GatewayAPI',
          path,
          statusCode: code,
        };
        break;
      }
      case 'URLRewrite': {
        const r = rec(f.urlRewrite);
        const path = pathModifier(r.path, fc.singlePrefix);
        if (path === 'invalid') return fail('UnsupportedValue', 'ReplacePrefixMatch needs exactly one PathPrefix match in the rule');
        rewrite = true;
        filters.push({ type: 'URLRewrite', rewrite: { hostname: str(r.hostname), path } });
        break;
      }
      case 'RequestMirror': {
        const m = rec(f.requestMirror);
        const fraction = m.fraction === undefined ? null : rec(m.fraction);
        const percent = num(m.percent) ?? (fraction ? ((num(fraction.numerator) ?? 0) / (num(fraction.denominator) ?? 100)) * 100 : 100);
        const backend = resolveBackend(fc.ctx, fc.route, m.backendRef, { ...fc.provenance, path: `${fc.path}[${i}].requestMirror.backendRef` }, fc.scope);
        filters.push({ type: 'RequestMirror', mirror: { backend, percent } });
        break;
      }
      case 'CORS':
        filters.push({ type: 'CORS', cors: corsPolicy(f.cors) });
        break;
      default: {
        // ExtensionRef, ExternalAuth: the only types left once `allowed` is checked (extension-filters.ts).
        const scope = { ctx: fc.ctx, route: fc.route, scope: fc.scope, provenance: fc.provenance, path: `${fc.path}[${i}]` };
        filters.push(type === 'ExternalAuth' ? externalAuthFilter(f, scope) : extensionRefFilter(f, scope));
      }
    }
  }
  if (redirect && rewrite) return { filters, redirect, problem: { reason: 'IncompatibleFilters', message: `${fc.path}: RequestRedirect and URLRewrite cannot be combined` } };
  return { filters, redirect, problem: null };
}

export function headerModifier(raw: unknown): HeaderModifier {
  const m = rec(raw);
  const pairs = (v: unknown): [string, string][] =>
    arr(v).flatMap((e) => {
      const name = str(rec(e).name);
      return name === null ? [] : [[name.toLowerCase(), str(rec(e).value) ?? ''] as [string, string]];
    });
  return { set: pairs(m.set), add: pairs(m.add), remove: arr(m.remove).flatMap((n) => (typeof n === 'string' ? [n.toLowerCase()] : [])) };
}

/** HTTPPathModifier; `invalid` when ReplacePrefixMatch lacks its single PathPrefix match (§5.1). */
function pathModifier(raw: unknown, singlePrefix: string | null): PathModifier | null | 'invalid' {
  if (raw === undefined) return null;
  const p = rec(raw);
  if (str(p.type) === 'ReplaceFullPath') return { type: 'ReplaceFullPath', value: str(p.replaceFullPath) ?? '/' };
  if (str(p.type) === 'ReplacePrefixMatch') {
    if (singlePrefix === null) return 'invalid';
    return { type: 'ReplacePrefixMatch', value: str(p.replacePrefixMatch) ?? '/', prefix: singlePrefix, semantics: 'segment' };
  }
  return null;
}

function corsPolicy(raw: unknown): CorsPolicy {
  const c = rec(raw);
  const strings = (v: unknown): string[] => arr(v).filter((s): s is string => typeof s === 'string');
  return {
    allowOrigins: strings(c.allowOrigins).map((value) => ({ type: 'Wildcard' as const, value })),
    allowMethods: strings(c.allowMethods),
    allowHeaders: strings(c.allowHeaders),
    exposeHeaders: strings(c.exposeHeaders),
    maxAge: num(c.maxAge) ?? 5,
    allowCredentials: bool(c.allowCredentials),
  };
}
