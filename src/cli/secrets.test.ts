import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { memoryIO } from './test-io.js';

// Issue 9: no CLI output (convert YAML/JSON, validate, status, simulate) prints key material,
// whatever shape it came in: a Secret with kubectl's last-applied annotation, a broken Secret,
// a private key in a ConfigMap.
const KEY = 'FAKEKEYzQ29uZmlkZW50aWFsS2V5TWF0ZXJpYWwxMjM0NTY3ODkw';
const PW = 'hunter2-pw';
const applied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls', namespace: 'infra' }, data: { 'tls.key': KEY }, stringData: { pw: PW } });

const DESIGN = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
  - name: https
    port: 443
    protocol: HTTPS
    hostname: www.example.com
    tls: {certificateRefs: [{kind: Secret, name: tls}]}
    allowedRoutes: {namespaces: {from: All}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Secret
metadata:
  name: tls
  namespace: infra
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      ${applied}
type: kubernetes.io/tls
data:
  tls.crt: Y2VydA==
  tls.key: ${KEY}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: keys, namespace: shop}
data:
  key.pem: |
    -----BEGIN PRIVATE KEY-----
    ${KEY}
    -----END PRIVATE KEY-----
`;

const BROKEN = `apiVersion: v1
kind: Secret
metadata: {name: broken, namespace: infra}
stringData:
\tpw: ${PW}
\ttls.key: ${KEY}
`;

const lineOf = (text: string, what: string): number => text.slice(0, text.indexOf(what)).split('\n').length;

const COMMANDS: readonly (readonly [string, readonly string[]])[] = [
  ['convert to Istio', ['convert', 'design.yaml', '--to', 'istio']],
  ['convert to Istio as JSON', ['convert', 'design.yaml', '--to', 'istio', '--format', 'json']],
  ['convert to Gateway API', ['convert', 'design.yaml', '--to', 'gateway-api']],
  ['convert with a broken Secret', ['convert', 'design.yaml', 'broken.yaml', '--to', 'istio']],
  ['validate', ['validate', 'design.yaml', 'broken.yaml']],
  ['validate as JSON', ['validate', 'design.yaml', 'broken.yaml', '--format', 'json']],
  ['status', ['status', 'design.yaml', 'broken.yaml']],
  ['status as JSON', ['status', 'design.yaml', 'broken.yaml', '--format', 'json']],
  ['simulate', ['simulate', 'design.yaml', 'broken.yaml', '--request', 'GET https://www.example.com/']],
  ['simulate as JSON', ['simulate', 'design.yaml', 'broken.yaml', '--request', 'GET https://www.example.com/', '--format', 'json']],
  ['validate from stdin', ['validate', '-']],
];

describe('the CLI never prints key material', () => {
  it.each(COMMANDS)('%s', async (_what, argv) => {
    const io = memoryIO({ 'design.yaml': DESIGN, 'broken.yaml': BROKEN }, `${DESIGN}---\n${BROKEN}`);
    const code = await run(argv, io);
    expect(code).not.toBe(2);
    expect(io.out.length + io.err.length).toBeGreaterThan(0);
    for (const text of [io.out, io.err]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(KEY.slice(10, 30));
      expect(text).not.toContain(PW);
    }
  });

  it('convert passes the Secret through redacted, last-applied annotation included', async () => {
    const io = memoryIO({ 'design.yaml': DESIGN });
    expect(await run(['convert', 'design.yaml', '--to', 'istio'], io)).toBe(0);
    expect(io.out).toContain('kind: Secret');
    expect(io.out).toContain('tls.key: UkVEQUNURUQ=');
    expect(io.out).toContain('kubectl.kubernetes.io/last-applied-configuration');
    expect(io.out).toContain('-----BEGIN PRIVATE KEY----- REDACTED -----END PRIVATE KEY-----');
  });

  it('validate says where values were replaced', async () => {
    const io = memoryIO({ 'design.yaml': DESIGN, 'broken.yaml': BROKEN });
    await run(['validate', 'design.yaml', 'broken.yaml', '--format', 'json'], io);
    const found = (JSON.parse(io.out) as { diagnostics: { code: string; file: string; line: number }[] }).diagnostics.filter((d) => d.code === 'SecretRedacted');
    expect(found.map((d) => [d.file, d.line])).toEqual([
      ['broken.yaml', 1],
      ['design.yaml', lineOf(DESIGN, 'kind: Secret\n')],
      ['design.yaml', lineOf(DESIGN, 'apiVersion: v1\nkind: ConfigMap')],
    ]);
  });
});
