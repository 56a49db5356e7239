import { describe, expect, it } from 'vitest';
import { isIP } from './ip-address.js';
import { gatewayApiObject, uncovered, violations, type CelCase } from './testing.js';

const hosts = (...hostnames: unknown[]) => gatewayApiObject('TLSRoute', { hostnames, rules: [{ backendRefs: [{ name: 'api', port: 443 }] }] });

const cases: CelCase[] = [
  { code: 'TLSRouteHostnameIP', name: 'an IPv4 literal', obj: hosts('a.example.com', '10.0.0.1'), want: ['spec.hostnames[1]'] },
  { code: 'TLSRouteHostnameIP', name: 'an IPv6 literal', obj: hosts('2001:db8::1'), want: ['spec.hostnames[0]'] },
  { code: 'TLSRouteHostnameIP', name: 'leading zeros are not an IP to isIP', obj: hosts('010.0.0.1'), want: [] },
  { code: 'TLSRouteHostnameIP', name: 'names', obj: hosts('a.example.com', '*.example.com'), want: [] },
  { code: 'TLSRouteHostnameInvalid', name: 'upper case', obj: hosts('A.example.com'), want: ['spec.hostnames[0]'] },
  { code: 'TLSRouteHostnameInvalid', name: 'an underscore', obj: hosts('ok.com', 'a_b.com'), want: ['spec.hostnames[1]'] },
  { code: 'TLSRouteHostnameInvalid', name: 'an IPv4-mapped IPv6 address is not an IP, and not a name', obj: hosts('::ffff:10.0.0.1'), want: ['spec.hostnames[0]'] },
  { code: 'TLSRouteHostnameInvalid', name: 'an IPv4 literal matches the pattern', obj: hosts('10.0.0.1'), want: [] },
  { code: 'TLSRouteHostnameInvalid', name: 'wildcards are the other rule', obj: hosts('*.Example.com'), want: [] },
  { code: 'TLSRouteHostnameInvalid', name: 'a non-string entry is the schema\'s', obj: hosts(42), want: [] },
  { code: 'TLSRouteHostnameWildcardInvalid', name: '* alone', obj: hosts('*'), want: ['spec.hostnames[0]'] },
  { code: 'TLSRouteHostnameWildcardInvalid', name: 'wildcard in the middle', obj: hosts('a.*.example.com'), want: ['spec.hostnames[0]'] },
  { code: 'TLSRouteHostnameWildcardInvalid', name: 'two wildcards', obj: hosts('*.*.example.com'), want: ['spec.hostnames[0]'] },
  { code: 'TLSRouteHostnameWildcardInvalid', name: 'a partial-label wildcard', obj: hosts('*a.example.com'), want: ['spec.hostnames[0]'] },
  { code: 'TLSRouteHostnameWildcardInvalid', name: 'a leading *. wildcard', obj: hosts('*.example.com'), want: [] },
];

describe('gateway-api.md §11.5 / tlsroutes CRD spec.hostnames', () => {
  it.each(cases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));

  it('covers every TLSRoute rule with a passing and a failing case', () => {
    expect(uncovered(cases, 'TLSRoute')).toEqual([]);
  });
});

describe('isIP (Kubernetes CEL, Go netip.ParseAddr)', () => {
  it.each([
    ['1.2.3.4', true],
    ['255.255.255.255', true],
    ['256.1.1.1', false],
    ['01.2.3.4', false],
    ['1.2.3', false],
    ['::', true],
    ['::1', true],
    ['2001:db8::8a2e:370:7334', true],
    ['1:2:3:4:5:6:7:8', true],
    ['1:2:3:4:5:6:7::', true],
    ['1:2:3:4:5:6:7:8:9', false],
    ['1:2:3:4::5:6:7:8', false],
    ['1::2::3', false],
    ['::1.2.3.4', true],
    ['64:ff9b::1.2.3.4', true],
    ['::ffff:1.2.3.4', false],
    ['::ffff:102:304', false],
    ['fe80::1%eth0', false],
    ['12345::', false],
    ['example.com', false],
    ['', false],
  ])('%s → %s', (s, want) => expect(isIP(s)).toBe(want));
});
