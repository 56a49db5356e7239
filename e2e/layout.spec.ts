import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Designer } from './designer-kit';

/**
 * Layout quality as drawn (issue 11): the edges' paths, read from the DOM and sampled along their
 * length, never cross a node that is not one of their ends, nodes never overlap, a namespace box
 * never covers a node of another namespace. Screenshots, light and dark at 1600×1000, are for a
 * person to look at (e2e/screenshots/layout-*.png).
 */

const designs = [
  { name: 'shop', text: null },
  { name: 'bookinfo', text: readFileSync('e2e/fixtures/layout/bookinfo-istio.yaml', 'utf8') },
  { name: 'bookinfo-gateway-api', text: readFileSync('e2e/fixtures/layout/bookinfo-gateway-api.yaml', 'utf8') },
] as const;

test.use({ viewport: { width: 1600, height: 1000 } });

interface Rect {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Drawn {
  readonly nodes: Rect[];
  readonly groups: (Rect & { members: string[] })[];
  readonly edges: { id: string; source: string; target: string; points: { x: number; y: number }[] }[];
}

/** Node and namespace rects, and every drawn edge path sampled every 2 px, all in screen pixels. */
async function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const rect = (el: Element): Rect => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const nodes = [...document.querySelectorAll('.react-flow__node:not(.react-flow__node-namespace)')].map(rect);
    const groups = [...document.querySelectorAll('.react-flow__node-namespace')].map((el) => {
      const ns = (el.getAttribute('data-id') ?? '').replace(/^ns:/, '');
      // Node ids are group/Kind/namespace/name.
      return { ...rect(el), members: nodes.filter((n) => n.id.split('/')[2] === ns).map((n) => n.id) };
    });
    const edges = [...document.querySelectorAll<SVGGElement>('.react-flow__edge')].map((g) => {
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
      const points: { x: number; y: number }[] = [];
      const m = path?.getScreenCTM();
      if (path && m) {
        const length = path.getTotalLength();
        for (let at = 0; at <= length; at += 2) {
          const p = path.getPointAtLength(at);
          points.push({ x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f });
        }
      }
      const id = g.getAttribute('data-id') ?? '';
      // Edge ids are kind:source(|row)->target(|row).
      const [source = '', target = ''] = id.replace(/^[a-z]+:/, '').split('->').map((end) => end.split('|')[0] ?? '');
      return { id, source, target, points };
    });
    return { nodes, groups, edges };
  });
}

/** A point strictly inside a rect (1.5 px in from its sides: an edge touches its ends' sides). */
const inside = (p: { x: number; y: number }, r: Rect): boolean => p.x > r.x + 1.5 && p.x < r.x + r.width - 1.5 && p.y > r.y + 1.5 && p.y < r.y + r.height - 1.5;
const overlap = (a: Rect, b: Rect): boolean => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

async function open(page: Page, text: string | null): Promise<Designer> {
  const app = new Designer(page);
  if (text === null) await app.open();
  else await app.openDesign(text);
  await expect(page.locator('.react-flow[data-layout="settled"]')).toBeVisible();
  await page.getByTestId('fit-view').or(page.getByRole('button', { name: 'Fit view' })).first().click();
  await page.waitForTimeout(500);
  return app;
}

for (const design of designs) {
  test(`${design.name}: no drawn edge crosses a node, nothing overlaps (light and dark)`, async ({ page }) => {
    const app = await open(page, design.text);
    const d = await drawn(page);
    expect(d.nodes.length).toBeGreaterThan(3);
    expect(d.edges.length).toBeGreaterThan(3);
    const crossings: string[] = [];
    for (const e of d.edges) {
      expect(e.points.length, `${e.id} is drawn`).toBeGreaterThan(3);
      for (const n of d.nodes) {
        // Through its own ends neither: it touches them at its handles only.
        const hit = e.points.find((p) => inside(p, n));
        if (hit) crossings.push(`${e.id} crosses ${n.id} at ${Math.round(hit.x)},${Math.round(hit.y)}`);
      }
    }
    expect(crossings).toEqual([]);
    const overlaps: string[] = [];
    for (const a of d.nodes) for (const b of d.nodes) if (a.id < b.id && overlap(a, b)) overlaps.push(`${a.id} / ${b.id}`);
    for (const g of d.groups) for (const n of d.nodes) if (!g.members.includes(n.id) && overlap(g, n)) overlaps.push(`${g.id} covers ${n.id}`);
    expect(overlaps).toEqual([]);
    // Weight labels sit just right of the rule row they leave.
    const labels = await page.getByTestId('edge-label').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) expect(overlap({ id: 'a', ...labels[i]! }, { id: 'b', ...labels[j]! }), 'labels apart').toBe(false);

    await page.screenshot({ path: `e2e/screenshots/layout-${design.name}-light.png` });
    await page.getByTestId('toggle-theme').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `e2e/screenshots/layout-${design.name}-dark.png` });
    expect(app.consoleErrors).toEqual([]);
  });
}
