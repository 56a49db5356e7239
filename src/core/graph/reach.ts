import type { RuleReach } from '../analyze/reach/types.js';
import type { ResourceRef } from '../diagnostics/types.js';
import { GATEWAY_GROUP, ISTIO_GROUP } from '../resources/kinds.js';
import { flagRow, type GraphDraft, type RowDraft } from './draft.js';
import type { RowReach, ShadowLink } from './types.js';

/**
 * Puts the reachability of each rule (analyze/reach) on its row: a shadowed rule's row names the
 * rules that take its requests (with the row to select), a reachable rule's row keeps its witness
 * request for "Simulate this". Only whole rules are drawn; one match of a rule is not a row.
 */
export function markReach(g: GraphDraft, reach: readonly RuleReach[]): void {
  for (const r of reach) {
    if (r.rule.match !== undefined) continue;
    const found = findRow(g, r.rule.resource, r.rule.path);
    if (!found) continue;
    const reach = toRowReach(g, r);
    found.row.reach = reach;
    // A shadowed rule always has its second line (the canvas writes "shadowed by …" there).
    if (reach.state === 'shadowed') flagRow(found.row, { severity: 'warning', message: `can never match: shadowed by ${reach.by.map((b) => b.label).join(', ')}` });
  }
}

function toRowReach(g: GraphDraft, r: RuleReach): RowReach {
  if (r.state === 'reachable') return { state: 'reachable', witness: r.witness };
  if (r.state === 'undecided') return { state: 'undecided', reason: r.reason };
  return { state: 'shadowed', by: r.by.map((s) => shadowLink(g, r.rule.resource, s.resource, s.path)) };
}

/**
 * `rule 1 (cart)` for a rule of the same route, `HTTPRoute shop/other rule 3` for another's — short
 * enough for the row's second line; `detail` names it in full (its YAML path). Rules are numbered
 * from 1, as the inspector numbers them.
 */
function shadowLink(g: GraphDraft, of: ResourceRef, ref: ResourceRef, path: string): ShadowLink {
  const rule = ruleOf(path);
  const found = findRow(g, ref, rule);
  const m = /^spec\.(rules|http|tls|tcp)\[(\d+)\]/.exec(rule);
  const word = m ? `${m[1] === 'rules' ? 'rule' : `${m[1] ?? ''} route`} ${Number(m[2] ?? 0) + 1}` : path;
  const same = of.kind === ref.kind && of.namespace === ref.namespace && of.name === ref.name;
  const named = found?.row.name ? `${word} (${found.row.name})` : word;
  const label = same ? named : `${ref.kind} ${ref.namespace}/${ref.name} ${named}`;
  const detail = `${ref.kind} ${ref.namespace}/${ref.name} ${path}`;
  return found ? { label, detail, nodeId: found.nodeId, rowId: found.row.id } : { label, detail };
}

/** A rule row by its route and path (`spec.rules[0]`, `spec.http[2]`). */
function findRow(g: GraphDraft, ref: ResourceRef, path: string): { nodeId: string; row: RowDraft } | undefined {
  const resource = g.index.get(GATEWAY_GROUP, ref.kind, ref.namespace, ref.name) ?? g.index.get(ISTIO_GROUP, ref.kind, ref.namespace, ref.name);
  const nodeId = resource ? g.nodeByResource.get(resource.id) : undefined;
  if (!resource || nodeId === undefined) return undefined;
  const row = g.nodes.get(nodeId)?.rows.find((x) => x.resourceId === resource.id && x.path === path);
  return row ? { nodeId, row } : undefined;
}

/** `spec.http[0].match[1]` → `spec.http[0]`: a shadowing match is drawn on its rule's row. */
function ruleOf(path: string): string {
  const m = /^spec\.(rules|http|tls|tcp)\[\d+\]/.exec(path);
  return m ? m[0] : path;
}
