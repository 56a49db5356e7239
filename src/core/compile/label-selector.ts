/**
 * Kubernetes LabelSelector: `matchLabels` AND every `matchExpressions` entry (In, NotIn, Exists,
 * DoesNotExist). An empty selector selects everything (gateway-api.md §3.2).
 */
import { arr, rec, str } from './read.js';

export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  const s = rec(selector);
  for (const [k, v] of Object.entries(rec(s.matchLabels))) if (labels[k] !== v) return false;
  for (const e of arr(s.matchExpressions)) {
    const expr = rec(e);
    const k = str(expr.key) ?? '';
    const values = arr(expr.values).filter((v): v is string => typeof v === 'string');
    const has = Object.prototype.hasOwnProperty.call(labels, k);
    const value = labels[k];
    switch (expr.operator) {
      case 'In':
        if (!has || value === undefined || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && value !== undefined && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false; // an unknown operator selects nothing
    }
  }
  return true;
}

/**
 * The API server labels every Namespace with its own name (`kubernetes.io/metadata.name`, set
 * and kept by the NamespaceDefaultLabelName admission since Kubernetes 1.21), so that label is
 * known even for a Namespace absent from the design.
 */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The labels a selector can read for a namespace: the design's Namespace object, plus the name label; null when other labels would be needed but are unknown. */
export function labelsForSelector(selector: unknown, namespace: string, designLabels: Readonly<Record<string, string>> | null): Readonly<Record<string, string>> | null {
  if (designLabels !== null) return { ...designLabels, [NAMESPACE_NAME_LABEL]: namespace };
  const s = rec(selector);
  const keys = [...Object.keys(rec(s.matchLabels)), ...arr(s.matchExpressions).map((e) => str(rec(e).key) ?? '')];
  return keys.length > 0 && keys.every((k) => k === NAMESPACE_NAME_LABEL) ? { [NAMESPACE_NAME_LABEL]: namespace } : null;
}
