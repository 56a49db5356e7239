/**
 * Regular expressions as the simulator evaluates them: JavaScript RegExp anchored to the whole
 * value (Envoy/RE2 full match semantics). The dialect is implementation-specific (gateway-api.md
 * §4.2); patterns that JS cannot compile never match.
 */
import { re2ToJs } from './re2-flags.js';

const cache = new Map<string, RegExp | null>();

export function fullMatch(pattern: string, value: string): boolean {
  let re = cache.get(pattern);
  if (re === undefined) {
    try {
      const { source, flags } = re2ToJs(pattern);
      re = new RegExp(`^(?:${source})$`, flags);
    } catch {
      re = null;
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(pattern, re);
  }
  return re !== null && re.test(value);
}
