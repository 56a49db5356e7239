/**
 * Delegation (istio.md §1.6; istio/istio pilot/pkg/model/virtualservice_controller.go
 * mergeVirtualServices, virtualservice.go MergeHTTPRoutes/mergeHTTPRoute).
 * A root rule `{match, delegate: {name, namespace?}}` is replaced in place by the delegate's
 * `http[]` rules, in order. A delegate is a VirtualService without hosts; its namespace defaults
 * to the root's; it must be exported to the root's namespace. A missing or invisible delegate
 * drops only that root rule; a delegate rule whose matches conflict with the root's is dropped.
 * Root fields fill what the delegate rule leaves unset: rewrite, directResponse, timeout, retries,
 * fault, mirror(s), corsPolicy, headers. Names are joined `root-delegate`.
 */
import type { IstioSinks } from './context.js';
import { mergeMatches } from './delegate-match.js';
import type { HttpRuleModel, MirrorModel, VirtualServiceModel } from './model.js';
import { visibleTo } from './names.js';

const isSingleMirror = (m: MirrorModel): boolean => m.path.endsWith('.mirror');

function inheritMirrors(root: readonly MirrorModel[], leaf: readonly MirrorModel[]): MirrorModel[] {
  const rootSingle = root.find(isSingleMirror);
  const leafSingle = leaf.find(isSingleMirror);
  // mirror and mirrorPercentage are inherited separately (mergeHTTPRoute).
  const single = leafSingle === undefined ? rootSingle : leafSingle.percent === null && rootSingle !== undefined ? { ...leafSingle, percent: rootSingle.percent } : leafSingle;
  const listed = leaf.some((m) => !isSingleMirror(m)) ? leaf.filter((m) => !isSingleMirror(m)) : root.filter((m) => !isSingleMirror(m));
  return [...(single === undefined ? [] : [single]), ...listed];
}

function mergeRule(root: HttpRuleModel, leaf: HttpRuleModel): HttpRuleModel | null {
  const match = mergeMatches(root.match, leaf.match);
  if (match === null) return null;
  return {
    ...leaf,
    delegatedFrom: root.origin,
    name: leaf.name === '' ? root.name : root.name === '' ? leaf.name : `${root.name}-${leaf.name}`,
    match,
    rewrite: leaf.rewrite ?? root.rewrite,
    directResponse: leaf.directResponse ?? root.directResponse,
    timeout: leaf.timeout ?? root.timeout,
    retries: leaf.retries ?? root.retries,
    fault: leaf.fault ?? root.fault,
    mirrors: inheritMirrors(root.mirrors, leaf.mirrors),
    corsPolicy: leaf.corsPolicy ?? root.corsPolicy,
    headers: leaf.headers ?? root.headers,
  };
}

/** The root VirtualService with its delegate rules merged in. `delegates` are keyed `ns/name`. */
export function mergeDelegates(root: VirtualServiceModel, delegates: ReadonlyMap<string, VirtualServiceModel>, sinks: IstioSinks): VirtualServiceModel {
  if (!root.http.some((h) => h.delegate !== null)) return root;
  const http: HttpRuleModel[] = [];
  for (const rule of root.http) {
    if (rule.delegate === null) {
      http.push(rule);
      continue;
    }
    const key = `${rule.delegate.namespace}/${rule.delegate.name}`;
    const delegate = delegates.get(key);
    const at = `${rule.origin.path}.delegate`;
    if (delegate === undefined) {
      sinks.diagnose(root.resource, 'IstioDelegateNotFound', 'warning', `delegate VirtualService ${key} (without hosts) is not in this design: Istio ignores this rule`, at);
      continue;
    }
    if (!visibleTo(delegate.exportTo, root.resource.namespace)) {
      sinks.diagnose(root.resource, 'IstioDelegateNotExported', 'warning', `delegate VirtualService ${key} is not exported to namespace ${root.resource.namespace}: Istio ignores this rule`, at);
      continue;
    }
    for (const leaf of delegate.http) {
      if (leaf.delegate !== null) {
        sinks.diagnose(delegate.resource, 'IstioDelegateNested', 'warning', 'a delegate VirtualService cannot delegate again (one level only): rule ignored', `${leaf.origin.path}.delegate`);
        continue;
      }
      const merged = mergeRule(rule, leaf);
      if (merged === null) {
        sinks.diagnose(delegate.resource, 'IstioDelegateMatchConflict', 'warning', `a match of this rule is not a subset of any match of ${root.resource.namespace}/${root.resource.name} ${rule.origin.path}: Istio drops the rule`, leaf.origin.path);
        continue;
      }
      http.push(merged);
    }
  }
  return { ...root, http };
}
