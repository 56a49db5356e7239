import type { RouteGraph } from '../../core/index';
import type { XY } from '../../store/index';
import { GROUP_PADDING, nodeSize } from './metrics';

/**
 * Nothing drawn over anything else, after hand placement: a card that grows (a listener added, a
 * problem said on a row) or a namespace box around hand-placed members may cover a node placed
 * next to it. The lower of two overlapping things moves down until it is clear — a node alone, or
 * a namespace with all its members (its box moves as one) — preferring what was not placed by
 * hand. Only downwards, so it ends; a few rounds settle a hand-made design.
 */

const GAP = 16;
const ROUNDS = 60;

interface Thing {
  /** Node ids that move together: one node, or a namespace's members. */
  readonly members: readonly string[];
  readonly group?: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function separate(graph: RouteGraph, positions: Readonly<Record<string, XY>>, pinned: ReadonlySet<string>, kept?: string): Record<string, XY> {
  const out: Record<string, XY> = { ...positions };
  const size = new Map(graph.nodes.map((n) => [n.id, nodeSize(n)]));
  const groupOf = new Map(graph.nodes.map((n) => [n.id, n.group]));
  for (let round = 0; round < ROUNDS; round++) {
    const things = thingsOf(graph, out, size);
    const hit = firstOverlap(things, groupOf);
    if (!hit) return out;
    const [a, b] = hit;
    // The one lower down moves, unless only it was placed by hand; the node just dropped never does.
    const handPlaced = (t: Thing): boolean => t.members.some((id) => pinned.has(id));
    const holds = (t: Thing): boolean => kept !== undefined && t.members.includes(kept);
    const lower = holds(b) ? a : holds(a) ? b : a.y > b.y || (a.y === b.y && handPlaced(b) && !handPlaced(a)) ? a : b;
    const upper = lower === a ? b : a;
    const dy = upper.y + upper.h + GAP - lower.y;
    for (const id of lower.members) {
      const p = out[id];
      if (p) out[id] = { x: p.x, y: p.y + dy };
    }
  }
  return out;
}

/** Every node, and every namespace box (its members' bounds plus padding). */
function thingsOf(graph: RouteGraph, positions: Readonly<Record<string, XY>>, size: ReadonlyMap<string, { width: number; height: number }>): Thing[] {
  const things: Thing[] = [];
  const groups = new Map<string, { members: string[]; x0: number; y0: number; x1: number; y1: number }>();
  for (const n of graph.nodes) {
    const p = positions[n.id];
    const s = size.get(n.id);
    if (!p || !s) continue;
    things.push({ members: [n.id], x: p.x, y: p.y, w: s.width, h: s.height });
    if (!n.group) continue;
    const g = groups.get(n.group);
    if (!g) groups.set(n.group, { members: [n.id], x0: p.x, y0: p.y, x1: p.x + s.width, y1: p.y + s.height });
    else {
      g.members.push(n.id);
      g.x0 = Math.min(g.x0, p.x);
      g.y0 = Math.min(g.y0, p.y);
      g.x1 = Math.max(g.x1, p.x + s.width);
      g.y1 = Math.max(g.y1, p.y + s.height);
    }
  }
  for (const [id, g] of groups) {
    things.push({
      members: g.members,
      group: id,
      x: g.x0 - GROUP_PADDING.left,
      y: g.y0 - GROUP_PADDING.top,
      w: g.x1 - g.x0 + GROUP_PADDING.left + GROUP_PADDING.right,
      h: g.y1 - g.y0 + GROUP_PADDING.top + GROUP_PADDING.bottom,
    });
  }
  return things;
}

/** Two things that overlap and must not: not a namespace and its own member. */
function firstOverlap(things: readonly Thing[], groupOf: ReadonlyMap<string, string | undefined>): [Thing, Thing] | null {
  const sorted = [...things].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as Thing;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j] as Thing;
      if (b.x >= a.x + a.w) break;
      if (!(a.y < b.y + b.h && b.y < a.y + a.h)) continue;
      if (within(a, b, groupOf) || within(b, a, groupOf)) continue;
      return [a, b];
    }
  }
  return null;
}

/** Whether `node` is a member of the namespace `box` (it is drawn inside it). */
function within(box: Thing, node: Thing, groupOf: ReadonlyMap<string, string | undefined>): boolean {
  return box.group !== undefined && node.group === undefined && node.members.length === 1 && groupOf.get(node.members[0] as string) === box.group;
}
