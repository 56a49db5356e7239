/**
 * Delegation match arithmetic (istio.md §1.6; istio/istio pilot/pkg/model/virtualservice.go:
 * mergeHTTPMatchRequests, mergeHTTPMatchRequest, hasConflict, stringMatchConflict).
 * Each delegate match must be a subset of at least one root match; it is merged with EVERY root
 * match it does not conflict with (root fields fill what the delegate leaves unset, maps unioned
 * with the delegate's values winning). One delegate match without a compatible root match drops
 * the whole delegate rule.
 */
import type { HttpMatchModel, IstioStringMatch } from './model.js';

const get = (m: IstioStringMatch | null, kind: 'exact' | 'prefix' | 'regex'): string => (m !== null && m.kind === kind ? m.value : '');

/** `stringMatchConflict`: can the leaf condition be narrower than the root one? */
export function stringMatchConflict(root: IstioStringMatch | null, leaf: IstioStringMatch | null): boolean {
  if (root === null || leaf === null) return false;
  const [rExact, rPrefix, rRegex] = [get(root, 'exact'), get(root, 'prefix'), get(root, 'regex')];
  const [lExact, lPrefix, lRegex] = [get(leaf, 'exact'), get(leaf, 'prefix'), get(leaf, 'regex')];
  // A regex on one side forbids any other matcher of the same property on the other.
  if (rRegex !== '' && (lRegex !== '' || lPrefix !== '' || lExact !== '')) return true;
  if (lRegex !== '' && (rRegex !== '' || rPrefix !== '' || rExact !== '')) return true;
  if (rExact !== '') return lPrefix !== '' || lExact !== rExact;
  if (rPrefix !== '') {
    if (lPrefix !== '') return !lPrefix.startsWith(rPrefix);
    if (lExact !== '') return !lExact.startsWith(rPrefix);
  }
  return true;
}

function mapConflict(root: ReadonlyMap<string, IstioStringMatch>, leaf: ReadonlyMap<string, IstioStringMatch>): boolean {
  for (const [k, v] of leaf) if (stringMatchConflict(root.get(k) ?? null, v)) return true;
  return false;
}

export function hasConflict(root: HttpMatchModel, leaf: HttpMatchModel): boolean {
  if (stringMatchConflict(root.uri, leaf.uri) || stringMatchConflict(root.scheme, leaf.scheme)) return true;
  if (stringMatchConflict(root.method, leaf.method) || stringMatchConflict(root.authority, leaf.authority)) return true;
  if (mapConflict(root.headers, leaf.headers) || mapConflict(root.withoutHeaders, leaf.withoutHeaders) || mapConflict(root.queryParams, leaf.queryParams)) return true;
  if (root.ignoreUriCase !== leaf.ignoreUriCase) return true;
  if (root.port > 0 && leaf.port > 0 && root.port !== leaf.port) return true;
  if (root.sourceNamespace !== '' && leaf.sourceNamespace !== root.sourceNamespace) return true;
  for (const [k, v] of Object.entries(leaf.sourceLabels)) if (k in root.sourceLabels && root.sourceLabels[k] !== v) return true;
  if (root.gateways.length > 0 && leaf.gateways.length > 0) {
    if (root.gateways.length < leaf.gateways.length) return true;
    if (leaf.gateways.some((g) => !root.gateways.includes(g))) return true;
  }
  return false;
}

const join = (root: string, leaf: string): string => (leaf === '' ? root : root === '' ? leaf : `${root}-${leaf}`);

function mergeMaps<V>(root: ReadonlyMap<string, V>, leaf: ReadonlyMap<string, V>): Map<string, V> {
  return new Map([...root, ...leaf]);
}

export function mergeMatch(root: HttpMatchModel, leaf: HttpMatchModel): HttpMatchModel {
  return {
    ...leaf,
    name: join(root.name, leaf.name),
    uri: leaf.uri ?? root.uri,
    scheme: leaf.scheme ?? root.scheme,
    method: leaf.method ?? root.method,
    authority: leaf.authority ?? root.authority,
    headers: mergeMaps(root.headers, leaf.headers),
    withoutHeaders: mergeMaps(root.withoutHeaders, leaf.withoutHeaders),
    queryParams: mergeMaps(root.queryParams, leaf.queryParams),
    port: leaf.port === 0 ? root.port : leaf.port,
    sourceLabels: { ...root.sourceLabels, ...leaf.sourceLabels },
    sourceNamespace: leaf.sourceNamespace === '' ? root.sourceNamespace : leaf.sourceNamespace,
    gateways: leaf.gateways.length === 0 ? root.gateways : leaf.gateways,
    root: { index: root.index, path: root.path },
  };
}

/** Merged matches, or null on conflict. A root without matches keeps the delegate's as they are. */
export function mergeMatches(root: readonly HttpMatchModel[], leaf: readonly HttpMatchModel[]): HttpMatchModel[] | null {
  if (root.length === 0) return [...leaf];
  if (leaf.length === 0) return root.map((r) => ({ ...r, root: { index: r.index, path: r.path }, inherited: true }));
  const out: HttpMatchModel[] = [];
  for (const l of leaf) {
    const compatible = root.filter((r) => !hasConflict(r, l));
    if (compatible.length === 0) return null;
    for (const r of compatible) out.push(mergeMatch(r, l));
  }
  return out;
}
