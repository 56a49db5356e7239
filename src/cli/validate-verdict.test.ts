import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/index.js';
import { run } from './run.js';
import { memoryIO } from './test-io.js';
import { formatDiagnostic } from './validate-command.js';

// Issue 10 scope 1: validate reports the whole verdict — the controller's status problems too,
// not only the schema and CEL ones.
const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
    - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: istio}
spec: {controllerName: istio.io/gateway-controller}
`;
const route = (backend: string) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  rules:
    - backendRefs: [${backend}]
`;
const service = (ns: string, name: string) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {ports: [{port: 80}]}
`;
const grant = `---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: shop-to-billing, namespace: billing}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
  to: [{group: '', kind: Service}]
`;

interface JsonDiagnostic {
  code: string;
  message: string;
  path: string | null;
}

async function verdictOf(text: string, ...flags: string[]): Promise<{ exit: number; diagnostics: JsonDiagnostic[] }> {
  const io = memoryIO({ 'd.yaml': text });
  const exit = await run(['validate', 'd.yaml', '--format', 'json', ...flags], io);
  return { exit, diagnostics: (JSON.parse(io.out) as { diagnostics: JsonDiagnostic[] }).diagnostics };
}

describe('route-designer validate: the whole verdict', () => {
  it.each([
    ['a cross-namespace backend without a ReferenceGrant', gateway + route('{name: cart, namespace: billing, port: 80}') + service('billing', 'cart'), [], /RefNotPermitted/],
    ['a backend Service absent from the design', gateway + route('{name: nowhere, port: 80}'), [], /BackendNotFound/],
  ])('%s is reported at its backendRef', async (_what, text, flags, message) => {
    const { diagnostics } = await verdictOf(text, ...flags);
    const found = diagnostics.find((d) => message.test(d.message));
    expect(found?.path).toBe('spec.rules[0].backendRefs[0]');
  });

  it.each([
    ['the grant allows the cross-namespace backend', gateway + route('{name: cart, namespace: billing, port: 80}') + service('billing', 'cart') + grant, []],
    ['--assume-external: the absent Service counts as present', gateway + route('{name: nowhere, port: 80}'), ['--assume-external']],
  ])('nothing is reported when %s', async (_what, text, flags) => {
    const { exit, diagnostics } = await verdictOf(text, ...flags);
    expect(diagnostics).toEqual([]);
    expect(exit).toBe(0);
  });

  it('-n places objects without a namespace, so the backend resolves in it', async () => {
    const text = gateway + route('{name: web, port: 80}').replace('namespace: shop', 'namespace: team') + service('team', 'web').replace(', namespace: team', '');
    expect((await verdictOf(text, '-n', 'team')).diagnostics).toEqual([]);
    expect((await verdictOf(text)).diagnostics.map((d) => d.message).join('\n')).toMatch(/BackendNotFound/);
  });

  it('reports a problem once even when two checks find it (validate and compile run on one design)', async () => {
    const { diagnostics } = await verdictOf(gateway + route('{name: nowhere, port: 80}'));
    const keys = diagnostics.map((d) => `${d.code}:${d.path ?? ''}:${d.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('route-designer validate: unreachable rules', () => {
  const twice = gateway + service('shop', 'web') + `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /cart}}]
      backendRefs: [{name: web, port: 80}]
    - matches: [{path: {type: PathPrefix, value: /cart}}]
      backendRefs: [{name: web, port: 80}]
`;

  it('gives the shadowing rule as a related place and a witness request in JSON', async () => {
    const io = memoryIO({ 'd.yaml': twice });
    await run(['validate', 'd.yaml', '--format', 'json'], io);
    const json = JSON.parse(io.out) as { diagnostics: Record<string, unknown>[] };
    const found = json.diagnostics.find((d) => d.code === 'RuleUnreachable');
    expect(found).toMatchObject({ path: 'spec.rules[1]', related: [{ path: 'spec.rules[0]', role: 'shadowed by' }], witness: { request: expect.stringMatching(/^GET http:\/\/.*\/cart$/), gateway: 'infra/edge' } });
  });

  it('says nothing of reachability when every rule can be reached', async () => {
    const io = memoryIO({ 'd.yaml': twice.replace(/value: \/cart}}]\n(\s+backendRefs[^\n]*\n)$/, 'value: /pay}}]\n$1') });
    await run(['validate', 'd.yaml', '--format', 'json'], io);
    expect(io.out).not.toContain('Unreachable');
  });
});

describe('formatDiagnostic', () => {
  const base: Diagnostic = { code: 'IstioGatewayNotFound', severity: 'error', message: 'no gateway x', file: 'a.yaml', line: 3, column: 5, endLine: 3, endColumn: 9 };
  it.each([
    [base, 'a.yaml:3:5: error IstioGatewayNotFound no gateway x'],
    [{ ...base, istioCode: 'IST0101' }, 'a.yaml:3:5: error IstioGatewayNotFound no gateway x [IST0101]'],
  ])('ends the line with the istioctl code when there is one (%#)', (d, line) => {
    expect(formatDiagnostic(d)).toBe(line);
  });
});
