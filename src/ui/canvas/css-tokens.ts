import { useCallback, useRef } from 'react';

/** The values of CSS custom properties (`--rd-…`) on an element, for what is drawn on a canvas. */
export function cssTokens<K extends string>(el: Element, names: Readonly<Record<K, string>>, fallback = '#888'): Record<K, string> {
  const css = getComputedStyle(el);
  const out = {} as Record<K, string>;
  for (const key of Object.keys(names) as K[]) out[key] = css.getPropertyValue(names[key]).trim() || fallback;
  return out;
}

/** The node families' colours (the `--fam` of `.rd-fam-*` in styles.css). */
export const FAMILY_TOKENS = { 'gateway-api': '--rd-gw', istio: '--rd-istio', core: '--rd-core', other: '--rd-other' } as const;

/**
 * `read(el)`, once per theme: reading computed styles forces the page's style to be recalculated
 * at once (a long task right after thousands of nodes appear), so not on every redraw.
 */
export function useTokens<T>(read: (el: Element) => T, theme: string): (el: Element) => T {
  const cache = useRef<{ theme: string; value: T } | null>(null);
  return useCallback(
    (el: Element) => {
      if (cache.current?.theme !== theme) cache.current = { theme, value: read(el) };
      return cache.current.value;
    },
    [read, theme],
  );
}
