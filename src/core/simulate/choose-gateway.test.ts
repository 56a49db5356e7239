import { describe, expect, it } from 'vitest';
import { design, ask } from '../compile/istio/test-kit.js';

// An Istio Gateway's server port is the gateway workload's own port; its Service may expose it as
// another (Bookinfo's Gateway binds 8080 behind Service port 80): a request to a port no gateway
// listens on is answered 404 with the ports they do listen on.
describe('no gateway listens on the request port', () => {
  const d = design(`
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 8080, name: http, protocol: HTTP}, hosts: ["*"]}]
`);
  it('says which ports the gateways listen on, and why an Istio port may differ', () => {
    const decision = ask(d, 'GET http://shop.example.com/');
    expect(decision.status).toBe(404);
    expect(decision.outcomes[0]?.reason).toMatch(/^no gateway has a listener on port 80 that accepts http:\/\/shop\.example\.com \(the gateways listen on 8080; an Istio Gateway's server port is its workload's own port/);
  });
  it('no hint when a gateway listens on the port but refuses the host', () => {
    const decision = ask(d, 'GET http://shop.example.com:8080/');
    expect(decision.outcomes[0]?.reason ?? '').not.toMatch(/the gateways listen on/);
  });
});
