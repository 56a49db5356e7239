import { describe, expect, it } from 'vitest';
import { analyzeSubsets } from './subset-not-found.js';
import { at, destinationRule, routeTo, service, serviceEntry, virtualService, vsInput } from './vs-testing.js';

const vs = (destination: string, ns = 'default'): string => virtualService('r', ns, 'r', routeTo(destination));
const reviews = service('reviews', 'default', [9080]);
const rule = destinationRule('reviews', 'default', 'reviews', ['v1', 'v2']);

// Cases after istioctl's testdata virtualservice_destinationrules.yaml.
describe('IstioSubsetNotFound (IST0101)', () => {
  it.each([
    ['a subset the rule does not define', reviews + rule + vs('{host: reviews, subset: bogus}'), ['default/r spec.http[0].route[0].destination.subset']],
    ['no rule for the host', reviews + vs('{host: reviews, subset: v1}'), ['default/r spec.http[0].route[0].destination.subset']],
    ['a rule for another host', reviews + destinationRule('x', 'default', 'ratings', ['v1']) + vs('{host: reviews, subset: v1}'), ['default/r spec.http[0].route[0].destination.subset']],
    ['a mirror subset', reviews + rule + virtualService('r', 'default', 'r', 'http: [{route: [{destination: {host: reviews}}], mirror: {host: reviews, subset: bogus}}]'), ['default/r spec.http[0].mirror.subset']],
    ['a defined subset', reviews + rule + vs('{host: reviews, subset: v2}'), []],
    ['short host in the rule, FQDN in the route', reviews + rule + vs('{host: reviews.default.svc.cluster.local, subset: v1}'), []],
    ['a rule in another namespace by FQDN', service('reviews', 'other', [9080]) + destinationRule('r', 'istio-system', 'reviews.other.svc.cluster.local', ['v1']) + vs('{host: reviews.other.svc.cluster.local, subset: v1}'), []],
    ['a wildcard rule host', serviceEntry('ext', 'default', 'api.example.com', [443]) + destinationRule('all', 'default', '*.example.com', ['blue']) + vs('{host: api.example.com, subset: blue}'), []],
    ['no subset', reviews + vs('{host: reviews}'), []],
    ['a host not found (reported once, as the host)', vs('{host: bogus, subset: v1}'), []],
  ])('%s', (_, yaml, expected) => {
    const found = analyzeSubsets(vsInput(yaml));
    expect(at(found)).toEqual(expected);
    expect(found.every((d) => d.istioCode === 'IST0101' && d.code === 'IstioSubsetNotFound' && d.severity === 'error')).toBe(true);
  });

  it.each([
    ['no rule in the design: assumed outside it', vs('{host: reviews, subset: v1}'), []],
    ['the design\'s rule for the host lacks it', rule + vs('{host: reviews, subset: v9}'), ['default/r spec.http[0].route[0].destination.subset']],
  ])('--assume-external, host outside the design: %s', (_, yaml, expected) => {
    expect(at(analyzeSubsets(vsInput(yaml, true)))).toEqual(expected);
  });

  it('names the rule and the subsets it defines', () => {
    const [d] = analyzeSubsets(vsInput(reviews + rule + vs('{host: reviews, subset: bogus}')));
    expect(d?.message).toContain('default/reviews');
    expect(d?.message).toContain('v1, v2');
  });
});
