import type { GraphNode, RouteGraph } from '../../core/index';
import type { XY } from '../../store/index';
import { bezierPoint, edgeRoutes } from '../canvas/edge-geometry';
import { roundedPath } from '../canvas/route-path';
import { toFlowEdges, toFlowNodes, type FlowNode } from '../canvas/flow-elements';
import { isCard, rowCenter } from '../canvas/metrics';
import { edgePath, edgeStyle, nodeStyle, type NodeStyle, type Tone } from '../canvas/overview-scene';

/**
 * The whole diagram as an SVG document, drawn from the graph and the layout — not from the DOM,
 * which for a big design holds only the nodes in view. Every node (kind, name, subtitle, one line
 * per row), every edge in its style with its label, the namespaces; the same geometry as the
 * canvas (metrics.ts; the edges' routes and label places from edge-geometry.ts, drawn by
 * route-path.ts as RouteEdge draws them). Plain text in, plain text out: no DOM needed.
 */
export interface DiagramColours {
  readonly canvas: string;
  readonly surface: string;
  readonly text: string;
  readonly muted: string;
  readonly line: string;
  readonly family: Readonly<Record<string, string>>;
  readonly tone: Readonly<Record<Tone, string>>;
  readonly border: Readonly<Record<NodeStyle['border'], string>>;
  readonly nsBg: string;
  readonly nsBorder: string;
  readonly font: string;
  readonly mono: string;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number): string => String(Math.round(n * 10) / 10);
/** Text cut to what fits in `width` pixels at about `px` per character. */
const fit = (text: string, width: number, px: number): string => {
  const max = Math.max(1, Math.floor(width / px));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
};

export function diagramSvg(graph: RouteGraph, positions: Readonly<Record<string, XY>>, box: Box, c: DiagramColours): string {
  const nodes = toFlowNodes(graph, positions, null);
  const index = new Map(nodes.map((n) => [n.id, n]));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const groups = new Map(graph.groups.map((g) => [g.id, g]));
  const routes = edgeRoutes(graph, positions);
  const edges = toFlowEdges(graph, new Set(index.keys()), null, routes);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(box.width)}" height="${num(box.height)}" viewBox="${num(box.x)} ${num(box.y)} ${num(box.width)} ${num(box.height)}" font-family="${esc(c.font)}">`,
    `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" fill="${esc(c.canvas)}"/>`,
  );

  for (const n of nodes) {
    if (n.type !== 'namespace') continue;
    const g = groups.get(n.id);
    out.push(
      `<g class="namespace"><rect x="${num(n.position.x)}" y="${num(n.position.y)}" width="${num(n.width ?? 0)}" height="${num(n.height ?? 0)}" rx="10" fill="${esc(c.nsBg)}" stroke="${esc(c.nsBorder)}"/>`,
      `<text x="${num(n.position.x + 12)}" y="${num(n.position.y + 20)}" font-size="11" fill="${esc(c.muted)}"><tspan font-size="9.5" font-weight="600" letter-spacing="0.8">NAMESPACE</tspan> <tspan font-size="12" font-weight="600">${esc(g?.namespace ?? n.id)}</tspan></text></g>`,
    );
  }

  // Each edge on its route, its label where the canvas puts it; an edge without a route (none is
  // computed for it) as the canvas draws it then: React Flow's bezier, labelled half-way.
  const paths = edges.flatMap((e) => {
    const data = e.data;
    if (!data) return [];
    if (data.route && data.route.points.length > 1) return [{ data, d: roundedPath(data.route.points), label: data.route.label }];
    const p = edgePath(e, index.get(e.source), index.get(e.target), (n) => n.position);
    return p ? [{ data, d: p.d, label: bezierPoint(p.from.x, p.from.y, p.to.x, p.to.y, 0.5) }] : [];
  });
  for (const { data, d } of paths) {
    const st = edgeStyle(data.edge, false, null);
    const dash = st.dash.length > 0 ? ` stroke-dasharray="${st.dash.join(' ')}"` : '';
    out.push(`<path class="edge" d="${d}" fill="none" stroke="${esc(c.tone[st.tone])}" stroke-width="${st.width}"${dash}/>`);
  }

  for (const n of nodes) {
    const g = byId.get(n.id);
    if (n.type === 'namespace' || !g) continue;
    out.push(nodeSvg(n, g, c));
  }

  // Labels last: above the nodes they cross, as on the canvas.
  for (const { data, label: at } of paths) {
    const text = data.edge.label;
    if (!text) continue;
    const w = text.length * 6 + 12;
    out.push(
      `<g class="edge-label"><rect x="${num(at.x - w / 2)}" y="${num(at.y - 9)}" width="${num(w)}" height="18" rx="9" fill="${esc(c.surface)}" stroke="${esc(c.line)}"/>`,
      `<text x="${num(at.x)}" y="${num(at.y + 4)}" font-size="10.5" font-weight="600" text-anchor="middle" fill="${esc(c.text)}">${esc(text)}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

function nodeSvg(n: FlowNode, g: GraphNode, c: DiagramColours): string {
  const { x, y } = n.position;
  const w = n.width ?? 0;
  const h = n.height ?? 0;
  const style = nodeStyle(g, false, null);
  const family = c.family[g.family] ?? c.family.other ?? c.muted;
  const parts = [
    `<g class="node" transform="translate(${num(x)},${num(y)})">`,
    `<rect width="${num(w)}" height="${num(h)}" rx="8" fill="${esc(c.surface)}" stroke="${esc(c.border[style.border])}" stroke-width="${style.border === 'plain' ? 1 : 1.6}"/>`,
    `<rect width="3" height="${num(h)}" fill="${esc(family)}"/>`,
    `<text x="14" y="18" font-size="10" font-weight="600" fill="${esc(family)}">${esc(g.kind)}</text>`,
    `<text x="14" y="${isCard(g) ? 36 : 38}" font-size="13" font-weight="650" fill="${esc(c.text)}">${esc(fit(g.name, w - 24, 7.5))}</text>`,
  ];
  if (isCard(g)) {
    const subtitle = g.missing ?? g.subtitle;
    if (subtitle) parts.push(`<text x="14" y="51" font-size="10.5" fill="${esc(g.missing ? c.border.error : c.muted)}">${esc(fit(subtitle, w - 24, 6))}</text>`);
    if (g.rows.length > 0) parts.push(`<line x1="0" y1="59" x2="${num(w)}" y2="59" stroke="${esc(c.line)}"/>`);
    g.rows.forEach((row, i) => {
      const cy = rowCenter(g, i);
      const text = row.name ? `${row.name} · ${row.label}` : row.label;
      parts.push(`<text x="14" y="${num(cy + 4)}" font-size="11" font-family="${esc(c.mono)}" fill="${esc(c.text)}">${esc(fit(text, w - 24, 6.7))}</text>`);
      if (row.problem) parts.push(`<text x="14" y="${num(cy + 18)}" font-size="10" fill="${esc(row.problem.severity === 'error' ? c.border.error : c.border.warning)}">${esc(fit(row.problem.message, w - 24, 5.8))}</text>`);
    });
  }
  parts.push('</g>');
  return parts.join('');
}
