import { describe, expect, it } from 'vitest';
import { codes, convertText, item } from './test-helpers.js';

// Issue 9: converting Istio → Gateway API intersects a regex rule with the more specific rules
// after it (order.ts: an exact path is tested against the regex, RE2 full match). With a
// backtracking engine `/(a+)+` against `/aaa…!` never finished; RE2 answers in linear time.
const design = (exact: string): string => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*/shop.example.com"]}]
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {ports: [{port: 8080}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: cart, namespace: shop}
spec:
  hosts: [shop.example.com]
  gateways: [infra/edge]
  http:
    - match: [{uri: {regex: "/(a+)+"}}]
      route: [{destination: {host: cart, port: {number: 8080}}}]
    - match: [{uri: {exact: "${exact}"}}]
      route: [{destination: {host: cart, port: {number: 8080}}}]
`;

type Rules = { matches?: { path?: { type: string; value: string } }[] }[];
const paths = (exact: string): { rules: string[][]; loss: string[] } => {
  const { result } = convertText(design(exact), { to: 'gateway-api' });
  const route = item(result, 'HTTPRoute', 'cart') as { spec: { rules: Rules } } | undefined;
  return { rules: (route?.spec.rules ?? []).map((r) => (r.matches ?? []).map((m) => `${m.path?.type} ${m.path?.value}`)), loss: codes(result) };
};

describe('convert: a backtracking regex before an exact match', () => {
  it('completes when the regex cannot hold for the exact path (/aaa…a!)', () => {
    const exact = `/${'a'.repeat(50)}!`;
    expect(paths(exact)).toEqual({ rules: [['RegularExpression /(a+)+'], [`Exact ${exact}`]], loss: [] });
  }, 5_000);

  it('keeps Istio first-match order when the regex holds for it: the exact path joins the regex rule', () => {
    const exact = `/${'a'.repeat(50)}`;
    expect(paths(exact)).toEqual({ rules: [['RegularExpression /(a+)+', `Exact ${exact}`], [`Exact ${exact}`]], loss: [] });
  }, 5_000);
});
