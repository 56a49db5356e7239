import { describe, expect, it } from 'vitest';
import { parse } from '../../resources/parse.js';
import { SourceLocations } from '../../resources/locations.js';
import { ISTIO_RELEASES } from '../../target/target.js';
import { istioReleaseDiagnostics } from './index.js';

const run = (yaml: string, istio: string | null): { code: string; path: string; line: number; column: number; message: string }[] => {
  const parsed = parse([{ name: 'd.yaml', text: yaml }]);
  const locations = new SourceLocations(parsed.files);
  return istioReleaseDiagnostics({ resources: parsed.resources, target: { istio }, locate: (r, p, prefer) => locations.range(r, p, prefer) }).map((d) => ({
    code: d.code,
    path: d.path ?? '',
    line: d.line,
    column: d.column,
    message: d.message,
  }));
};

const vs = (http: string, version = 'v1'): string => `apiVersion: networking.istio.io/${version}
kind: VirtualService
metadata: {name: reviews, namespace: shop}
spec:
  hosts: [reviews]
  http:
${http}`;
const route = '    route: [{destination: {host: reviews}}]\n';
const dr = (spec: string): string => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: shop}
spec:
  host: reviews
${spec}`;
const gw = (tls: string): string => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [shop.example.com]
    tls: {mode: SIMPLE, ${tls}}
`;
const se = (resolution: string): string => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: api, namespace: shop}
spec:
  hosts: [api.example.com]
  ports: [{number: 443, name: https, protocol: TLS}]
  resolution: ${resolution}
`;

// Version table: the release each field or value first appears in (istio/api CRDs 1.22.0 … 1.29.0,
// istiod's validation.go for retryOn; target/istio-fields.ts names the source of each).
const FIELDS: [string, string, string, string][] = [
  ['CORS unmatchedPreflights', vs(`  - corsPolicy: {allowOrigins: [{exact: https://a.example}], unmatchedPreflights: IGNORE}\n${route}`), '1.23', 'spec.http[0].corsPolicy.unmatchedPreflights'],
  ['retryOn reset-before-request', vs(`  - retries: {attempts: 2, retryOn: "5xx,reset-before-request"}\n${route}`), '1.23', 'spec.http[0].retries.retryOn'],
  ['retryOn http3-post-connect-failure', vs(`  - retries: {attempts: 2, retryOn: http3-post-connect-failure}\n${route}`), '1.23', 'spec.http[0].retries.retryOn'],
  ['load balancer warmup', dr('  trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN, warmup: {duration: 60s}}}\n'), '1.24', 'spec.trafficPolicy.loadBalancer.warmup'],
  ['warmup in a subset port setting', dr('  subsets:\n  - name: v1\n    labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n    trafficPolicy: {portLevelSettings: [{port: {number: 9080}, loadBalancer: {warmup: {duration: 30s}}}]}\n'), '1.24', 'spec.subsets[1].trafficPolicy.portLevelSettings[0].loadBalancer.warmup'],
  ['retry backoff', vs(`  - retries: {attempts: 3, backoff: 100ms}\n${route}`), '1.26', 'spec.http[0].retries.backoff'],
  ['retryIgnorePreviousHosts', vs(`  - retries: {attempts: 3, retryIgnorePreviousHosts: false}\n${route}`), '1.26', 'spec.http[0].retries.retryIgnorePreviousHosts'],
  ['Gateway credentialNames', gw('credentialNames: [shop-rsa, shop-ecdsa]'), '1.27', 'spec.servers[0].tls.credentialNames'],
  ['Gateway tlsCertificates', gw('tlsCertificates: [{serverCertificate: /etc/c.pem, privateKey: /etc/k.pem}]'), '1.27', 'spec.servers[0].tls.tlsCertificates'],
  ['retry budget', dr('  trafficPolicy: {retryBudget: {percent: 20}}\n'), '1.27', 'spec.trafficPolicy.retryBudget'],
  ['httpCookie attributes', dr('  trafficPolicy: {loadBalancer: {consistentHash: {httpCookie: {name: s, ttl: 0s, attributes: [{name: SameSite, value: Strict}]}}}}\n'), '1.28', 'spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes'],
  ['Gateway caCertCredentialName', gw('credentialName: shop-tls, caCertCredentialName: shop-ca'), '1.28', 'spec.servers[0].tls.caCertCredentialName'],
  ['ServiceEntry DYNAMIC_DNS', se('DYNAMIC_DNS'), '1.28', 'spec.resolution'],
  ['the same field in v1beta1', vs(`  - retries: {attempts: 3, backoff: 100ms}\n${route}`, 'v1beta1'), '1.26', 'spec.http[0].retries.backoff'],
];

describe('IstioFieldNotInRelease: a field is an error before the Istio release that added it', () => {
  it.each(FIELDS)('%s (Istio %s)', (_name, yaml, since, path) => {
    for (const minor of ISTIO_RELEASES) {
      const found = run(yaml, minor).map((d) => `${d.code} ${d.path}`);
      const older = Number(minor.split('.')[1]) < Number(since.split('.')[1]);
      expect(found, `istio=${minor}`).toEqual(older ? [`IstioFieldNotInRelease ${path}`] : []);
    }
    expect(run(yaml, null)).toEqual([]);
  });

  it.each([
    ['an older resolution', se('DNS')],
    ['retryOn conditions every release knows', vs(`  - retries: {attempts: 2, retryOn: "5xx,connect-failure,reset"}\n${route}`)],
    ['retries without the new fields', vs(`  - retries: {attempts: 3, perTryTimeout: 2s}\n${route}`)],
    ['a Gateway with one credentialName', gw('credentialName: shop-tls')],
    ['retryBudget where the CRD has none (portLevelSettings: the schema check reports it)', dr('  trafficPolicy: {portLevelSettings: [{port: {number: 80}, retryBudget: {percent: 5}}]}\n')],
    ['a Gateway API HTTPRoute with retry fields', 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: shop}\nspec:\n  rules:\n  - retry: {attempts: 2, backoff: 1s}\n'],
  ])('no problem for %s on Istio 1.22', (_name, yaml) => {
    expect(run(yaml, '1.22')).toEqual([]);
  });

  it('points at the field, names both releases and the source', () => {
    const yaml = vs(`  - retries: {attempts: 3, backoff: 100ms}\n${route}  - retries: {attempts: 1, retryOn: "gateway-error,reset-before-request"}\n${route}`);
    const found = run(yaml, '1.22');
    expect(found.map((d) => [d.path, d.line, d.column])).toEqual([
      ['spec.http[1].retries.retryOn', 9, 37],
      ['spec.http[0].retries.backoff', 7, 28],
    ]);
    expect(found[1]?.message).toMatch(/VirtualService field spec\.http\[0\]\.retries\.backoff \(retry backoff\) is not in Istio 1\.22: Istio 1\.26 added it \(istio\/api kubernetes\/customresourcedefinitions\.gen\.yaml 1\.25\.0→1\.26\.0\)/);
    expect(run(yaml, '1.23').map((d) => d.path)).toEqual(['spec.http[0].retries.backoff']);
  });

  it('checks every occurrence, across routes and subsets', () => {
    const yaml = vs(`  - retries: {attempts: 3, backoff: 1s}\n${route}  - retries: {attempts: 3}\n${route}  - retries: {attempts: 3, backoff: 2s}\n${route}`);
    expect(run(yaml, '1.25').map((d) => d.path)).toEqual(['spec.http[0].retries.backoff', 'spec.http[2].retries.backoff']);
  });
});

// An ordinary mesh design in the style of Istio's bookinfo sample (written here, using only fields
// every release has): no release reports anything. The published samples of istio/istio 1.29.6 and
// 1.22.8 (samples/**) were measured the same way: no problem under any release.
const ORDINARY = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: shop-gateway, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [shop.example.com]
    tls: {mode: SIMPLE, credentialName: shop-tls}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: shop}
spec:
  hosts: [reviews]
  http:
  - match: [{headers: {end-user: {exact: jason}}}]
    fault: {delay: {percentage: {value: 10}, fixedDelay: 2s}}
    route: [{destination: {host: reviews, subset: v2}}]
  - route:
    - {destination: {host: reviews, subset: v1}, weight: 80}
    - {destination: {host: reviews, subset: v3}, weight: 20}
    retries: {attempts: 3, perTryTimeout: 2s, retryOn: "gateway-error,connect-failure,refused-stream"}
    timeout: 10s
    mirror: {host: reviews, subset: v3}
    corsPolicy: {allowOrigins: [{exact: https://shop.example.com}], allowMethods: [GET]}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: shop}
spec:
  host: reviews
  trafficPolicy: {loadBalancer: {simple: LEAST_REQUEST}, connectionPool: {http: {http1MaxPendingRequests: 10}}}
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}, trafficPolicy: {loadBalancer: {consistentHash: {httpCookie: {name: user, ttl: 0s}}}}}
  - {name: v3, labels: {version: v3}}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ratings-api, namespace: shop}
spec:
  hosts: [api.ratings.example]
  ports: [{number: 443, name: tls, protocol: TLS}]
  resolution: DNS
  location: MESH_EXTERNAL
`;

describe('IstioFieldNotInRelease on ordinary designs', () => {
  it('reads the four Istio kinds of the design', () => {
    expect(parse([{ name: 'd.yaml', text: ORDINARY }]).resources.map((r) => r.kind)).toEqual(['Gateway', 'VirtualService', 'DestinationRule', 'ServiceEntry']);
  });

  it.each([...ISTIO_RELEASES, null])('reports nothing on Istio %s', (minor) => {
    expect(run(ORDINARY, minor)).toEqual([]);
  });
});
