import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../core/index';
import type { FlowEdge, FlowNode } from './flow-elements';
import { around, edgePath, edgeStyle, indexOf, nodeAt, nodeStyle } from './overview-scene';

const edge = (over: Partial<GraphEdge> = {}): GraphEdge => ({ id: 'e', kind: 'backend', source: 'a', target: 'b', ...over });

describe('overview edge style (the SVG edge classes, in their precedence)', () => {
  it.each([
    ['attach', edge({ kind: 'attach' }), false, null, { tone: 'attach', width: 1.5, dash: [], alpha: 1 }],
    ['backend', edge(), false, null, { tone: 'backend', width: 1.6, dash: [], alpha: 1 }],
    ['mirror: dashed', edge({ kind: 'mirror' }), false, null, { tone: 'mirror', width: 1.5, dash: [5, 4], alpha: 1 }],
    ['ref: dotted', edge({ kind: 'ref' }), false, null, { tone: 'ref', width: 1.3, dash: [2, 4], alpha: 1 }],
    ['broken: red, dashed', edge({ broken: 'no Service' }), false, null, { tone: 'broken', width: 1.6, dash: [6, 4], alpha: 1 }],
    ['active: accent, thicker', edge(), true, null, { tone: 'active', width: 2.2, dash: [], alpha: 1 }],
    ['detached wins over active', edge({ kind: 'attach', detached: { reason: 'NotAllowedByListeners', message: '' } }), true, null, { tone: 'detached', width: 1.6, dash: [7, 5], alpha: 1 }],
    ['lit: as thick as its share', edge(), false, 0.5, { tone: 'lit', width: 4.5, dash: [], alpha: 1 }],
    ['lit but broken stays red', edge({ broken: 'x' }), false, 1, { tone: 'broken', width: 7, dash: [], alpha: 1 }],
    ['dimmed', edge(), false, 'dim', { tone: 'backend', width: 1.6, dash: [], alpha: 0.22 }],
    ['dimmed, detached stays readable', edge({ detached: { reason: 'r', message: '' } }), false, 'dim', { tone: 'detached', width: 1.6, dash: [7, 5], alpha: 0.6 }],
  ] as const)('%s', (_name, e, active, lit, expected) => {
    expect(edgeStyle(e, active, lit)).toEqual(expected);
  });
});

const graphNode = (over: Partial<GraphNode> = {}): GraphNode => ({ id: 'n', role: 'route', kind: 'HTTPRoute', family: 'gateway-api', name: 'n', related: [], badges: [], rows: [], diagnostics: { error: 0, warning: 0, info: 0 }, ...over }) as GraphNode;

describe('overview node style', () => {
  it.each([
    ['plain', graphNode(), false, null, { border: 'plain', alpha: 1 }],
    ['with errors', graphNode({ severity: 'error' }), false, null, { border: 'error', alpha: 1 }],
    ['with warnings', graphNode({ severity: 'warning' }), false, null, { border: 'warning', alpha: 1 }],
    ['selected over severity', graphNode({ severity: 'error' }), true, null, { border: 'selected', alpha: 1 }],
    ['on the path over selection', graphNode(), true, 'on', { border: 'lit', alpha: 1 }],
    ['off the path: dimmed', graphNode(), false, 'dim', { border: 'plain', alpha: 0.38 }],
  ] as const)('%s', (_name, n, selected, lit, expected) => {
    expect(nodeStyle(n, selected, lit)).toEqual(expected);
  });
});

const handle = (id: string, type: 'source' | 'target', position: Position, x: number, y: number) => ({ id, type, position, x, y, width: 8, height: 8 });
const flowNode = (id: string, x: number, y: number, type = 'card'): FlowNode =>
  ({
    id,
    type,
    position: { x, y },
    width: 100,
    height: 50,
    data: { family: 'gateway-api', role: 'route' },
    handles: [handle('in', 'target', Position.Left, -4, 21), handle('out', 'source', Position.Right, 96, 21)],
  }) as FlowNode;

describe('overview hit test', () => {
  const nodes = [flowNode('ns:a', -50, -50, 'namespace'), flowNode('a', 0, 0), flowNode('b', 50, 20)];
  it.each([
    [{ x: 10, y: 10 }, 'a'],
    [{ x: 60, y: 30 }, 'b'], // both cover it: the one drawn last is on top
    [{ x: 149, y: 69 }, 'b'],
    [{ x: -40, y: -40 }, null], // a namespace is not a node to press
    [{ x: 500, y: 500 }, null],
  ])('%j → %s', (p, id) => {
    expect(nodeAt(nodes, p)).toBe(id);
  });

  it('finds a moving node where it is being moved to', () => {
    const moved = { id: 'a', position: { x: 300, y: 300 } };
    expect(nodeAt(nodes, { x: 310, y: 310 }, moved)).toBe('a');
    expect(nodeAt(nodes, { x: 10, y: 10 }, moved)).toBeNull();
  });
});

describe('overview edge path', () => {
  it('runs from the source handle to the target handle, and its box holds both ends', () => {
    const a = flowNode('a', 0, 0);
    const b = flowNode('b', 300, 100);
    const e = { id: 'e', source: 'a', target: 'b', sourceHandle: 'out', targetHandle: 'in' } as FlowEdge;
    const p = edgePath(e, a, b, (n) => n.position);
    expect(p?.d.startsWith('M100,25')).toBe(true);
    expect(p?.d.endsWith('300,125')).toBe(true);
    expect(p && p.box.x0 <= 100 && p.box.x1 >= 300 && p.box.y0 <= 25 && p.box.y1 >= 125).toBe(true);
  });

  it('has none when an end is not drawn', () => {
    const e = { id: 'e', source: 'a', target: 'b', sourceHandle: 'out', targetHandle: 'in' } as FlowEdge;
    expect(edgePath(e, flowNode('a', 0, 0), undefined, (n) => n.position)).toBeNull();
  });
});

describe('overview culling box of an edge (from its ends alone)', () => {
  it.each([
    ['left to right', [0, 0], [300, 100]],
    ['backwards, far', [900, 40], [0, 600]],
    ['backwards, near', [40, 0], [0, 10]],
    ['stacked', [0, 0], [0, 400]],
    ['same place', [0, 0], [0, 0]],
  ] as const)('%s: holds the path’s own box', (_name, [ax, ay], [bx, by]) => {
    const a = flowNode('a', ax, ay);
    const b = flowNode('b', bx, by);
    const e = { id: 'e', source: 'a', target: 'b', sourceHandle: 'out', targetHandle: 'in' } as FlowEdge;
    const p = edgePath(e, a, b, (n) => n.position);
    const [x0, y0, x1, y1] = around(a.position, a, b.position, b);
    expect(p && x0 <= p.box.x0 && y0 <= p.box.y0 && x1 >= p.box.x1 && y1 >= p.box.y1).toBe(true);
  });
});

describe('overview node index', () => {
  it('is made once per list', () => {
    const nodes = [flowNode('a', 0, 0), flowNode('b', 50, 20)];
    expect(indexOf(nodes).get('b')).toBe(nodes[1]);
    expect(indexOf(nodes)).toBe(indexOf(nodes));
    expect(indexOf([...nodes])).not.toBe(indexOf(nodes));
  });
});
