import type { Diagnostic, Severity } from '../diagnostics/types.js';
import type { Resource, ResourceId } from '../resources/types.js';
import type { DiagnosticCounts } from './types.js';

export const NO_DIAGNOSTICS: DiagnosticCounts = { error: 0, warning: 0, info: 0 };

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

export function worse(a: Severity | undefined, b: Severity): Severity {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}

/**
 * Which resource a diagnostic is about: the one whose lines hold it, else the one it names.
 * Location first, because a diagnostic's `resource` carries no API group (an Istio Gateway and a
 * Gateway API Gateway may share kind, namespace and name).
 */
export class DiagnosticLocator {
  private readonly byFile = new Map<string, Resource[]>();
  private readonly byRef = new Map<string, Resource>();

  constructor(resources: readonly Resource[]) {
    for (const r of resources) {
      const list = this.byFile.get(r.source.file) ?? [];
      list.push(r);
      this.byFile.set(r.source.file, list);
      const key = `${r.kind}/${r.namespace}/${r.name}`;
      if (!this.byRef.has(key)) this.byRef.set(key, r);
    }
    for (const list of this.byFile.values()) list.sort((a, b) => a.source.line - b.source.line);
  }

  resourceOf(d: Diagnostic): Resource | undefined {
    const list = this.byFile.get(d.file);
    if (list) {
      let lo = 0;
      let hi = list.length - 1;
      let found: Resource | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = list[mid] as Resource;
        if (r.source.line <= d.line) {
          found = r;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found && d.line <= found.source.endLine) return found;
    }
    return d.resource ? this.byRef.get(`${d.resource.kind}/${d.resource.namespace}/${d.resource.name}`) : undefined;
  }
}

/** True when `path` is `prefix` or lies inside it (`spec.rules[1]` holds `spec.rules[1].matches[0]`). */
export function pathWithin(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}

/** The resource each diagnostic is about (or null), in the diagnostics' order. */
export function locateDiagnostics(resources: readonly Resource[], diagnostics: readonly Diagnostic[]): (ResourceId | null)[] {
  const locator = new DiagnosticLocator(resources);
  return diagnostics.map((d) => locator.resourceOf(d)?.id ?? null);
}

export function addCount(counts: DiagnosticCounts, severity: Severity): DiagnosticCounts {
  return { ...counts, [severity]: counts[severity] + 1 };
}
