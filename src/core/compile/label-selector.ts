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
