/**
 * Traffic split of one rule. Gateway API: `weight` defaults to 1, a backend's share is its weight
 * over the rule's total, and when every weight is 0 no backend gets traffic (the rule answers 500).
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httpbackendref (weight)
 * Istio: a lone destination gets everything; with several, a missing weight is 0.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRouteDestination
 */
export function shares(weights: readonly number[]): number[] {
  const total = weights.reduce((a, w) => a + Math.max(0, w), 0);
  return weights.map((w) => (total > 0 ? Math.max(0, w) / total : 0));
}

/** `0.9` → `90 %`, `1/3` → `33.3 %` (at most one decimal, no trailing zero). */
export function formatPercent(share: number): string {
  const pct = Math.round(share * 1000) / 10;
  return `${pct} %`;
}

/**
 * Edge label for a backend: `90 · 90 %`. A lone backend whose weight nobody wrote reads `100 %`:
 * the number would only repeat the default.
 */
export function backendLabel(weight: number, share: number, implicit: boolean): string {
  return implicit ? formatPercent(share) : `${weight} · ${formatPercent(share)}`;
}
