import { formatPath, pathWithin, type Diagnostic, type FieldPath } from '../../core/index';
import { useDesign, type Analysis } from '../../store/index';

const cache = new WeakMap<Analysis, Map<string, readonly Diagnostic[]>>();
const NONE: readonly Diagnostic[] = [];

/** The document's diagnostics about one field of one object (and what is inside it), memoised per analysis. */
export function useFieldDiagnostics(resourceId: string, path: FieldPath): readonly Diagnostic[] {
  const key = `${resourceId}|${formatPath(path)}`;
  return useDesign((s) => {
    const a = s.analysis;
    if (!a) return NONE;
    let m = cache.get(a);
    if (!m) {
      m = new Map();
      cache.set(a, m);
    }
    let list = m.get(key);
    if (!list) {
      const at = formatPath(path);
      const found = a.diagnostics.filter((d, i) => a.owners[i] === resourceId && d.path !== undefined && pathWithin(d.path, at));
      list = found.length > 0 ? found : NONE;
      m.set(key, list);
    }
    return list;
  });
}
