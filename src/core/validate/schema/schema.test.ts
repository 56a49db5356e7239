import { describe, expect, it } from 'vitest';
import { parse, validate } from '../../index.js';
import shop from '../../../../public/examples/shop.yaml?raw';

/** The schema step's diagnostics only (CEL rules are tested with their own code). */
const SCHEMA_CODES = new Set(['SchemaType', 'SchemaEnum', 'SchemaPattern', 'SchemaRange', 'SchemaRequired', 'SchemaMaxItems', 'SchemaMinItems', 'SchemaLength', 'SchemaUnique', 'SchemaFormat', 'SchemaInvalid', 'UnknownField']);

/** `Code@line:column` of each schema diagnostic, in text order. */
function schemaFindings(text: string): string[] {
  return validate(parse([{ name: 'test.yaml', text }]))
    .filter((d) => SCHEMA_CODES.has(d.code))
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((d) => `${d.code}@${d.line}:${d.column}`);
}

// Line 1 apiVersion, 2 kind, 3 metadata, 4 name, 5 spec; the spec's content starts on line 6.
const doc = (apiVersion: string, kind: string, body: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n${body}`;
const route = (spec: string) => doc('gateway.networking.k8s.io/v1', 'HTTPRoute', `spec:\n${spec}`);
const gateway = (spec: string) => doc('gateway.networking.k8s.io/v1', 'Gateway', `spec:\n  gatewayClassName: istio\n${spec}`);
const virtualService = (spec: string) => doc('networking.istio.io/v1', 'VirtualService', `spec:\n${spec}`);
const service = (spec: string) => doc('v1', 'Service', `spec:\n${spec}`);
const tcpRoute = (spec: string) => doc('gateway.networking.k8s.io/v1', 'TCPRoute', `spec:\n${spec}`);

describe('validateSchema: one diagnostic per problem, at the right place', () => {
  it.each([
    // error family ----------------------------------------------------------------------------
    ['a wrong type (reported once, though ajv reports it at two levels)', route('  parentRefs:\n    - name: edge\n      port: "80"\n'), ['SchemaType@8:13']],
    // (A bad path type is PathMatchTypeInvalid's alone: one cause, one problem — see one-cause.ts.)
    ['a bad enum', route('  rules:\n    - matches:\n        - method: FETCH\n'), ['SchemaEnum@8:19']],
    ['a pattern', route('  hostnames:\n    - Bad_Host\n'), ['SchemaPattern@7:7']],
    ['a range', route('  rules:\n    - backendRefs:\n        - name: cart\n          port: 8080\n          weight: 2000000\n'), ['SchemaRange@10:19']],
    ['a missing required field, at its parent', gateway('  listeners:\n    - name: http\n      port: 80\n'), ['SchemaRequired@8:7']],
    ['a missing spec, at the document', doc('gateway.networking.k8s.io/v1', 'HTTPRoute', ''), ['SchemaRequired@1:1']],
    ['maxItems', route(`  rules:\n${'    - {}\n'.repeat(17)}`), ['SchemaMaxItems@6:3']],
    ['minItems', gateway('  listeners: []\n'), ['SchemaMinItems@7:3']],
    ['a length', route(`  hostnames:\n    - ${'a'.repeat(254)}\n`), ['SchemaLength@7:7']],
    ['an int-or-string of neither type', service('  ports:\n    - port: 80\n      targetPort: [8080]\n'), ['SchemaType@8:7']],
    ['duplicate keys of a list-map', route('  rules:\n    - matches:\n        - headers:\n            - name: x-canary\n              value: "1"\n            - name: x-canary\n              value: "2"\n'), ['SchemaUnique@11:21']],
    ['an unknown field', route('  hostname: shop.example.com\n'), ['UnknownField@6:3']],
    ['a nested unknown field', route('  rules:\n    - backendRefs:\n        - name: cart\n          port: 8080\n          wieght: 10\n'), ['UnknownField@10:11']],
    ['an unknown field inside metadata', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  lables:\n    team: shop\n', ['UnknownField@5:3']],
    ['an unknown field inside a label value is data, not a field', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    anything-goes: "yes"\n', []],
    // kind families ---------------------------------------------------------------------------
    ['Istio VirtualService: a wrong type and an unknown field', virtualService('  hosts: [cart]\n  http:\n    - route:\n        - destination:\n            host: cart\n          weight: "x"\n          wieght: 1\n'), ['SchemaType@11:19', 'UnknownField@12:11']],
    ['Istio VirtualService: two alternatives of a oneof', virtualService('  hosts: [cart]\n  http:\n    - match:\n        - uri:\n            exact: /a\n            prefix: /a\n      route:\n        - destination:\n            host: cart\n'), ['SchemaInvalid@9:11']],
    ['Istio DestinationRule v1alpha3: a bad enum', doc('networking.istio.io/v1alpha3', 'DestinationRule', 'spec:\n  host: cart\n  trafficPolicy:\n    loadBalancer:\n      simple: RANDOMLY\n'), ['SchemaEnum@9:15']],
    ['Istio ServiceEntry v1beta1: a missing required field', doc('networking.istio.io/v1beta1', 'ServiceEntry', 'spec:\n  resolution: DNS\n'), ['SchemaRequired@5:1']],
    ['a Service port out of range', service('  ports:\n    - port: 70000\n'), ['SchemaRange@7:13']],
    ['Service ports unique by port + protocol (TCP by default)', service('  ports:\n    - port: 80\n    - port: 80\n      protocol: TCP\n'), ['SchemaUnique@8:7']],
    ['TCPRoute v1, validated with the v1alpha2 shape', tcpRoute('  parentRefs: [{name: edge}]\n  rules:\n    - backendRefs:\n        - name: db\n          port: 70000\n      matches: []\n'), ['SchemaRange@10:17', 'UnknownField@11:7']],
    ['TCPRoute v1 that is valid', tcpRoute('  parentRefs: [{name: edge}]\n  rules:\n    - backendRefs:\n        - name: db\n          port: 5432\n'), []],
    ['UDPRoute v1, validated with the v1alpha2 shape', doc('gateway.networking.k8s.io/v1', 'UDPRoute', 'spec:\n  rules:\n    - backendRefs:\n        - name: dns\n          port: 53\n          weight: -1\n'), ['SchemaRange@10:19']],
    ['HTTPRoute v1beta1', doc('gateway.networking.k8s.io/v1beta1', 'HTTPRoute', 'spec:\n  hostnames: ["*.Shop.example.com"]\n'), ['SchemaPattern@6:15']],
    ['GRPCRoute', doc('gateway.networking.k8s.io/v1', 'GRPCRoute', 'spec:\n  rules:\n    - matches:\n        - method:\n            type: Prefix\n'), ['SchemaEnum@9:19']],
    ['a kind outside the design is not checked', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: 5\nbogus: true\n', []],
  ])('%s', (_name, text, expected) => {
    expect(schemaFindings(text)).toEqual(expected);
  });

  it('says what is wrong in words', () => {
    const messages = (text: string) => validate(parse([{ name: 't.yaml', text }])).filter((d) => SCHEMA_CODES.has(d.code)).map((d) => d.message);
    expect(messages(route('  rules:\n    - backendRefs:\n        - name: cart\n          weight: 2000000\n'))).toEqual(['spec.rules[0].backendRefs[0].weight must be at most 1000000 (got 2000000)']);
    expect(messages(gateway('  listeners:\n    - name: http\n      port: 80\n'))).toEqual(['spec.listeners[0].protocol is required']);
    expect(messages(route('  rules:\n    - matches:\n        - method: FETCH\n'))).toEqual(['spec.rules[0].matches[0].method must be one of GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH (got "FETCH")']);
    expect(messages(route('  hostname: x\n'))).toEqual(['unknown field "spec.hostname" (did you mean "hostnames"?); the API server drops it']);
  });

  it('reports unknown fields as warnings, schema violations as errors', () => {
    const found = validate(parse([{ name: 't.yaml', text: route('  hostname: x\n  hostnames: [Bad_Host]\n') }])).filter((d) => SCHEMA_CODES.has(d.code));
    expect(found.map((d) => [d.code, d.severity])).toEqual([
      ['SchemaPattern', 'error'],
      ['UnknownField', 'warning'],
    ]);
  });
});

describe('the embedded example', () => {
  it('public/examples/shop.yaml has no errors and no warnings', () => {
    const found = validate(parse([{ name: 'shop.yaml', text: shop }])).filter((d) => d.severity !== 'info');
    expect(found).toEqual([]);
  });
});
