import type { GraphNode, GraphRow } from '../core/index';

/** One node's rows paired across two versions (after row id ↔ before row id). */
export interface RowPairs {
  readonly toBefore: ReadonlyMap<string, string>;
  readonly toAfter: ReadonlyMap<string, string>;
}

/**
 * What a rule row says, whatever its place: its matches (label), filters (chips) and name. Rule
 * rows are keyed by index, so a rule inserted above others shifts their ids: paired by this, the
 * rules it pushed down are the same rules. Badges are left out (they carry reach and status,
 * which the diff reports on its own).
 */
const contentOf = (r: GraphRow): string => [r.kind, r.label, r.name ?? '', ...r.chips].join('\u0000');

/**
 * Pairs the rows of one node in two versions. Listener, server, port and subset rows are named:
 * paired by id. Rule rows: the same place and content first, then the same content elsewhere (in
 * order), then the same place (a rule edited in place is that rule changed, not a new one).
 * An after row left unpaired is new.
 */
export function pairRows(before: GraphNode, after: GraphNode): RowPairs {
  const toBefore = new Map<string, string>();
  const toAfter = new Map<string, string>();
  const pair = (a: GraphRow, b: GraphRow): void => {
    toBefore.set(a.id, b.id);
    toAfter.set(b.id, a.id);
  };
  const beforeById = new Map(before.rows.map((r) => [r.id, r] as const));
  const rules: GraphRow[] = [];
  for (const r of after.rows) {
    const was = beforeById.get(r.id);
    if (r.kind !== 'rule') {
      if (was && was.kind === r.kind) pair(r, was);
    } else if (was?.kind === 'rule' && contentOf(was) === contentOf(r)) pair(r, was);
    else rules.push(r);
  }
  const free = (b: GraphRow): boolean => b.kind === 'rule' && !toAfter.has(b.id);
  const byContent = new Map<string, GraphRow[]>();
  for (const b of before.rows.filter(free)) {
    const k = contentOf(b);
    const list = byContent.get(k);
    if (list) list.push(b);
    else byContent.set(k, [b]);
  }
  const rest: GraphRow[] = [];
  for (const r of rules) {
    const b = byContent.get(contentOf(r))?.find(free);
    if (b) pair(r, b);
    else rest.push(r);
  }
  for (const r of rest) {
    const was = beforeById.get(r.id);
    if (was && free(was)) pair(r, was);
  }
  return { toBefore, toAfter };
}
