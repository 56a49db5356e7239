import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../bench/generate';
import { analyze } from '../../store/analysis';
import { packGrid } from '../canvas/grid-layout';
import { diagramSvg, type DiagramColours } from './diagram-svg';

const colours: DiagramColours = {
  canvas: '#fff',
  surface: '#fff',
  text: '#111',
  muted: '#666',
  line: '#ddd',
  family: { 'gateway-api': '#00f', istio: '#0a0', core: '#444', other: '#888' },
  tone: { attach: '#aaa', backend: '#777', ref: '#ccc', mirror: '#0a0', broken: '#f00', detached: '#f80', active: '#00f', lit: '#f60' },
  border: { plain: '#ccc', warning: '#f80', error: '#f00', selected: '#00f', lit: '#f60' },
  nsBg: '#f5f5f5',
  nsBorder: '#ddd',
  font: 'sans-serif',
  mono: 'monospace',
};

const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('the whole diagram as SVG', () => {
  it('draws every node, every edge and every namespace of a big design', () => {
    const { graph } = analyze({ seq: 1, files: [{ name: 'big.yaml', text: generateDesign(120).text }] });
    const positions = packGrid(graph);
    const svg = diagramSvg(graph, positions, { x: -50, y: -50, width: 5000, height: 5000 }, colours);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(count(svg, 'class="node"')).toBe(graph.nodes.length);
    expect(count(svg, 'class="edge"')).toBe(graph.edges.length);
    expect(count(svg, 'class="namespace"')).toBe(graph.groups.length);
    for (const n of graph.nodes) expect(svg).toContain(`>${n.name}<`);
    // Weights are on their edges.
    expect(count(svg, 'class="edge-label"')).toBe(graph.edges.filter((e) => e.label).length);
  });

  it('escapes what it writes', () => {
    const { graph } = analyze({
      seq: 1,
      files: [{ name: 'x.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: ns}\nspec: {selector: {app: "<b>&"}, ports: [{port: 80}]}\n' }],
    });
    const svg = diagramSvg(graph, packGrid(graph), { x: 0, y: 0, width: 400, height: 200 }, { ...colours, font: 'A "quoted" font' });
    expect(svg).toContain('&lt;b&gt;&amp;');
    expect(svg).toContain('font-family="A &quot;quoted&quot; font"');
    expect(svg).not.toContain('<b>');
  });
});
