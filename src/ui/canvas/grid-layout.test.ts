import { describe, expect, it } from 'vitest';
import { buildGraph, parse } from '../../core/index';
import { packGrid, packGridInSlices } from './grid-layout';
import { columnOf } from './layout-graph';
import { nodeSize } from './metrics';

/** `n` namespaces, each with a Gateway, `routes` HTTPRoutes and their Services. */
function bigDesign(namespaces: number, routes: number): string {
  const docs: string[] = [];
  for (let ns = 0; ns < namespaces; ns++) {
    docs.push(`apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: ns${ns}}\nspec: {gatewayClassName: c, listeners: [{name: http, port: 80, protocol: HTTP}]}`);
    for (let r = 0; r < routes; r++) {
      docs.push(`apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r${r}, namespace: ns${ns}}\nspec: {parentRefs: [{name: gw}], rules: [{backendRefs: [{name: s${r}, port: 80}]}]}`);
      docs.push(`apiVersion: v1\nkind: Service\nmetadata: {name: s${r}, namespace: ns${ns}}\nspec: {ports: [{port: 80}]}`);
    }
  }
  return docs.join('\n---\n');
}

describe('grid layout (big designs)', () => {
  const g = buildGraph(parse([{ name: 'd.yaml', text: bigDesign(6, 60) }]).resources);
  const positions = packGrid(g);

  it('places every node without overlaps, gateways left of their routes, routes left of backends', () => {
    const boxes = g.nodes.map((n) => ({ n, p: positions[n.id], s: nodeSize(n) }));
    for (const b of boxes) expect(b.p, b.n.id).toBeDefined();
    const sorted = [...boxes].sort((a, b) => (a.p?.x ?? 0) - (b.p?.x ?? 0));
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i];
      for (let j = i + 1; j < sorted.length; j++) {
        const b = sorted[j];
        if (!a?.p || !b?.p) continue;
        if (b.p.x >= a.p.x + a.s.width) break;
        const overlap = a.p.y < b.p.y + b.s.height && b.p.y < a.p.y + a.s.height;
        expect(overlap, `${a.n.id} overlaps ${b.n.id}`).toBe(false);
      }
    }
    for (const group of g.groups) {
      const members = g.nodes.filter((n) => n.group === group.id);
      const right = (c: number) => Math.max(...members.filter((n) => columnOf(n, g) === c).map((n) => positions[n.id]?.x ?? 0));
      const left = (c: number) => Math.min(...members.filter((n) => columnOf(n, g) === c).map((n) => positions[n.id]?.x ?? 0));
      expect(right(0)).toBeLessThan(left(1));
      expect(right(1)).toBeLessThan(left(2));
    }
  });

  it('is compact: about as wide as tall, not one tall column', () => {
    const xs = g.nodes.map((n) => (positions[n.id]?.x ?? 0) + nodeSize(n).width);
    const ys = g.nodes.map((n) => (positions[n.id]?.y ?? 0) + nodeSize(n).height);
    const ratio = Math.max(...xs) / Math.max(...ys);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(4);
  });

  it('in slices (a pause between namespaces when a slice is spent) gives the same places', async () => {
    let pauses = 0;
    const sliced = await packGridInSlices(g, 0, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(sliced).toEqual(positions);
    expect(pauses).toBeGreaterThanOrEqual(6);
  });
});

describe('grid layout order', () => {
  it('lists a block’s routes by listener (the layered order), not in document order', () => {
    const docs = [`apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: ns}\nspec: {gatewayClassName: c, listeners: [{name: a, port: 80, protocol: HTTP, hostname: a.example.com}, {name: b, port: 80, protocol: HTTP, hostname: b.example.com}]}`];
    for (let r = 0; r < 40; r++) docs.push(`apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r${r}, namespace: ns}\nspec: {parentRefs: [{name: gw, sectionName: ${r % 2 === 0 ? 'a' : 'b'}}]}`);
    const g = buildGraph(parse([{ name: 'd.yaml', text: docs.join('\n---\n') }]).resources);
    const positions = packGrid(g);
    // Reading order in the wrapped route column: sub-column by sub-column, top to bottom.
    const read = g.nodes
      .filter((n) => n.kind === 'HTTPRoute')
      .sort((a, b) => (positions[a.id]?.x ?? 0) - (positions[b.id]?.x ?? 0) || (positions[a.id]?.y ?? 0) - (positions[b.id]?.y ?? 0))
      .map((n) => Number(n.name.slice(1)) % 2);
    expect(read).toEqual([...Array(20).fill(0), ...Array(20).fill(1)]);
  });
});
