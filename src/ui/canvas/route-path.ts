import type { XY } from '../../store/index';
import type { EdgeRoute } from './edge-routes';

/** React Flow puts an edge's end on the outer side of its 8 px handle: 4 px off the node's side. */
const HANDLE_SLACK = 6;
const RADIUS = 6;

/** Whether a route still joins the handles React Flow draws (not while its node is being dragged). */
export function routeFits(route: EdgeRoute, sx: number, sy: number, tx: number, ty: number): boolean {
  const first = route.points[0];
  const last = route.points[route.points.length - 1];
  if (!first || !last) return false;
  return Math.abs(first.x - sx) <= HANDLE_SLACK && Math.abs(first.y - sy) <= HANDLE_SLACK && Math.abs(last.x - tx) <= HANDLE_SLACK && Math.abs(last.y - ty) <= HANDLE_SLACK;
}

const num = (n: number): string => String(Math.round(n * 10) / 10);

/** SVG path data for an orthogonal polyline, its corners rounded (never more than half a segment). */
export function roundedPath(points: readonly XY[]): string {
  const first = points[0];
  if (!first) return '';
  const parts = [`M${num(first.x)},${num(first.y)}`];
  for (let k = 1; k < points.length; k++) {
    const p = points[k] as XY;
    const before = points[k - 1] as XY;
    const after = points[k + 1];
    if (!after) {
      parts.push(`L${num(p.x)},${num(p.y)}`);
      break;
    }
    const inLen = Math.abs(p.x - before.x) + Math.abs(p.y - before.y);
    const outLen = Math.abs(after.x - p.x) + Math.abs(after.y - p.y);
    const r = Math.min(RADIUS, inLen / 2, outLen / 2);
    const ix = Math.sign(p.x - before.x);
    const iy = Math.sign(p.y - before.y);
    const ox = Math.sign(after.x - p.x);
    const oy = Math.sign(after.y - p.y);
    parts.push(`L${num(p.x - ix * r)},${num(p.y - iy * r)}`, `Q${num(p.x)},${num(p.y)} ${num(p.x + ox * r)},${num(p.y + oy * r)}`);
  }
  return parts.join(' ');
}
