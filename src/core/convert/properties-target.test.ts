import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRecord, type KubeObject } from '../resources/types.js';
import { firstRelease, hasField, RELEASES, servedVersions } from '../target/availability.js';
import type { Target } from '../target/target.js';
import { fcParams } from './test-designs.js';
import { convertText } from './test-helpers.js';

/**
 * Issue 14 scope 5: whatever the design, converting (or exporting as is) for a target never writes
 * an apiVersion the target does not serve, nor a field or enum value its CRDs lack. Checked
 * independently of the fitting code, over every field path and value the CRD data knows in any
 * release (hasField, firstRelease), for random releases and channels.
 */
const GW = 'gateway.networking.k8s.io';

function known(kind: string, apiVersion: string, entry: string): boolean {
  return firstRelease(kind, apiVersion, entry, 'standard') !== undefined || firstRelease(kind, apiVersion, entry, 'experimental') !== undefined;
}

/** The entries a written object uses that its target lacks (`@served`, a field path, `path=value`). */
function lacking(obj: KubeObject, t: Target): string[] {
  const kind = String(obj.kind);
  const v = String(obj.apiVersion);
  if (!v.startsWith('gateway.networking.')) return [];
  if (!servedVersions(kind, t.release, t.channel).includes(v)) return [`${kind} ${v} @served`];
  const out: string[] = [];
  const visit = (value: unknown, at: string): void => {
    if (Array.isArray(value)) {
      for (const x of value) visit(x, `${at}[]`);
      return;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      const entry = `${at}=${String(value)}`;
      if (known(kind, v, entry) && !hasField(kind, v, entry, t.release, t.channel)) out.push(`${kind} ${entry}`);
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, sub] of Object.entries(value)) {
      const path = `${at}.${key}`;
      if (known(kind, v, path) && !hasField(kind, v, path, t.release, t.channel)) out.push(`${kind} ${path}`);
      else visit(sub, path);
    }
  };
  visit(obj.spec, 'spec');
  return out;
}

const RULE_PARTS = [
  'retry: {attempts: 2}',
  'name: r1',
  'sessionPersistence: {sessionName: s, idleTimeout: 10m}',
  'timeouts: {request: 5s}',
  'filters: [{type: CORS, cors: {allowOrigins: ["https://a.example.com"], allowCredentials: true, allowMethods: [GET]}}]',
  'filters: [{type: RequestMirror, requestMirror: {backendRef: {name: svc-m, port: 80}, percent: 10}}]',
  'filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 308}}]',
  'filters: [{type: ExternalAuth, externalAuth: {protocol: HTTP, backendRef: {name: auth, port: 80}}}]',
];
const OTHER_KINDS = [
  `apiVersion: ${GW}/v1alpha2\nkind: TCPRoute\nmetadata: {name: t, namespace: shop}\nspec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: svc, port: 9000}]}]}`,
  `apiVersion: ${GW}/v1\nkind: TLSRoute\nmetadata: {name: s, namespace: shop}\nspec: {parentRefs: [{name: edge}], hostnames: [a.example.com], rules: [{backendRefs: [{name: svc, port: 443}]}]}`,
  `apiVersion: ${GW}/v1\nkind: ListenerSet\nmetadata: {name: l, namespace: shop}\nspec: {parentRef: {name: edge}, listeners: [{name: h, port: 8080, protocol: HTTP}]}`,
  `apiVersion: ${GW}/v1\nkind: Gateway\nmetadata: {name: edge, namespace: shop}\nspec: {gatewayClassName: c, allowedListeners: {namespaces: {from: Same}}, listeners: [{name: h, port: 80, protocol: HTTP}]}`,
];
const ISTIO_RULE_PARTS = ['retries: {attempts: 3, retryOn: 5xx}', 'timeout: 5s', 'corsPolicy: {allowOrigins: [{exact: "https://a.example.com"}], allowCredentials: true}', 'mirror: {host: svc-m}', 'mirrorPercentage: {value: 10}'];

const targetArb = fc.record({ release: fc.constantFrom(...RELEASES), channel: fc.constantFrom('standard' as const, 'experimental' as const) }).map((t): Target => ({ ...t, implementation: null, istio: null }));
const gatewayDesign = fc.record({ parts: fc.subarray(RULE_PARTS, { maxLength: 4 }), others: fc.subarray(OTHER_KINDS) }).map(({ parts, others }) => {
  const seen = new Set<string>();
  const rule = parts.filter((p) => !seen.has(p.split(':')[0] as string) && seen.add(p.split(':')[0] as string)).concat('backendRefs: [{name: svc, port: 80}]');
  return [`apiVersion: ${GW}/v1\nkind: HTTPRoute\nmetadata: {name: web, namespace: shop}\nspec:\n  parentRefs: [{name: edge}]\n  rules:\n  - {${rule.join(', ')}}`, ...others].join('\n---\n');
});
const istioDesign = fc.subarray(ISTIO_RULE_PARTS).map(
  (parts) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: shop}
spec:
  hosts: ["*"]
  gateways: [edge]
  http:
  - {${['route: [{destination: {host: svc.other.svc.cluster.local, port: {number: 80}}}]', ...parts].join(', ')}}
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: other}
spec: {ports: [{port: 80}]}
`,
);

describe('a conversion for a target writes only what the target serves', () => {
  it('Gateway API designs, converted to Istio (their Gateway API objects pass through) and exported as is', () => {
    fc.assert(
      fc.property(gatewayDesign, targetArb, (text, t) => {
        const { result } = convertText(text, { to: 'istio', target: t });
        expect(result.items.flatMap((o) => lacking(o, t))).toEqual([]);
        const all = convertText(text, { to: 'gateway-api', target: t }).result;
        expect(all.items.flatMap((o) => lacking(o, t))).toEqual([]);
        // every object left out is named
        const written = (r: typeof all): number => r.items.filter((o) => String(o.apiVersion).startsWith('gateway.')).length;
        expect(written(all) + all.loss.filter((l) => l.code === 'KindNotInTarget').length).toBe(written(convertText(text, { to: 'gateway-api' }).result));
      }),
      fcParams(150, process.env),
    );
  });

  it('Istio designs converted to the Gateway API (HTTPRoute, ReferenceGrant)', () => {
    fc.assert(
      fc.property(istioDesign, targetArb, (text, t) => {
        const { result } = convertText(text, { to: 'gateway-api', target: t });
        expect(result.items.flatMap((o) => lacking(o, t))).toEqual([]);
        expect(result.items.some((o) => o.kind === 'ReferenceGrant')).toBe(true);
      }),
      fcParams(100, process.env),
    );
  });
});
