import type { Family } from '../../core/index';

export const FAMILY_LABEL: Readonly<Record<Family, string>> = {
  'gateway-api': 'Gateway API',
  istio: 'Istio',
  core: 'Kubernetes',
  other: 'other',
};

/** Short tag beside the kind, so an Istio Gateway never reads as a Gateway API one. */
export const FAMILY_TAG: Readonly<Record<Family, string>> = {
  'gateway-api': 'GW API',
  istio: 'Istio',
  core: 'core',
  other: 'other',
};

/** data-testid of a node: `node-<kind>-<namespace>-<name>`. */
export function nodeTestId(kind: string, namespace: string, name: string): string {
  return `node-${kind}-${namespace}-${name}`;
}
