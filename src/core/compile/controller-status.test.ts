import { describe, expect, it } from 'vitest';
import { ask, build, cond, gateway, http, httpRoute, https, service, statusOf, to } from '../simulate/testing.js';
import type { KubeObject } from '../resources/types.js';

// Gateway API v1.6.1 apis/v1/{backendtlspolicy,gateway,gatewayclass}_types.go and the conformance
// tests named beside each case (conformance/tests/*.go): the status a controller writes.
const GWV = 'gateway.networking.k8s.io/v1';
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const CERT = '-----BEGIN CERTIFICATE-----\nMAAA\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n';
const tlsSecret = (name: string, crt: string, key: string): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': b64(crt), 'tls.key': b64(key) } });
const configMap = (name: string, data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data });
const policy = (name: string, refs: unknown[], target = 'tls-svc'): KubeObject => ({
  apiVersion: GWV,
  kind: 'BackendTLSPolicy',
  metadata: { name, namespace: 'default' },
  spec: { targetRefs: [{ group: '', kind: 'Service', name: target }], validation: { caCertificateRefs: refs, hostname: 'abc.example.com' } },
});
const codes = (r: ReturnType<typeof build>): string[] => r.diagnostics.map((d) => `${d.code} ${d.path ?? ''}`);

describe('BackendTLSPolicy CA references (backendtlspolicy-invalid-ca-certificate-ref, -invalid-kind)', () => {
  const design = (p: KubeObject, extra: KubeObject[] = []): ReturnType<typeof build> =>
    build([gateway('gw', [http('http')]), service('tls-svc', 'default', [443]), httpRoute('r', { rules: [{ backendRefs: [to('tls-svc', 443)] }] }), p, ...extra]);
  it.each([
    ['a missing ConfigMap', 'InvalidCACertificateRef', policy('p', [{ group: '', kind: 'ConfigMap', name: 'nope' }]), []],
    ['a ConfigMap without ca.crt', 'InvalidCACertificateRef', policy('p', [{ group: '', kind: 'ConfigMap', name: 'cm' }]), [configMap('cm', {})]],
    ['a ConfigMap whose ca.crt is not PEM', 'InvalidCACertificateRef', policy('p', [{ group: '', kind: 'ConfigMap', name: 'cm' }]), [configMap('cm', { 'ca.crt': 'not a certificate' })]],
    ['another kind', 'InvalidKind', policy('p', [{ group: 'invalid.io', kind: 'InvalidKind', name: 'x' }]), []],
  ])('%s → Accepted=False NoValidCACertificate, ResolvedRefs=False %s, requests fail 5xx', (_, reason, p, extra) => {
    const r = design(p, extra);
    const conds = statusOf(r, 'BackendTLSPolicy', 'p').status.ancestors?.[0]?.conditions;
    expect(cond(conds, 'Accepted')).toBe('False/NoValidCACertificate');
    expect(cond(conds, 'ResolvedRefs')).toBe(`False/${reason}`);
    expect(ask(r, 'GET http://x/').status).toBe(500);
    expect(codes(r)).toContain('BackendTLSPolicyRefsNotResolved spec.validation.caCertificateRefs[0]');
    // the route's own references are fine: its status does not blame it
    expect(cond(statusOf(r, 'HTTPRoute', 'r').status.parents?.[0]?.conditions, 'ResolvedRefs')).toBe('True/ResolvedRefs');
  });
  it('a ConfigMap with a PEM certificate → accepted, requests reach the backend', () => {
    const r = design(policy('p', [{ group: '', kind: 'ConfigMap', name: 'cm' }]), [configMap('cm', { 'ca.crt': CERT })]);
    const conds = statusOf(r, 'BackendTLSPolicy', 'p').status.ancestors?.[0]?.conditions;
    expect(cond(conds, 'Accepted')).toBe('True/Accepted');
    expect(cond(conds, 'ResolvedRefs')).toBe('True/ResolvedRefs');
    expect(ask(r, 'GET http://x/').status).toBe(200);
    expect(r.diagnostics.filter((d) => d.code.startsWith('BackendTLSPolicy'))).toEqual([]);
  });
  it('a policy naming a port (sectionName) fails only that port', () => {
    const p = policy('p', [{ group: '', kind: 'ConfigMap', name: 'nope' }]);
    (p.spec as { targetRefs: Record<string, unknown>[] }).targetRefs[0] = { group: '', kind: 'Service', name: 'tls-svc', sectionName: 'p443' };
    const r = build([
      gateway('gw', [http('http')]),
      service('tls-svc', 'default', [443, 80]),
      httpRoute('r', { rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/tls' } }], backendRefs: [to('tls-svc', 443)] }, { backendRefs: [to('tls-svc', 80)] }] }),
      p,
    ]);
    expect(ask(r, 'GET http://x/tls').status).toBe(500);
    expect(ask(r, 'GET http://x/plain').status).toBe(200);
  });
  it('one valid reference of two → accepted, ResolvedRefs=False, traffic flows', () => {
    const r = design(policy('p', [{ group: '', kind: 'ConfigMap', name: 'cm' }, { group: '', kind: 'ConfigMap', name: 'nope' }]), [configMap('cm', { 'ca.crt': CERT })]);
    const conds = statusOf(r, 'BackendTLSPolicy', 'p').status.ancestors?.[0]?.conditions;
    expect(cond(conds, 'Accepted')).toBe('True/Accepted');
    expect(cond(conds, 'ResolvedRefs')).toBe('False/InvalidCACertificateRef');
    expect(ask(r, 'GET http://x/').status).toBe(200);
  });
});

describe('listener certificate Secrets are read before redaction (InvalidCertificateRef)', () => {
  const design = (s: KubeObject): ReturnType<typeof build> => build([gateway('gw', [https('https', 'example.org')]), s]);
  it.each([
    ['tls.crt not PEM', 'False/InvalidCertificateRef', tlsSecret('cert', 'hello', KEY)],
    ['tls.key not a private key', 'False/InvalidCertificateRef', tlsSecret('cert', CERT, CERT)],
    ['tls.crt body not base64', 'False/InvalidCertificateRef', tlsSecret('cert', '-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----', KEY)],
    ['well-formed PEM', 'True/ResolvedRefs', tlsSecret('cert', CERT, KEY)],
    ['already redacted (a restored design): assumed valid', 'True/ResolvedRefs', { ...tlsSecret('cert', CERT, KEY), data: { 'tls.crt': 'UkVEQUNURUQ=', 'tls.key': 'UkVEQUNURUQ=' } }],
  ])('%s → ResolvedRefs %s', (_, expected, s) => {
    const r = design(s);
    expect(cond(statusOf(r, 'Gateway', 'gw').status.listeners?.[0]?.conditions, 'ResolvedRefs')).toBe(expected);
    const located = r.diagnostics.filter((d) => d.code === 'ListenerNotValid').map((d) => d.path);
    expect(located).toEqual(expected.startsWith('False') ? ['spec.listeners[0].tls.certificateRefs[0]'] : []);
  });
  it('the key never reaches the resource: only verdicts are kept', () => {
    const r = build([tlsSecret('cert', CERT, KEY)]);
    expect(JSON.stringify(r)).not.toContain(b64(KEY));
  });
});

describe('Gateway spec.tls.frontend client certificate validation (gateway-with-invalid-clientcertificate-validation)', () => {
  const ca = (ref: Record<string, unknown>): Record<string, unknown> => ({ validation: { caCertificateRefs: [{ group: '', ...ref }] } });
  const gw = (frontend: Record<string, unknown>): KubeObject =>
    gateway('gw', [https('https', 'a.example.org'), https('https-7443', 'b.example.org', { port: 7443 }), http('http')], 'default', { tls: { frontend } });
  const listener = (r: ReturnType<typeof build>, name: string): string =>
    ['Accepted', 'ResolvedRefs', 'Programmed'].map((t) => cond(statusOf(r, 'Gateway', 'gw').status.listeners?.find((l) => l.name === name)?.conditions, t)).join(', ');
  const base = [tlsSecret('cert', CERT, KEY), configMap('ca', { 'ca.crt': CERT })];
  it.each([
    ['a missing ConfigMap on port 7443', { kind: 'ConfigMap', name: 'nope' }, 'False/NoValidCACertificate, False/InvalidCACertificateRef, False/Invalid'],
    ['a Service', { kind: 'Service', name: 'svc' }, 'False/NoValidCACertificate, False/InvalidCACertificateKind, False/Invalid'],
    ['a ConfigMap in another namespace without a grant', { kind: 'ConfigMap', name: 'ca', namespace: 'other' }, 'False/NoValidCACertificate, False/RefNotPermitted, False/Invalid'],
    ['a valid ConfigMap', { kind: 'ConfigMap', name: 'ca' }, 'True/Accepted, True/ResolvedRefs, True/Programmed'],
  ])('perPort 7443: %s', (_, ref, expected) => {
    const r = build([gw({ default: ca({ kind: 'ConfigMap', name: 'ca' }), perPort: [{ port: 7443, tls: ca(ref) }] }), ...base]);
    expect(listener(r, 'https-7443')).toBe(expected);
    expect(listener(r, 'https')).toBe('True/Accepted, True/ResolvedRefs, True/Programmed');
    expect(listener(r, 'http')).toBe('True/Accepted, True/ResolvedRefs, True/Programmed');
    if (expected.startsWith('False')) expect(codes(r)).toContain('ListenerNotValid spec.tls.frontend.perPort[0].tls.validation.caCertificateRefs[0]');
  });
  it('AllowInsecureFallback → InsecureFrontendValidationMode=True ConfigurationChanged; AllowValidOnly → no such condition', () => {
    const insecure = build([gw({ default: { validation: { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }], mode: 'AllowInsecureFallback' } } }), ...base]);
    expect(cond(statusOf(insecure, 'Gateway', 'gw').status.conditions, 'InsecureFrontendValidationMode')).toBe('True/ConfigurationChanged');
    expect(codes(insecure)).toContain('FrontendValidationInsecure spec.tls.frontend.default.validation.mode');
    const strict = build([gw({ default: { validation: { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }], mode: 'AllowValidOnly' } } }), ...base]);
    expect(statusOf(strict, 'Gateway', 'gw').status.conditions?.map((c) => c.type)).not.toContain('InsecureFrontendValidationMode');
  });
});

describe('Gateway-level references (gateway-invalid-tls-backend-configuration, gateway-invalid-parameters-ref)', () => {
  const gw = (extra: Record<string, unknown>): KubeObject => gateway('gw', [http('http')], 'default', extra);
  it.each([
    ['clientCertificateRef to a missing Secret', { tls: { backend: { clientCertificateRef: { name: 'nope' } } } }, [], 'ResolvedRefs', 'False/InvalidClientCertificateRef', 'GatewayRefsNotResolved spec.tls.backend.clientCertificateRef'],
    ['clientCertificateRef of an unsupported kind', { tls: { backend: { clientCertificateRef: { group: 'x.io', kind: 'Cert', name: 'c' } } } }, [], 'ResolvedRefs', 'False/InvalidClientCertificateRef', 'GatewayRefsNotResolved spec.tls.backend.clientCertificateRef'],
    ['clientCertificateRef to a malformed Secret', { tls: { backend: { clientCertificateRef: { name: 'bad' } } } }, [tlsSecret('bad', 'x', 'y')], 'ResolvedRefs', 'False/InvalidClientCertificateRef', 'GatewayRefsNotResolved spec.tls.backend.clientCertificateRef'],
    ['clientCertificateRef across namespaces without a grant', { tls: { backend: { clientCertificateRef: { name: 'c', namespace: 'other' } } } }, [], 'ResolvedRefs', 'False/RefNotPermitted', 'GatewayRefsNotResolved spec.tls.backend.clientCertificateRef'],
    ['parametersRef not in the design', { infrastructure: { parametersRef: { group: 'invalid.io', kind: 'InvalidParameters', name: 'invalid' } } }, [], 'Accepted', 'False/InvalidParameters', 'GatewayNotAccepted spec.infrastructure.parametersRef'],
    ['an address of type NamedAddress', { addresses: [{ type: 'NamedAddress', value: 'ip-1' }] }, [], 'Accepted', 'False/UnsupportedAddress', 'GatewayNotAccepted spec.addresses[0].type'],
    ['an address of a domain-prefixed type', { addresses: [{ type: 'example.com/pool', value: 'p' }] }, [], 'Accepted', 'False/UnsupportedAddress', 'GatewayNotAccepted spec.addresses[0].type'],
  ])('%s → $3 $4', (_, extra, objects, type, expected, diagnostic) => {
    const r = build([gw(extra), ...objects]);
    expect(cond(statusOf(r, 'Gateway', 'gw').status.conditions, type)).toBe(expected);
    expect(codes(r)).toContain(diagnostic);
    if (type === 'ResolvedRefs') expect(cond(statusOf(r, 'Gateway', 'gw').status.conditions, 'Accepted')).toBe('True/Accepted');
  });
  it.each([
    ['a valid clientCertificateRef', { tls: { backend: { clientCertificateRef: { name: 'cert' } } } }],
    ['a parametersRef to a ConfigMap in the design', { infrastructure: { parametersRef: { group: '', kind: 'ConfigMap', name: 'params' } } }],
    ['IPAddress and Hostname addresses', { addresses: [{ value: '10.0.0.1' }, { type: 'Hostname', value: 'gw.example.com' }] }],
  ])('%s → accepted, refs resolved, no problem', (_, extra) => {
    const r = build([gw(extra), tlsSecret('cert', CERT, KEY), configMap('params', {})]);
    expect(cond(statusOf(r, 'Gateway', 'gw').status.conditions, 'Accepted')).toBe('True/Accepted');
    expect(cond(statusOf(r, 'Gateway', 'gw').status.conditions, 'ResolvedRefs')).toBe('True/ResolvedRefs');
    expect(r.diagnostics).toEqual([]);
  });
  it('a refused Gateway programs no listener: requests get no answer from it', () => {
    const ok = build([gw({}), service('a'), httpRoute('r', { rules: [{ backendRefs: [to('a')] }] })]);
    const refused = build([gw({ addresses: [{ type: 'NamedAddress', value: 'x' }] }), service('a'), httpRoute('r', { rules: [{ backendRefs: [to('a')] }] })]);
    expect(ask(ok, 'GET http://x/').status).toBe(200);
    expect(ask(refused, 'GET http://x/').status).not.toBe(200);
  });
  it('GatewayClass parametersRef not in the design → Accepted=False InvalidParameters; present → accepted', () => {
    const cls = (ref: Record<string, unknown>): KubeObject => ({ apiVersion: GWV, kind: 'GatewayClass', metadata: { name: 'gc' }, spec: { controllerName: 'example.com/gw', parametersRef: ref } });
    const bad = build([cls({ group: 'example.com', kind: 'Params', name: 'p' })]);
    expect(cond(statusOf(bad, 'GatewayClass', 'gc').status.conditions, 'Accepted')).toBe('False/InvalidParameters');
    expect(codes(bad)).toContain('GatewayClassNotAccepted spec.parametersRef');
    const good = build([cls({ group: '', kind: 'ConfigMap', name: 'params', namespace: 'default' }), configMap('params', {})]);
    expect(cond(statusOf(good, 'GatewayClass', 'gc').status.conditions, 'Accepted')).toBe('True/Accepted');
    expect(build([cls({ group: 'example.com', kind: 'Params', name: 'p' })], true).diagnostics).toEqual([]);
  });
});

describe('ListenerSets and L4 routes', () => {
  const set = (name: string, listeners: unknown[]): KubeObject => ({ apiVersion: GWV, kind: 'ListenerSet', metadata: { name, namespace: 'default' }, spec: { parentRef: { name: 'gw' }, listeners } });
  it('attachedListenerSets counts only the sets whose status is Accepted=True', () => {
    const r = build([
      gateway('gw', [http('http')], 'default', { allowedListeners: { namespaces: { from: 'Same' } } }),
      set('good', [{ name: 'a', port: 8080, protocol: 'HTTP' }]),
      set('all-invalid', [{ name: 'b', port: 8081, protocol: 'SCTP' }]),
    ]);
    expect(statusOf(r, 'Gateway', 'gw').status.attachedListenerSets).toBe(1);
    expect(cond(statusOf(r, 'ListenerSet', 'all-invalid').status.conditions, 'Accepted')).toBe('False/ListenersNotValid');
  });
  it.each(['TCPRoute', 'UDPRoute'])('%s with a backend in another namespace and no grant → ResolvedRefs=False RefNotPermitted', (kind) => {
    const protocol = kind === 'TCPRoute' ? 'TCP' : 'UDP';
    const route = { apiVersion: GWV, kind, metadata: { name: 'r', namespace: 'default' }, spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'svc', namespace: 'other', port: 80 }] }] } };
    const r = build([gateway('gw', [{ name: 'l4', port: 9000, protocol }]), service('svc', 'other'), route]);
    expect(cond(statusOf(r, kind, 'r').status.parents?.[0]?.conditions, 'ResolvedRefs')).toBe('False/RefNotPermitted');
    expect(codes(r)).toContain('RefsNotResolved spec.rules[0].backendRefs[0]');
    const grant = { apiVersion: GWV, kind: 'ReferenceGrant', metadata: { name: 'g', namespace: 'other' }, spec: { from: [{ group: 'gateway.networking.k8s.io', kind, namespace: 'default' }], to: [{ group: '', kind: 'Service' }] } };
    const granted = build([gateway('gw', [{ name: 'l4', port: 9000, protocol }]), service('svc', 'other'), route, grant]);
    expect(cond(statusOf(granted, kind, 'r').status.parents?.[0]?.conditions, 'ResolvedRefs')).toBe('True/ResolvedRefs');
    expect(granted.diagnostics).toEqual([]);
  });
});
