import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DNS1035_LABEL, DNS1123_LABEL, DNS1123_SUBDOMAIN, nameFault, suggestName, utf8Length, type NameFormat } from './dns.js';
import { labelValueFault, qualifiedNameFault, suggestLabelValue, suggestQualifiedName } from './qualified-name.js';

const FORMATS: readonly [string, NameFormat][] = [
  ['subdomain', DNS1123_SUBDOMAIN],
  ['label', DNS1123_LABEL],
  ['1035', DNS1035_LABEL],
];
const F = Object.fromEntries(FORMATS);

// apimachinery pkg/util/validation: IsDNS1123Subdomain, IsDNS1123Label, IsDNS1035Label.
describe('name formats', () => {
  it.each([
    ['subdomain', 'my-route', undefined],
    ['subdomain', 'a.b-c.d', undefined],
    ['subdomain', '0abc', undefined],
    ['subdomain', 'a'.repeat(253), undefined],
    ['subdomain', 'a'.repeat(254), 'length'],
    ['subdomain', 'Bad_Name', 'characters'],
    ['subdomain', '<img src=x>', 'characters'],
    ['subdomain', '-a', 'characters'],
    ['subdomain', 'a-', 'characters'],
    ['subdomain', 'a..b', 'characters'],
    ['subdomain', '.a', 'characters'],
    ['label', 'team-a', undefined],
    ['label', '1team', undefined],
    ['label', 'a.b', 'characters'],
    ['label', 'a'.repeat(63), undefined],
    ['label', 'a'.repeat(64), 'length'],
    ['1035', 'web', undefined],
    ['1035', '1web', 'characters'],
    ['1035', 'web.v1', 'characters'],
    ['1035', 'Web', 'characters'],
    ['1035', 'a'.repeat(64), 'length'],
  ] as const)('%s %j → %s', (format, value, want) => {
    expect(nameFault(value, F[format] as NameFormat)).toBe(want);
  });

  it.each([
    ['web-', undefined],
    ['Web-', 'characters'],
    ['-', 'characters'],
    ['web--', undefined],
  ] as const)('generateName %j (a prefix) → %s', (value, want) => {
    expect(nameFault(value, DNS1123_SUBDOMAIN, true)).toBe(want);
  });

  it.each([
    ['subdomain', 'Bad_Name', 'bad-name'],
    ['subdomain', '<img src=x>', 'img-src-x'],
    ['subdomain', '-a', 'a'],
    ['subdomain', 'a'.repeat(254), 'a'.repeat(253)],
    ['subdomain', 'Shop.Example..COM', 'shop.example.com'],
    ['label', 'my.gw', 'my-gw'],
    ['1035', '1web', 'web'],
    ['subdomain', '___', undefined],
    ['subdomain', 'ok', undefined],
  ] as const)('suggests for %s %j: %j', (format, value, want) => {
    expect(suggestName(value, F[format] as NameFormat)).toBe(want);
  });

  it.each(FORMATS)('every %s suggestion is accepted by its format', (_, format) => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const fix = suggestName(s, format);
        return fix === undefined || nameFault(fix, format) === undefined;
      }),
    );
  });
});

// apimachinery pkg/api/validate/content/kube.go: IsLabelKey (IsQualifiedName), IsLabelValue.
describe('qualified names and label values', () => {
  it.each([
    ['app', false],
    ['app.kubernetes.io/name', false],
    ['example.com/My_Key.v1', false],
    ['a'.repeat(63), false],
    ['a'.repeat(64), true],
    [`${'a'.repeat(253)}/x`, false],
    [`${'a'.repeat(254)}/x`, true],
    ['app name', true],
    ['Example.com/app', true],
    ['a/b/c', true],
    ['/app', true],
    ['example.com/', true],
    ['', true],
    ['-app', true],
    ['__proto__', true],
  ] as const)('key %j invalid: %s', (key, invalid) => {
    expect(qualifiedNameFault(key) !== undefined).toBe(invalid);
  });

  it.each([
    ['', false],
    ['v1.2_3-x', false],
    ['a'.repeat(63), false],
    ['a'.repeat(64), true],
    ['v 1', true],
    ['-v', true],
    ['v_', true],
  ] as const)('value %j invalid: %s', (value, invalid) => {
    expect(labelValueFault(value) !== undefined).toBe(invalid);
  });

  it('suggestions are valid', () => {
    expect(suggestQualifiedName('app name')).toBe('app-name');
    expect(suggestQualifiedName('Example.com/my key')).toBe('example.com/my-key');
    expect(suggestLabelValue('v 1')).toBe('v-1');
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const key = suggestQualifiedName(s);
        const value = suggestLabelValue(s);
        return (key === undefined || qualifiedNameFault(key) === undefined) && (value === undefined || labelValueFault(value) === undefined);
      }),
    );
  });
});

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
  ] as const)('%j is %i bytes', (s, n) => {
    expect(utf8Length(s)).toBe(n);
  });
});
