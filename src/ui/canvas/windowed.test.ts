import { describe, expect, it } from 'vitest';
import type { FlowEdge, FlowNode } from './flow-elements';
import { inWindow, sameBox, windowOf } from './windowed';

const node = (id: string, x: number, y: number, type = 'card'): FlowNode => ({ id, type, position: { x, y }, width: 100, height: 50, data: { family: 'gateway-api', role: 'route' } }) as FlowNode;
const edge = (source: string, target: string): FlowEdge => ({ id: `${source}>${target}`, source, target }) as FlowEdge;

describe('windowOf: the view widened by half of it each side, on a grid of half views', () => {
  it.each([
    ['at the origin, 100 %', [0, 0, 1], 800, 600, { x0: -400, y0: -300, x1: 1200, y1: 900 }],
    ['panned a little', [-10, -20, 1], 800, 600, { x0: -400, y0: -300, x1: 1600, y1: 1200 }],
    ['panned a little more: the same window', [-120, -150, 1], 800, 600, { x0: -400, y0: -300, x1: 1600, y1: 1200 }],
    ['panned half a view: one step on', [-400, 0, 1], 800, 600, { x0: 0, y0: -300, x1: 1600, y1: 900 }],
    ['zoomed out to 50 %', [0, 0, 0.5], 800, 600, { x0: -800, y0: -600, x1: 2400, y1: 1800 }],
  ] as const)('%s', (_name, transform, w, h, expected) => {
    expect(windowOf(transform, w, h)).toEqual(expected);
  });

  it('holds the view', () => {
    for (const [tx, ty, zoom] of [[-1234, 567, 0.7], [99, -3, 1.9], [-50000, -80000, 0.31]] as const) {
      const b = windowOf([tx, ty, zoom], 1440, 900);
      expect(b.x0 <= -tx / zoom && b.y0 <= -ty / zoom && b.x1 >= (1440 - tx) / zoom && b.y1 >= (900 - ty) / zoom).toBe(true);
    }
  });

  it.each([
    [{ x0: 0, y0: 0, x1: 1, y1: 1 }, { x0: 0, y0: 0, x1: 1, y1: 1 }, true],
    [{ x0: 0, y0: 0, x1: 1, y1: 1 }, { x0: 0, y0: 0, x1: 2, y1: 1 }, false],
    [null, { x0: 0, y0: 0, x1: 1, y1: 1 }, false],
  ])('sameBox(%j, %j) = %s', (a, b, same) => {
    expect(sameBox(a, b)).toBe(same);
  });
});

describe('inWindow: what React Flow holds of a huge design', () => {
  const nodes = [node('ns:a', -20, -20, 'namespace'), node('a', 0, 0), node('b', 500, 0), node('c', 5000, 0), node('d', 9000, 0)];
  const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ids = (box: { x0: number; y0: number; x1: number; y1: number }) => {
    const r = inWindow(nodes, edges, byId, box);
    return { nodes: r.nodes.map((n) => n.id), edges: r.edges.map((e) => e.id) };
  };
  it.each([
    ['the start: its nodes, and the far end of an edge leaving it', { x0: 0, y0: 0, x1: 600, y1: 100 }, { nodes: ['ns:a', 'a', 'b', 'c'], edges: ['a>b', 'b>c'] }],
    ['the middle', { x0: 4000, y0: 0, x1: 6000, y1: 100 }, { nodes: ['c', 'b', 'd'], edges: ['b>c', 'c>d'] }],
    ['a box touching a node’s edge holds it', { x0: 9100, y0: 50, x1: 9900, y1: 60 }, { nodes: ['d', 'c'], edges: ['c>d'] }],
    ['nothing there', { x0: 0, y0: 1000, x1: 100, y1: 2000 }, { nodes: [], edges: [] }],
  ])('%s', (_name, box, expected) => {
    expect(ids(box)).toEqual(expected);
  });
});
