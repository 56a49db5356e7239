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

  const retryRoute = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: edge}]
  rules:
  - retry: {attempts: 2}   # experimental channel only
    backendRefs: [{name: svc, port: 80}]
`;

  it('exports as is for a target: what it lacks is refused in the loss report and left out', () => {
    const out = convertForExport({ seq: 4, fileName: 'r.yaml', text: retryRoute, to: 'as-is', subsetsAsServices: false, target: 'gateway-api=v1.4,channel=standard' });
    expect(out.target).toEqual({ text: 'gateway-api=v1.4.1,channel=standard', description: 'Gateway API v1.4.1 standard' });
    expect(out.entries.map((e) => [e.type, e.code, e.path, e.line, e.targets])).toEqual([['loss', 'NotInTargetRelease', 'spec.rules[0].retry', 7, [0]]]);
    expect(out.yaml).not.toContain('retry');
    expect(out.yaml).toContain('apiVersion: gateway.networking.k8s.io/v1beta1');
  });

  it('exports as is, byte for byte, when the target takes every object as written', () => {
    const out = convertForExport({ seq: 5, fileName: 'r.yaml', text: retryRoute, to: 'as-is', subsetsAsServices: false, target: 'channel=experimental' });
    expect([out.yaml, out.entries, out.objects.map((o) => o.lines)]).toEqual([retryRoute, [], [{ start: 1, end: 8 }]]);
  });

  it('converts for a target and says which; the refusal points at the Istio rule and at the HTTPRoute it became', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: shop}
spec:
  hosts: ["*"]
  gateways: [edge]
  http:
  - route: [{destination: {host: svc}}]
    retries: {attempts: 3, retryOn: 5xx}
`;
    const plain = convertForExport({ seq: 6, fileName: 'istio.yaml', text, to: 'gateway-api', subsetsAsServices: false });
    const out = convertForExport({ seq: 7, fileName: 'istio.yaml', text, to: 'gateway-api', subsetsAsServices: false, target: 'gateway-api=v1.2,channel=standard' });
    expect(plain.target).toBeNull();
    expect(plain.yaml).toContain('retry:');
    expect(out.target?.description).toBe('Gateway API v1.2.1 standard');
    const refused = out.entries.filter((e) => e.code === 'NotInTargetRelease');
    expect(refused.map((e) => [e.resource.kind, e.path, e.line, e.source])).toEqual([['VirtualService', 'spec.http[0]', 15, { start: 8, end: 16 }]]);
    expect(refused[0]?.targets.map((t) => out.objects[t]?.kind)).toEqual(['HTTPRoute']);
    expect(out.yaml).not.toContain('retry:');
    expect(out.entries.length - refused.length).toBe(plain.entries.length);
  });

  it('a target text that cannot be read is an error the dialog shows', () => {
    expect(() => convertForExport({ seq: 8, fileName: 'r.yaml', text: retryRoute, to: 'istio', subsetsAsServices: false, target: 'gateway-api=v0.1' })).toThrow(/target "gateway-api=v0.1" cannot be read/);
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
