import { collapsedId } from '../core/index';
import type { DesignDiff, RouteGraph, WitnessRequest } from '../core/index';
import { compareMarks } from './compare-marks';
import type { ChangeRow, CompareMarks, CompareView } from './compare-types';
import type { DesignState } from './design-types';
import { selectGraph } from './selectors';

/**
 * The compare view's derived views, memoised on the diff (and the graphs it is drawn on): a
 * component gets the same reference until a new diff or a new analysis arrives.
 */
export const selectCompare = (s: DesignState): CompareView => s.compare;
export const selectComparing = (s: DesignState): boolean => s.compare.before !== null;

export const NO_MARKS: CompareMarks = { nodes: {}, rows: {}, edges: {}, removed: [], removedEdges: [] };

const marksMemo = new WeakMap<
  DesignDiff,
  { readonly before: RouteGraph; readonly after: RouteGraph; readonly collapsed: DesignState['collapsed']; readonly marks: CompareMarks }
>();

/** What the canvas marks: added, changed and removed objects of the diff on show (NO_MARKS when none). */
export function selectCompareMarks(s: DesignState): CompareMarks {
  const { diff, beforeGraph, before } = s.compare;
  // A before version that does not read has only part of a graph: nothing to mark (the failure says why).
  if (!before || !diff || !beforeGraph || !diff.compared) return NO_MARKS;
  const after = selectGraph(s);
  const memo = marksMemo.get(diff);
  if (memo && memo.before === beforeGraph && memo.after === after && memo.collapsed === s.collapsed) return memo.marks;
  const marks = withCollapsed(compareMarks(diff, beforeGraph, after), after, s.collapsed);
  marksMemo.set(diff, { before: beforeGraph, after, collapsed: s.collapsed, marks });
  return marks;
}

/**
 * A collapsed namespace stands for the nodes it holds: it is marked `added` when every object in
 * it is new, `changed` when any of them is marked (a big design opens collapsed: without this its
 * first view would show no change at all).
 */
export function withCollapsed(marks: CompareMarks, after: RouteGraph, collapsed: DesignState['collapsed']): CompareMarks {
  const groups = Object.keys(collapsed);
  if (groups.length === 0) return marks;
  const tally = new Map<string, { marked: number; added: number; members: number }>();
  for (const n of after.nodes) {
    if (n.group === undefined || !collapsed[n.group] || n.role === 'missing') continue;
    const t = tally.get(n.group) ?? { marked: 0, added: 0, members: 0 };
    t.members++;
    const mark = marks.nodes[n.id];
    if (mark !== undefined) t.marked++;
    if (mark === 'added') t.added++;
    tally.set(n.group, t);
  }
  // A removed object drawn in a collapsed namespace changes it (it is never all added).
  for (const r of marks.removed) {
    if (r.group === undefined || !collapsed[r.group]) continue;
    const t = tally.get(r.group) ?? { marked: 0, added: 0, members: 0 };
    tally.set(r.group, { marked: t.marked + 1, added: t.added, members: t.members + 1 });
  }
  const nodes = { ...marks.nodes };
  for (const [group, t] of tally) {
    if (t.marked === 0) continue;
    nodes[collapsedId(group)] = t.added === t.members ? 'added' : 'changed';
  }
  return { ...marks, nodes };
}

const rowsMemo = new WeakMap<DesignDiff, readonly ChangeRow[]>();
const NO_ROWS: readonly ChangeRow[] = [];

/** The Changes list: one row per class of requests whose answer changes, in the diff's order. */
export function selectChangeRows(s: DesignState): readonly ChangeRow[] {
  const diff = s.compare.before ? s.compare.diff : null;
  if (!diff) return NO_ROWS;
  let rows = rowsMemo.get(diff);
  if (!rows) {
    rows = diff.changes.map((c, index) => {
      // describeChange (core diff/outcome.ts) writes `before ⇒ after`.
      const at = c.class.indexOf(' ⇒ ');
      return {
        index,
        class: c.class,
        request: witnessLine(c.witness),
        before: at < 0 ? c.class : c.class.slice(0, at),
        after: at < 0 ? '' : c.class.slice(at + 3),
        requests: c.requests,
      };
    });
    rowsMemo.set(diff, rows);
  }
  return rows;
}

/** `GET https://h/p · x-canary: 1 · via infra/edge`, `… · from shop/web (app=web)` in the mesh. */
export function witnessLine(w: WitnessRequest): string {
  const parts = [w.request, ...Object.entries(w.headers).map(([k, v]) => `${k}: ${v}`)];
  if (w.sni !== undefined && w.sni !== '') parts.push(`sni ${w.sni}`);
  if (w.gateway) parts.push(`via ${w.gateway}`);
  if (w.mesh) {
    const labels = Object.entries(w.mesh.labels ?? {}).map(([k, v]) => `${k}=${v}`);
    parts.push(`from ${w.mesh.from}${labels.length > 0 ? ` (${labels.join(', ')})` : ''}`);
  }
  return parts.join(' · ');
}
