/**
 * Path rewrites shared by URLRewrite and RequestRedirect (gateway-api.md §5.3, §5.4).
 * ReplacePrefixMatch, element-wise (Gateway API): with p = the matched prefix without trailing `/`
 * and rest = the path after p (empty or starting with `/`), r = the replacement without trailing
 * `/`, the result is r + rest, or `/` when that is empty. This reproduces the normative table of
 * apis/v1/httproute_types.go (HTTPPathModifier): `/foo/bar` with `/foo` → `/xyz` gives `/xyz/bar`,
 * `/foo` with `/foo` → `` gives `/`, `/foo/` with `/foo` → `/xyz` gives `/xyz/`.
 * String semantics (Envoy prefix_rewrite, Istio): the first len(prefix) characters are replaced.
 * RegexRewrite (Istio uriRegexRewrite, Envoy regex_rewrite): RE2 GlobalReplace on the path, `\1`
 * for a group (../../regex/replace.ts). The query is kept unchanged.
 */
import type { PathModifier } from '../../compile/types.js';
import { re2GlobalReplace } from '../../regex/replace.js';

export function applyPathModifier(m: PathModifier, pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  const path = q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
  const query = q === -1 ? '' : pathAndQuery.slice(q);
  return rewritePath(m, path) + query;
}

export function rewritePath(m: PathModifier, path: string): string {
  switch (m.type) {
    case 'ReplaceFullPath':
      return m.value;
    case 'ReplacePrefixMatch': {
      if (m.semantics === 'string') return m.value + path.slice(m.prefix.length);
      const p = stripSlash(m.prefix);
      const rest = path.slice(p.length);
      const out = stripSlash(m.value) + rest;
      return out === '' ? '/' : out;
    }
    case 'RegexRewrite':
      return re2GlobalReplace(m.pattern, m.substitution, path);
  }
}

/** `/foo/` → `/foo`, `/` → `` (the root prefix contributes nothing). */
function stripSlash(s: string): string {
  return s.endsWith('/') ? s.slice(0, -1) : s;
}
