import { describe, expect, it } from 'vitest';
import { BASE, vs } from '../../compile/istio/test-kit.js';
import { codes, reachOf, states } from './testing.js';

const route = (host = 'a'): string => `    route: [{destination: {host: ${host}}}]`;

describe('unreachable VirtualService rules (first match)', () => {
  const cases: [string, string, string[]][] = [
    ['the same uri prefix twice: the second rule is unreachable (IST0130)', vs(`  - match: [{uri: {prefix: /a}}]\n${route()}\n  - match: [{uri: {prefix: /a/b}}]\n${route('b')}\n`), ['RuleUnreachable@shop spec.http[1] IST0130']],
    ['the longer prefix first: both reachable', vs(`  - match: [{uri: {prefix: /a/b}}]\n${route()}\n  - match: [{uri: {prefix: /a}}]\n${route('b')}\n`), []],
    ['Istio prefix is a string prefix: /foo covers /foobar', vs(`  - match: [{uri: {prefix: /foo}}]\n${route()}\n  - match: [{uri: {exact: /foobar}}]\n${route('b')}\n`), ['RuleUnreachable@shop spec.http[1] IST0130']],
    ['a rule without match before others (only the last rule may have none)', vs(`  - ${route().trim()}\n  - match: [{uri: {prefix: /a}}]\n${route('b')}\n`), ['RuleUnreachable@shop spec.http[1] IST0130']],
    ['a match of a later rule duplicating an earlier one (IST0131)', vs(`  - match: [{uri: {exact: /x}}]\n${route()}\n  - match: [{uri: {exact: /x}}, {uri: {exact: /y}}]\n${route('b')}\n`), ['MatchUnreachable@shop spec.http[1].match[0] IST0131']],
    ['a header condition narrows the first rule: both reachable', vs(`  - match: [{uri: {prefix: /a}, headers: {x-canary: {exact: "1"}}}]\n${route()}\n  - match: [{uri: {prefix: /a}}]\n${route('b')}\n`), []],
    ['ignoreUriCase first covers a later case-sensitive prefix', vs(`  - match: [{uri: {prefix: /foo}, ignoreUriCase: true}]\n${route()}\n  - match: [{uri: {prefix: /FOO/bar}}]\n${route('b')}\n`), ['RuleUnreachable@shop spec.http[1] IST0130']],
    ['case-sensitive first does not cover a later ignoreUriCase', vs(`  - match: [{uri: {prefix: /foo}}]\n${route()}\n  - match: [{uri: {prefix: /foo/x}, ignoreUriCase: true}]\n${route('b')}\n`), []],
    ['withoutHeaders first, then the header set: reachable; then the header absent: unreachable', vs(`  - match: [{withoutHeaders: {x-canary: {exact: "true"}}}]\n${route()}\n  - match: [{headers: {x-canary: {exact: "true"}}}]\n${route('b')}\n  - match: [{headers: {x-canary: {exact: "false"}}}]\n${route('c')}\n`), ['RuleUnreachable@shop spec.http[2] IST0130']],
    ['a plain rule after withoutHeaders is reached with the header', vs(`  - match: [{withoutHeaders: {x-canary: {exact: "true"}}}]\n${route()}\n  - ${route('b').trim()}\n`), []],
    ['a method regex covers a later exact method', vs(`  - match: [{method: {regex: "GET|HEAD"}}]\n${route()}\n  - match: [{method: {exact: GET}, uri: {prefix: /z}}]\n${route('b')}\n`), ['RuleUnreachable@shop spec.http[1] IST0130']],
    ['rewrite of prefix /api to / gives //x', vs(`  - match: [{uri: {prefix: /api}}]\n    rewrite: {uri: /}\n${route()}\n`), ['RewriteDoubleSlash@shop spec.http[0].rewrite']],
    ['rewrite of prefix /api/ to / is fine', vs(`  - match: [{uri: {prefix: /api/}}]\n    rewrite: {uri: /}\n${route()}\n`), []],
    ['a regex rewrite to the empty string', vs(`  - match: [{uri: {exact: /old}}]\n    rewrite: {uriRegexRewrite: {match: "^/old$", rewrite: ""}}\n${route()}\n`), ['RewriteEmptyPath@shop spec.http[0].rewrite']],
    ['a regex rewrite that keeps a path', vs(`  - match: [{uri: {exact: /old}}]\n    rewrite: {uriRegexRewrite: {match: "^/old$", rewrite: "/new"}}\n${route()}\n`), []],
    ['a redirect that changes nothing loops', vs(`  - match: [{uri: {prefix: /r}}]\n    redirect: {authority: shop.example.com}\n`), ['RedirectLoop@shop spec.http[0].redirect']],
    ['a redirect elsewhere does not loop', vs(`  - match: [{uri: {prefix: /r}}]\n    redirect: {uri: /elsewhere}\n`), []],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(codes(reachOf(text))).toEqual(expected);
  });

  it('a rule shadowed in the mesh but reachable at the gateway is reachable; a source-labelled rule first leaves the next reachable', () => {
    const text = `${BASE}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a, namespace: shop}
spec:
  hosts: [a]
  http:
  - match: [{sourceLabels: {app: web}}]
    route: [{destination: {host: b}}]
  - route: [{destination: {host: a}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: g, namespace: shop}
spec:
  hosts: [c]
  gateways: [istio-system/gw, mesh]
  http:
  - match: [{gateways: [mesh]}]
    route: [{destination: {host: b}}]
  - route: [{destination: {host: a}}]
`;
    const r = reachOf(text);
    expect(codes(r)).toEqual([]);
    expect(states(r)).toEqual(['a spec.http[0] reachable', 'a spec.http[1] reachable', 'g spec.http[0] reachable', 'g spec.http[1] reachable']);
    const web = r.rules.find((x) => x.rule.resource.name === 'a' && x.rule.path === 'spec.http[0]');
    expect(web).toMatchObject({ witness: { mesh: { from: expect.stringMatching(/\/reach-witness$/), labels: { app: 'web' } } } });
  });
});

describe("istioctl's meaning of IST0130 / IST0131 (pkg/config/analysis/analyzers testdata: duplicate and overlapping matches)", () => {
  const text = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: first-has-no-match, namespace: foo}
spec:
  hosts: [sample.foo.svc.cluster.local]
  http:
  - route: [{destination: {host: sample.foo.svc.cluster.local}}]
  - route: [{destination: {host: sample.bar.svc.cluster.local}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: same-prefix-twice, namespace: foo}
spec:
  hosts: [sample.baz.svc.cluster.local]
  http:
  - match: [{uri: {prefix: /api/v1/products}}]
    route: [{destination: {host: sample.foo.svc.cluster.local}}]
  - match: [{uri: {prefix: /api/v1/products}}]
    route: [{destination: {host: sample.bar.svc.cluster.local}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: one-match-repeated, namespace: foo}
spec:
  hosts: [sample.bar.svc.cluster.local]
  http:
  - match: [{uri: {prefix: /api/v1/products}}]
    route: [{destination: {host: sample.foo.svc.cluster.local}}]
  - match: [{uri: {prefix: /api/v1/products}}, {uri: {prefix: /potato}}]
    route: [{destination: {host: sample.bar.svc.cluster.local}}]
${['foo', 'bar', 'baz'].map((ns) => `---\napiVersion: v1\nkind: Service\nmetadata: {name: sample, namespace: ${ns}}\nspec: {ports: [{port: 80, name: http}]}\n`).join('')}`;

  it('reports the unused rules (IST0130) and the unused match (IST0131), one problem per cause', () => {
    expect(codes(reachOf(text))).toEqual([
      'MatchUnreachable@one-match-repeated spec.http[1].match[0] IST0131',
      'RuleUnreachable@first-has-no-match spec.http[1] IST0130',
      'RuleUnreachable@same-prefix-twice spec.http[1] IST0130',
    ]);
  });
});
