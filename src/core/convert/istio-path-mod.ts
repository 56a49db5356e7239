import type { GwMatch } from './gw-match.js';

/**
 * Istio path modification → the Gateway API path modifier for one match (istio.md §1.4, §9.4–9.5;
 * gateway-api.md §5.3–5.4).
 *
 * Istio replaces the *matched prefix as a string* (Envoy prefix_rewrite): for an exact or regex
 * match the whole path, with no uri match the prefix `/`. The Gateway API's ReplacePrefixMatch is
 * segment-aware and trims a trailing `/`, so it gives the same result only when the replacement has
 * no trailing `/` (a root prefix needs one). Paths the segment form cannot reach (`/foobar` for
 * prefix `/foo`) have no Gateway API rewrite: 'lost'.
 */
export type IstioPathMod = { readonly kind: 'full'; readonly value: string } | { readonly kind: 'prefix'; readonly value: string };
export type GwPathMod = { readonly type: 'ReplaceFullPath'; readonly replaceFullPath: string } | { readonly type: 'ReplacePrefixMatch'; readonly replacePrefixMatch: string };

export function pathModFor(m: GwMatch, mod: IstioPathMod): GwPathMod | 'lost' {
  if (mod.kind === 'full') return { type: 'ReplaceFullPath', replaceFullPath: mod.value };
  const origin = m.origin ?? { kind: 'prefix', prefix: '/' };
  if (origin.kind !== 'prefix') return { type: 'ReplaceFullPath', replaceFullPath: mod.value };
  const P = origin.prefix;
  const a = m.path;
  if (a.kind === 'exact') return { type: 'ReplaceFullPath', replaceFullPath: mod.value + a.value.slice(P.length) };
  if (a.kind !== 'segment') return 'lost';
  const R = mod.value + a.value.slice(P.length === 0 || (P === '/' && a.value === '/') ? a.value.length : P.length);
  const ok = a.value === '/' ? R.endsWith('/') : R !== '' && !R.endsWith('/');
  return ok ? { type: 'ReplacePrefixMatch', replacePrefixMatch: R } : 'lost';
}
