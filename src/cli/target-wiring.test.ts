import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { memoryIO } from './test-io.js';

// Issue 14: --target reaches the core. The rules themselves are the core's (and tested there);
// these cases only show that each command passes the target on.

/** An Istio route with retries: its HTTPRoute form needs `retry`, experimental-only through v1.6.1. */
const RETRYING_VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: cart, namespace: shop}
spec:
  hosts: [cart]
  http:
    - route: [{destination: {host: cart, port: {number: 80}}}]
      retries: {attempts: 2, retryOn: "503"}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {ports: [{port: 80}]}
`;

/** An Istio TLS passthrough route: a TLSRoute, served in the standard channel from v1.5.0 only. */
const TLS_VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: db, namespace: data}
spec:
  hosts: [db.example.com]
  gateways: [edge]
  tls:
    - match: [{sniHosts: [db.example.com]}]
      route: [{destination: {host: db, port: {number: 5432}}}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: data}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: [db.example.com], tls: {mode: PASSTHROUGH}}]
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: data}
spec: {ports: [{port: 5432}]}
`;

interface Converted {
  readonly code: number;
  readonly kinds: string[];
  readonly loss: { code: string; path: string | null }[];
}

async function convertJson(yaml: string, flags: readonly string[]): Promise<Converted> {
  const io = memoryIO({ 'in.yaml': yaml });
  const code = await run(['convert', 'in.yaml', '--to', 'gateway-api', '--format', 'json', ...flags], io);
  const out = JSON.parse(io.out) as { items: { kind: string }[]; loss: { code: string; path: string | null }[] };
  return { code, kinds: out.items.map((i) => i.kind), loss: out.loss.map((l) => ({ code: l.code, path: l.path })) };
}

describe('convert --target writes for the target', () => {
  it.each([
    ['no target: retry is written', RETRYING_VS, [], 0, ['HTTPRoute', 'Service'], []],
    ['experimental channel: retry is written', RETRYING_VS, ['--target', 'channel=experimental'], 0, ['HTTPRoute', 'Service'], []],
    ['standard channel: retry is left out, with the reason', RETRYING_VS, ['--target', 'channel=standard'], 3, ['HTTPRoute', 'Service'], ['NotInTargetRelease']],
    ['v1.4 standard: no TLSRoute', TLS_VS, ['--target=gateway-api=v1.4,channel=standard'], 3, ['Gateway', 'Service'], ['KindNotInTarget']],
    ['v1.5 standard: TLSRoute is served', TLS_VS, ['--target=gateway-api=v1.5,channel=standard'], 0, ['Gateway', 'TLSRoute', 'Service'], []],
  ] as const)('%s', async (_name, yaml, flags, code, kinds, losses) => {
    const got = await convertJson(yaml, flags);
    expect(got.code).toBe(code);
    expect([...got.kinds].sort()).toEqual([...kinds].sort());
    expect(got.loss.map((l) => l.code)).toEqual(losses);
  });
});
