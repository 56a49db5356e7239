import { describe, expect, it } from 'vitest';
import type { RedirectAction } from '../compile/types.js';
import { implementationLocation, type RedirectRequest } from './implementation-redirect.js';

/**
 * Location by implementation, from their sources (implementation-redirect.ts): Envoy keeps the Host
 * header when no port is sent (dropping :80 / :443 only when the scheme changes away from it), a
 * hostname replaces host and port; NGINX Gateway Fabric writes `host:port` unless a scheme is set.
 */
const action = (a: Partial<RedirectAction>): RedirectAction => ({ kind: 'redirect', scheme: null, hostname: null, port: null, portPolicy: 'GatewayAPI', path: null, statusCode: 302, ...a });
const req = (scheme: string, authority: string, listenerPort: number): RedirectRequest => ({ scheme, authority, host: authority.replace(/:\d+$/, ''), listenerPort, pathAndQuery: '/p?q=1' });

describe('implementationLocation', () => {
  it.each([
    // [rule, filter, request, Location]
    ['envoy-istio', { scheme: 'https' }, req('http', 'h:8080', 8080), 'https://h:8080/p?q=1'],
    ['envoy-istio', { scheme: 'https' }, req('http', 'h:80', 80), 'https://h/p?q=1'],
    ['envoy-istio', { scheme: 'https' }, req('http', 'h', 80), 'https://h/p?q=1'],
    ['envoy-istio', {}, req('http', 'h:8080', 8080), 'http://h:8080/p?q=1'],
    ['envoy-istio', { port: 8443, scheme: 'https' }, req('http', 'h:8080', 8080), 'https://h:8443/p?q=1'],
    ['envoy-istio', { hostname: 'example.org' }, req('http', 'h:8080', 8080), 'http://example.org:8080/p?q=1'],
    ['envoy-gateway', { port: 443, scheme: 'https' }, req('http', 'h:8080', 8080), 'https://h:8080/p?q=1'],
    ['envoy-gateway', { hostname: 'example.org', port: 443, scheme: 'https' }, req('http', 'h:8080', 8080), 'https://example.org/p?q=1'],
    ['envoy-gateway', { scheme: 'http' }, req('https', 'h:443', 443), 'http://h/p?q=1'],
    ['envoy-gateway', {}, req('http', 'h:9090', 9090), 'http://h:9090/p?q=1'],
    ['nginx', {}, req('http', 'h', 80), 'http://h:80/p?q=1'],
    ['nginx', { scheme: 'https' }, req('http', 'h:8080', 8080), 'https://h/p?q=1'],
    ['nginx', { scheme: 'https', port: 8443 }, req('http', 'h:8080', 8080), 'https://h:8443/p?q=1'],
    ['nginx', { scheme: 'http', port: 80 }, req('http', 'h:8080', 8080), 'http://h/p?q=1'],
  ] as const)('%s %j %j → %s', (rule, filter, request, location) => {
    expect(implementationLocation(rule, action(filter), request)).toBe(location);
  });
});
