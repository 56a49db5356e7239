import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../core/index';
import { convertForExport, exportFileName, layoutObjects } from './io-export';

const fixture = (name: string): string => readFileSync(new URL(`../../e2e/fixtures/io-review/${name}`, import.meta.url), 'utf8');
const shop = readFileSync(new URL('../../public/examples/shop.yaml', import.meta.url), 'utf8');

describe('export', () => {
  it('records where each serialized object sits', () => {
    const items = [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', namespace: 'x' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'b', namespace: 'x' }, spec: { ports: [{ port: 80 }] } },
    ];
    const { yaml, objects } = layoutObjects(items);
    const lines = yaml.split('\n');
    for (const o of objects) {
      expect(lines[o.lines.start - 1]).toBe('apiVersion: v1');
      expect(lines.slice(o.lines.start - 1, o.lines.end).join('\n')).toContain(`name: ${o.name}`);
    }
    expect(lines[(objects[1]?.lines.start ?? 0) - 2]).toBe('---');
    expect(parse([{ name: 'out.yaml', text: yaml }]).resources.map((r) => r.name)).toEqual(['a', 'b']);
  });

  it('converts Gateway API to Istio; every entry points at its source object and at what it became', () => {
    const text = fixture('gateway-api.yaml');
    const out = convertForExport({ seq: 1, fileName: 'gw.yaml', text, to: 'istio', subsetsAsServices: false });
    expect(out.objects.some((o) => o.kind === 'VirtualService')).toBe(true);
    expect(out.objects.some((o) => o.kind === 'HTTPRoute')).toBe(false);
    expect(out.entries.length).toBeGreaterThan(0);
    const lines = text.split('\n');
    for (const e of out.entries) {
      expect(e.file).toBe('gw.yaml');
      expect(e.source).not.toBeNull();
      const src = lines.slice((e.source?.start ?? 1) - 1, e.source?.end).join('\n');
      expect(src).toContain(`name: ${e.resource.name}`);
      expect(e.line).toBeGreaterThanOrEqual(e.source?.start ?? 0);
      for (const t of e.targets) expect(out.objects[t]).toBeDefined();
    }
    expect(out.entries.filter((e) => e.type === 'loss').length).toBeGreaterThan(0);
  });

  it('converts Istio to the Gateway API', () => {
    const out = convertForExport({ seq: 2, fileName: 'istio.yaml', text: fixture('istio.yaml'), to: 'gateway-api', subsetsAsServices: true });
    expect(out.objects.some((o) => o.kind === 'HTTPRoute')).toBe(true);
    expect(out.errors).toBe(0);
  });

  it('the embedded example converts to Istio', () => {
    const out = convertForExport({ seq: 3, fileName: 'shop.yaml', text: shop, to: 'istio', subsetsAsServices: false });
    expect(out.objects.filter((o) => o.kind === 'VirtualService').length).toBeGreaterThan(0);
  });

  it.each([
    ['shop.yaml', 'as-is', 'shop.yaml'],
    ['shop.yaml', 'istio', 'shop.istio.yaml'],
    ['x.json', 'gateway-api', 'x.gateway-api.yaml'],
    ['', 'as-is', 'design.yaml'],
  ] as const)('%s exported %s is %s', (name, dialect, expected) => {
    expect(exportFileName(name, dialect)).toBe(expected);
  });
});
