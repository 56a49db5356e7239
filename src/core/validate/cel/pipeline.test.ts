import { describe, expect, it } from 'vitest';
import shopYaml from '../../../../public/examples/shop.yaml?raw';
import { parse, validate } from '../../index.js';
import type { KubeObject } from '../../resources/types.js';
import type { CelCode } from './codes.js';
import { CEL_RULES } from './index.js';
import { parseDuration } from './httproute-timeout-backend-request-too-long.js';

const CEL_CODES = new Set(CEL_RULES.map((r) => r.code));
const celDiagnostics = (text: string) => validate(parse([{ name: 'design.yaml', text }])).filter((d) => CEL_CODES.has(d.code));

const DESIGN = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
spec:
  gatewayClassName: istio
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      tls:
        certificateRefs:
          - name: cert
    - name: http
      protocol: HTTPS
      port: 443
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
    - name: edge
    - name: edge
  rules:
    - matches:
        - path:
            type: Exact
            value: /shop//cart
      filters:
        - type: RequestRedirect
          requestRedirect:
            scheme: https
      backendRefs:
        - name: web
`;

describe('CEL rules through parse + validate (gateway-api.md §11.3–§11.5)', () => {
  it('reports each violation with its code, on the line of the offending field', () => {
    const found = celDiagnostics(DESIGN).map((d) => [d.code, d.line, d.severity, d.path]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['GatewayListenerTLSForbidden', 11, 'error', 'spec.listeners[0].tls'],
        ['GatewayListenerNameUnique', 14, 'error', 'spec.listeners[1].name'],
        ['RouteParentRefSectionNameUnique', 25, 'error', 'spec.parentRefs[1]'],
        ['PathMatchDoubleSlash', 30, 'error', 'spec.rules[0].matches[0].path.value'],
        ['HTTPRouteRedirectWithBackends', 33, 'error', 'spec.rules[0].filters[0].requestRedirect'],
        ['RouteBackendRefPortRequired', 36, 'error', 'spec.rules[0].backendRefs[0]'],
      ]),
    );
    expect(found).toHaveLength(6);
  });

  it('uses the CRD message', () => {
    const d = celDiagnostics(DESIGN).find((x) => x.code === 'GatewayListenerNameUnique');
    expect(d?.message).toBe('Listener name must be unique within the Gateway');
    expect(d?.resource).toEqual({ kind: 'Gateway', namespace: 'default', name: 'edge' });
  });

  it('leaves the embedded example (public/examples/shop.yaml) without CEL errors', () => {
    expect(celDiagnostics(shopYaml)).toEqual([]);
  });

  it('runs only on Gateway API kinds', () => {
    const istio = 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec:\n  servers: []\n  listeners: [{name: a, protocol: HTTP, port: 80}, {name: a, protocol: HTTP, port: 80}]\n';
    expect(celDiagnostics(istio)).toEqual([]);
  });
});

describe('CEL rule registry', () => {
  it('exposes the codes as a closed union type', () => {
    const known: CelCode = 'PathMatchDoubleSlash';
    // @ts-expect-error: not a CEL rule code
    const unknown: CelCode = 'NoSuchRule';
    expect([known, unknown]).toHaveLength(2);
  });

  const PREFIXES = ['Gateway', 'BackendTLSPolicy', 'Route', 'HTTPRoute', 'Filter', 'PathMatch', 'GRPCRoute', 'TLSRoute'];
  const KINDS = new Set(['Gateway', 'ListenerSet', 'BackendTLSPolicy', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

  it('has 92 rules with PascalCase codes from the known families, one code per rule but for a rule whose text differs by channel', () => {
    expect(CEL_RULES).toHaveLength(92);
    // The two parentRef rules are each two entries of one code: the standard text and the experimental one.
    expect(CEL_CODES.size).toBe(CEL_RULES.length - 2);
    for (const code of CEL_CODES) {
      const same = CEL_RULES.filter((r) => r.code === code);
      if (same.length > 1) expect(same.map((r) => r.channels)).toEqual([['standard'], ['experimental']]);
    }
    for (const rule of CEL_RULES) {
      expect(rule.code).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(PREFIXES.some((p) => rule.code.startsWith(p))).toBe(true);
      expect(rule.kinds.length).toBeGreaterThan(0);
      for (const kind of rule.kinds) expect(KINDS.has(kind)).toBe(true);
      expect(rule.message.length).toBeGreaterThan(0);
      expect(rule.field).toMatch(/^(spec|status)\./);
    }
  });
});

/** A well-formed object of each kind touching every field a rule reads. */
const RICH: readonly KubeObject[] = [
  {
    kind: 'Gateway',
    spec: {
      addresses: [{ type: 'Hostname', value: 'a.com' }, { value: '1.2.3.4' }],
      infrastructure: { labels: { a: 'b' }, annotations: { 'x.io/a': 'b' } },
      listeners: [{ name: 'h', protocol: 'HTTPS', port: 443, hostname: 'a.com', tls: { mode: 'Terminate', certificateRefs: [{ name: 'c' }], options: { a: 'b' } } }],
      tls: { frontend: { perPort: [{ port: 443, tls: {} }] } },
    },
    status: { addresses: [{ type: 'Hostname', value: 'a.com' }] },
  },
  { kind: 'ListenerSet', spec: { listeners: [{ name: 't', protocol: 'TLS', port: 443, tls: { mode: 'Passthrough' } }] } },
  {
    kind: 'BackendTLSPolicy',
    spec: {
      targetRefs: [{ group: '', kind: 'Service', name: 's', sectionName: 'a' }],
      validation: { caCertificateRefs: [{ name: 'c' }], wellKnownCACertificates: 'System', subjectAltNames: [{ type: 'URI', uri: 'spiffe://a', hostname: 'h' }] },
    },
  },
  {
    kind: 'HTTPRoute',
    spec: {
      parentRefs: [{ name: 'g', namespace: 'n', sectionName: 's', port: 80 }],
      rules: [
        {
          name: 'r',
          sessionPersistence: { type: 'Cookie', absoluteTimeout: '1h', cookieConfig: { lifetimeType: 'Permanent' } },
          matches: [{ path: { type: 'Exact', value: '/a' } }],
          filters: [
            { type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/b' } } },
            { type: 'CORS', cors: { allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'] } },
            { type: 'RequestMirror', requestMirror: { backendRef: { name: 'm' }, percent: 1, fraction: { numerator: 1, denominator: 2 } } },
            { type: 'ExternalAuth', externalAuth: { protocol: 'GRPC', grpc: {}, backendRef: { name: 'a', port: 80 } } },
          ],
          backendRefs: [{ name: 's', filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/' } } }] }],
          timeouts: { request: '1s', backendRequest: '2s' },
        },
      ],
    },
  },
  { kind: 'GRPCRoute', spec: { rules: [{ name: 'r', sessionPersistence: { type: 'Header', sessionName: 'x' }, matches: [{ method: { type: 'Exact', service: 's', method: 'm' } }], filters: [{ type: 'ExtensionRef', extensionRef: {} }] }] } },
  { kind: 'TLSRoute', spec: { hostnames: ['a.com'], rules: [{ backendRefs: [{ name: 's' }] }] } },
  { kind: 'TCPRoute', spec: { parentRefs: [{ name: 'g' }], rules: [{ backendRefs: [{ name: 's' }] }] } },
];

/** Every path to a value inside `v`. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [prefix, ...v.flatMap((x, i) => paths(x, [...prefix, i]))];
  if (v !== null && typeof v === 'object') return [prefix, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...prefix, k]))];
  return [prefix];
}

function replaced(root: KubeObject, path: (string | number)[], value: unknown): KubeObject {
  const copy = structuredClone(root);
  let cur: unknown = copy;
  for (const seg of path.slice(0, -1)) cur = (cur as Record<string | number, unknown>)[seg];
  (cur as Record<string | number, unknown>)[path[path.length - 1] ?? ''] = value;
  return copy;
}

describe('CEL rules on malformed objects', () => {
  it('never throw when any value of a well-formed object has the wrong type', () => {
    const wrong: unknown[] = [null, 'x', 7, true, [], {}, ['x'], [null], { a: null }];
    let runs = 0;
    for (const obj of RICH) {
      const rules = CEL_RULES.filter((r) => r.kinds.includes(obj.kind as string));
      for (const path of paths(obj).filter((p) => p.length > 0)) {
        for (const value of wrong) {
          const bad = replaced(obj, path, value);
          for (const rule of rules) {
            expect(() => rule.check(bad, () => undefined), `${rule.code} at ${path.join('.')} = ${JSON.stringify(value)}`).not.toThrow();
            runs++;
          }
        }
      }
    }
    expect(runs).toBeGreaterThan(10_000);
  });
});

describe('parseDuration (CEL duration(), Go time.ParseDuration)', () => {
  it.each([
    ['0', 0],
    ['0s', 0],
    ['1s', 1e9],
    ['500ms', 5e8],
    ['1h30m', 5400e9],
    ['1.5h', 5400e9],
    ['.5s', 5e8],
    ['10us', 1e4],
    ['-1s', -1e9],
    ['1', undefined],
    ['s', undefined],
    ['1d', undefined],
    ['', undefined],
  ])('%s → %s ns', (s, want) => expect(parseDuration(s)).toBe(want));
});
