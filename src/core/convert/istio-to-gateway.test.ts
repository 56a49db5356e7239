import { describe, expect, it } from 'vitest';
import { serviceYaml } from '../test-kit.js';
import { parseTarget, type Target } from '../target/target.js';
import { codes, convertText, item } from './test-helpers.js';

const GW = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  selector: {istio: ingressgateway}
  servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["*/shop.example.com"]
`;
const svc = (name: string, ns = 'shop', port = 8080): string => serviceYaml(name, { namespace: ns, ports: `{port: ${port}}` });
const vs = (http: string, extra = ''): string => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: cart, namespace: shop}
spec:
  hosts: [shop.example.com]
  gateways: [infra/edge]
${extra}  http:
${http}`;

type Rule = { matches?: { path?: { type: string; value: string }; method?: string; headers?: unknown[] }[]; filters?: { type: string; [k: string]: unknown }[]; backendRefs?: { name: string; weight?: number; namespace?: string }[] };
const rules = (text: string, options: { subsetsAsServices?: boolean; target?: Target } = {}): { rules: Rule[]; loss: string[] } => {
  const { result } = convertText(text, { to: 'gateway-api', ...options });
  const route = item(result, 'HTTPRoute', 'cart') as { spec: { rules: Rule[] } } | undefined;
  return { rules: route?.spec.rules ?? [], loss: codes(result) };
};

describe('Istio → Gateway API: Gateway', () => {
  // istio.md §2 (servers, ns/host, tls modes) and §5 (ingress2gateway's listener-per-host); gateway-api.md §3.2 allowedRoutes.
  it.each([
    ['HTTP server, any namespace', '- port: {number: 80, name: http, protocol: HTTP}\n      hosts: ["*/a.example.com"]', { name: 'http', port: 80, protocol: 'HTTP', hostname: 'a.example.com', allowedRoutes: { namespaces: { from: 'All' } } }, []],
    ['`.` = the Gateway namespace', '- port: {number: 80, name: http, protocol: HTTP}\n      hosts: ["./a.example.com"]', { name: 'http', port: 80, protocol: 'HTTP', hostname: 'a.example.com', allowedRoutes: { namespaces: { from: 'Same' } } }, []],
    ['SIMPLE → Terminate with the credential Secret', '- port: {number: 443, name: https, protocol: HTTPS}\n      hosts: ["a.example.com"]\n      tls: {mode: SIMPLE, credentialName: a-cert}', { name: 'https', port: 443, protocol: 'HTTPS', hostname: 'a.example.com', tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'a-cert' }] }, allowedRoutes: { namespaces: { from: 'All' } } }, []],
    ['PASSTHROUGH → TLS Passthrough', '- port: {number: 443, name: tls, protocol: TLS}\n      hosts: ["a.example.com"]\n      tls: {mode: PASSTHROUGH}', { name: 'tls', port: 443, protocol: 'TLS', hostname: 'a.example.com', tls: { mode: 'Passthrough' }, allowedRoutes: { namespaces: { from: 'All' } } }, []],
    ['MUTUAL is reported', '- port: {number: 443, name: https, protocol: HTTPS}\n      hosts: ["a.example.com"]\n      tls: {mode: MUTUAL, credentialName: c}', { name: 'https', port: 443, protocol: 'HTTPS', hostname: 'a.example.com', tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'c' }] }, allowedRoutes: { namespaces: { from: 'All' } } }, ['TLSModeNotRepresentable']],
    ['TCP: one listener, no hostname', '- port: {number: 5432, name: pg, protocol: TCP}\n      hosts: ["*"]', { name: 'pg', port: 5432, protocol: 'TCP', allowedRoutes: { namespaces: { from: 'All' } } }, []],
  ])('%s', (_what, server, listener, loss) => {
    const { result } = convertText(`apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g, namespace: infra}\nspec:\n  servers:\n    ${server}\n`, { to: 'gateway-api' });
    const gw = item(result, 'Gateway', 'g') as { apiVersion: string; spec: { gatewayClassName: string; listeners: unknown[] } };
    expect(gw.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(gw.spec.gatewayClassName).toBe('istio');
    expect(gw.spec.listeners).toEqual([listener]);
    expect(codes(result)).toEqual(loss);
  });

  it('a listener per host, and an https-redirect route for httpsRedirect (istio.md §2)', () => {
    const { result } = convertText(`apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g, namespace: infra}\nspec:\n  servers:\n    - port: {number: 80, name: http, protocol: HTTP}\n      hosts: [a.example.com, b.example.com]\n      tls: {httpsRedirect: true}\n`, { to: 'gateway-api' });
    const gw = item(result, 'Gateway', 'g') as { spec: { listeners: { name: string }[] } };
    expect(gw.spec.listeners.map((l) => l.name)).toEqual(['http-a-example-com', 'http-b-example-com']);
    expect(item(result, 'HTTPRoute', 'g-http-a-example-com-https-redirect')).toBeDefined();
  });
});

describe('Istio → Gateway API: VirtualService http', () => {
  it('prefix → PathPrefix plus a regex for the rest of the segment (istio.md §9.2)', () => {
    const r = rules(GW + svc('cart') + vs('    - match: [{uri: {prefix: /api}}]\n      route: [{destination: {host: cart}}]\n'));
    expect(r.rules[0]?.matches?.map((m) => m.path)).toEqual([{ type: 'PathPrefix', value: '/api' }, { type: 'RegularExpression', value: '/api[^/].*' }]);
    expect(r.loss).toEqual([]);
  });

  it('order: an earlier broad rule gets the intersection with a later specific one (istio.md §9.1)', () => {
    const r = rules(GW + svc('a') + svc('b') + vs('    - match: [{uri: {prefix: /api/}}]\n      route: [{destination: {host: a}}]\n    - match: [{uri: {exact: /api/v2}}]\n      route: [{destination: {host: b}}]\n'));
    expect(r.rules[0]?.matches?.map((m) => m.path)).toEqual([{ type: 'RegularExpression', value: '/api/.*' }, { type: 'Exact', value: '/api/v2' }]);
    expect(r.loss).toEqual([]);
  });

  it('order: a regex that a later PathPrefix outranks is reported (gateway-api.md §4.6)', () => {
    const r = rules(GW + svc('a') + svc('b') + vs('    - match: [{uri: {regex: "/x.*"}}]\n      route: [{destination: {host: a}}]\n    - route: [{destination: {host: b}}]\n'));
    expect(r.loss).toContain('OrderNotPreserved');
  });

  it('weights: a single destination takes 100 % whatever its weight (istio.md §9.3)', () => {
    const r = rules(GW + svc('a') + vs('    - route: [{destination: {host: a}, weight: 0}]\n'));
    expect(r.rules[0]?.backendRefs).toEqual([{ name: 'a', port: 8080 }]);
  });

  it('redirect: code always written, uri → ReplaceFullPath (istio.md §9.4)', () => {
    const r = rules(GW + vs('    - match: [{uri: {exact: /old}}]\n      redirect: {uri: /new, authority: b.example.com}\n'));
    expect(r.rules[0]?.filters).toEqual([{ type: 'RequestRedirect', requestRedirect: { hostname: 'b.example.com', statusCode: 301, path: { type: 'ReplaceFullPath', replaceFullPath: '/new' } } }]);
    expect(r.rules[0]?.backendRefs).toBeUndefined();
  });

  it.each([
    ['fault', '      fault: {abort: {httpStatus: 503, percentage: {value: 10}}}\n', 'FaultInjection'],
    ['withoutHeaders', '', 'WithoutHeaders'],
    ['directResponse 404', '', 'DirectResponse'],
    ['sourceLabels', '', 'SourceMatch'],
  ])('%s is reported (istio.md §9.14)', (what, extra, code) => {
    const match = what === 'withoutHeaders' ? '[{withoutHeaders: {x: {exact: "1"}}}]' : what === 'sourceLabels' ? '[{sourceLabels: {app: x}}]' : '[{uri: {prefix: /a}}]';
    const action = what === 'directResponse 404' ? '      directResponse: {status: 404}\n' : '      route: [{destination: {host: cart}}]\n';
    expect(rules(GW + svc('cart') + vs(`    - match: ${match}\n${extra}${action}`)).loss).toContain(code);
  });

  it('subsets: a loss entry, or a Service per subset (DESIGN.md --subsets-as-services)', () => {
    const dr = '---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: cart, namespace: shop}\nspec: {host: cart, subsets: [{name: v2, labels: {version: v2}}]}\n';
    const text = GW + svc('cart') + dr + vs('    - route: [{destination: {host: cart, subset: v2}}]\n');
    expect(rules(text).loss).toEqual(['Subset']);
    // Read in the app too, where there is no command line: no flag named (each front end offers its own switch).
    expect(convertText(text, { to: 'gateway-api' }).result.loss[0]?.message).not.toMatch(/--/);
    const { result } = convertText(text, { to: 'gateway-api', subsetsAsServices: true });
    expect(codes(result)).toEqual([]);
    expect((item(result, 'Service', 'cart-v2') as { spec: unknown }).spec).toEqual({ selector: { app: 'cart', version: 'v2' }, ports: [{ port: 8080 }] });
  });

  it('a cross-namespace backend gets a ReferenceGrant (gateway-api.md §3.4)', () => {
    const { result } = convertText(GW + svc('pay', 'billing') + vs('    - route: [{destination: {host: pay.billing.svc.cluster.local, port: {number: 8080}}}]\n'), { to: 'gateway-api' });
    expect((item(result, 'ReferenceGrant', 'allow-from-shop') as { metadata: unknown; spec: unknown }).spec).toEqual({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }],
      to: [{ group: '', kind: 'Service', name: 'pay' }],
    });
  });

  it('mesh VirtualServices become producer GAMMA routes in the Service namespace (gateway-api.md §3.5)', () => {
    const { result } = convertText(svc('cart') + '---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: cart, namespace: shop}\nspec:\n  hosts: [cart]\n  http:\n    - route: [{destination: {host: cart}}]\n', { to: 'gateway-api' });
    expect((item(result, 'HTTPRoute', 'cart') as { spec: { parentRefs: unknown } }).spec.parentRefs).toEqual([{ group: '', kind: 'Service', name: 'cart' }]);
  });

  it('locates every loss entry in the source text', () => {
    const { result } = convertText(GW + svc('cart') + vs('    - match: [{uri: {prefix: /a}}]\n      fault: {delay: {fixedDelay: 1s, percentage: {value: 5}}}\n      route: [{destination: {host: cart}}]\n'), { to: 'gateway-api' });
    expect(result.loss).toEqual([expect.objectContaining({ code: 'FaultInjection', file: 'in.yaml', line: 23, column: 7, path: 'spec.http[0].fault', resource: { kind: 'VirtualService', namespace: 'shop', name: 'cart' } })]);
  });
});

describe('Istio → Gateway API: retries and timeout (istio.md §1.4; gateway-api.md §6.3–6.4)', () => {
  type Timed = Rule & { retry?: unknown; timeouts?: unknown };
  const timed = (fields: string, target?: Target): { rule: Timed | undefined; loss: string[] } => {
    const r = rules(GW + svc('cart') + vs(`    - route: [{destination: {host: cart}}]\n${fields}`), target ? { target } : {});
    return { rule: r.rules[0] as Timed | undefined, loss: r.loss };
  };
  it.each([
    // gateway-error is 502, 503 and 504; connection errors are retried by the Gateway API anyway.
    ['retries: {attempts: 3, retryOn: "gateway-error,connect-failure,refused-stream"}', { attempts: 3, codes: [502, 503, 504] }, undefined, []],
    // No retryOn: Istio keeps the mesh default's conditions and codes (retry.go ConvertPolicy), and
    // from 1.24 the default has no status code (releasenotes/notes/50506.yaml; retry.go at 1.27+ has no
    // RetriableStatusCodes): Gateway API `codes` unset retries none, connection errors still retried
    // (HTTPRouteRetry "SHOULD retry on connection errors"); the default's gRPC conditions
    // (unavailable, cancelled) are lost, as when written out.
    ['retries: {attempts: 2}', { attempts: 2 }, undefined, ['RetryConditions']],
    ['retries: {attempts: 2, retryOn: "503,504"}', { attempts: 2, codes: [503, 504] }, undefined, []],
    // perTryTimeout is the Gateway API's backendRequest.
    ['retries: {attempts: 2, perTryTimeout: 2s, retryOn: "503"}\n      timeout: 10s', { attempts: 2, codes: [503] }, { request: '10s', backendRequest: '2s' }, []],
    ['retries: {attempts: 2, retryOn: "5xx,503"}', { attempts: 2, codes: [503] }, undefined, ['RetryConditions']],
    ['retries: {attempts: 2, retryOn: "503", backoff: 100ms}', { attempts: 2, codes: [503] }, undefined, ['RetryConditions']],
    ['retries: {attempts: 0}', undefined, undefined, ['RetryConditions']],
  ])('%s', (fields, retry, timeouts, loss) => {
    const { rule, loss: lost } = timed(`      ${fields}\n`);
    expect(rule?.retry).toEqual(retry);
    expect(rule?.timeouts).toEqual(timeouts);
    expect(lost).toEqual(loss);
  });
  // The target's Istio release decides the default's codes: 503 up to 1.23 (retry.go defaultPolicy at
  // 1.23.0: RetriableStatusCodes 503), none from 1.24 (EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY default true).
  it.each<[string, object]>([
    ['istio=1.22', { attempts: 2, codes: [503] }],
    ['istio=1.23', { attempts: 2, codes: [503] }],
    ['istio=1.24', { attempts: 2 }],
    ['istio=1.29', { attempts: 2 }],
    ['', { attempts: 2 }],
  ])('retries without retryOn for target %j → %j', (text, retry) => {
    const parsed = parseTarget(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const { rule, loss } = timed('      retries: {attempts: 2}\n', parsed.target);
    expect(rule?.retry).toEqual(retry);
    expect(loss).toContain('RetryConditions');
  });
  it('says which default conditions are lost', () => {
    const { result } = convertText(GW + svc('cart') + vs('    - route: [{destination: {host: cart}}]\n      retries: {attempts: 2}\n'), { to: 'gateway-api' });
    expect(result.loss.map((l) => [l.path, l.message])).toEqual([['spec.http[0].retries', 'the Gateway API retries on status codes (and connection errors) only; without retryOn Istio keeps its default conditions; unavailable, cancelled (gRPC statuses) are left out']]);
  });
});
