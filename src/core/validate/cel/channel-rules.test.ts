import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics/types.js';
import { parse } from '../../resources/parse.js';
import type { KubeObject } from '../../resources/types.js';
import type { Channel } from '../../target/availability-format.js';
import { validate } from '../index.js';
import { CHANNEL_ENUMS } from '../schema/channel-enums.js';
import DATA from './generated/channel-rules.js';
import { CEL_RULES, ruleApplies } from './index.js';

/**
 * Issue 16 scope 2: each channel is judged by its own CRDs. generated/channel-rules.js (npm run
 * gen:channel-rules) lists what differs between the standard and experimental CRDs of Gateway API
 * v1.6.1; this table test holds the validator to it, rule by rule, through `validate`.
 */
const other = (c: Channel): Channel => (c === 'standard' ? 'experimental' : 'standard');
const GROUP = 'gateway.networking.k8s.io';

function run(obj: KubeObject, channel: Channel): Diagnostic[] {
  return validate(parse([{ name: 'x.yaml', text: dump(obj) }]), { channel });
}

const object = (kind: string, version: string, spec: KubeObject): KubeObject => ({ apiVersion: `${GROUP}/${version}`, kind, metadata: { name: 'x', namespace: 'ns' }, spec });

/** Puts `filter` where `path` says: rule level, or inside the rule's one backendRef. */
function filterSpec(path: string, filter: KubeObject): KubeObject {
  return path.startsWith('spec.rules[].backendRefs[].filters[]') ? { rules: [{ backendRefs: [{ name: 'api', port: 80, filters: [filter] }] }] } : { rules: [{ filters: [filter], backendRefs: [{ name: 'api', port: 80 }] }] };
}

const filterAt = (path: string): string => (path.startsWith('spec.rules[].backendRefs[].filters[]') ? 'spec.rules[0].backendRefs[0].filters[0]' : 'spec.rules[0].filters[0]');
const gw = (extra: KubeObject = {}): KubeObject => ({ name: 'edge', ...extra });

/**
 * One object per differing rule (by its CRD message): refused by that rule in its channel, with
 * the path where it lands. Written from the v1.6.1 CRD rules (gateway-api.md §11.6).
 */
const VIOLATIONS: { readonly [message: string]: (path: string) => { readonly spec: KubeObject; readonly at: string } } = {
  'sectionName must be specified when parentRefs includes 2 or more references to the same parent': () => ({ spec: { parentRefs: [gw({ sectionName: 'a', port: 80 }), gw({ port: 81 })] }, at: 'spec.parentRefs[1]' }),
  'sectionName must be unique when parentRefs includes 2 or more references to the same parent': () => ({ spec: { parentRefs: [gw({ port: 80 }), gw({ port: 8080 })] }, at: 'spec.parentRefs[1]' }),
  'sectionName or port must be specified when parentRefs includes 2 or more references to the same parent': () => ({ spec: { parentRefs: [gw({ port: 80 }), gw()] }, at: 'spec.parentRefs[1]' }),
  'sectionName or port must be unique when parentRefs includes 2 or more references to the same parent': () => ({ spec: { parentRefs: [gw({ port: 80 }), gw({ port: 80 })] }, at: 'spec.parentRefs[1]' }),
  'Rule name must be unique within the route': () => ({ spec: { rules: [{ name: 'a' }, { name: 'a' }] }, at: 'spec.rules[1].name' }),
  'AbsoluteTimeout must be specified when cookie lifetimeType is Permanent': () => ({ spec: { rules: [{ sessionPersistence: { cookieConfig: { lifetimeType: 'Permanent' } } }] }, at: 'spec.rules[0].sessionPersistence.cookieConfig.lifetimeType' }),
  'cookieConfig can only be set with type Cookie': () => ({ spec: { rules: [{ sessionPersistence: { type: 'Header', cookieConfig: {} } }] }, at: 'spec.rules[0].sessionPersistence.cookieConfig' }),
  'filter.externalAuth must be nil if the filter.type is not ExternalAuth': (path) => ({ spec: filterSpec(path, { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'a', value: 'b' }] }, externalAuth: {} }), at: `${filterAt(path)}.externalAuth` }),
  'filter.externalAuth must be specified for ExternalAuth filter.type': (path) => ({ spec: filterSpec(path, { type: 'ExternalAuth' }), at: `${filterAt(path)}.type` }),
  "grpc must be specified when protocol is set to 'GRPC'": (path) => ({ spec: filterSpec(path, { type: 'ExternalAuth', externalAuth: { protocol: 'GRPC', backendRef: { name: 'auth', port: 9000 } } }), at: `${filterAt(path)}.externalAuth.protocol` }),
  "protocol must be 'GRPC' when grpc is set": (path) => ({ spec: filterSpec(path, { type: 'ExternalAuth', externalAuth: { protocol: 'HTTP', http: {}, grpc: {}, backendRef: { name: 'auth', port: 9000 } } }), at: `${filterAt(path)}.externalAuth.grpc` }),
  "http must be specified when protocol is set to 'HTTP'": (path) => ({ spec: filterSpec(path, { type: 'ExternalAuth', externalAuth: { protocol: 'HTTP', backendRef: { name: 'auth', port: 9000 } } }), at: `${filterAt(path)}.externalAuth.protocol` }),
  "protocol must be 'HTTP' when http is set": (path) => ({ spec: filterSpec(path, { type: 'ExternalAuth', externalAuth: { protocol: 'GRPC', grpc: {}, http: {}, backendRef: { name: 'auth', port: 9000 } } }), at: `${filterAt(path)}.externalAuth.http` }),
  'Must have port for Service reference': (path) => ({ spec: filterSpec(path, { type: 'ExternalAuth', externalAuth: { protocol: 'HTTP', http: {}, backendRef: { name: 'auth' } } }), at: `${filterAt(path)}.externalAuth.backendRef` }),
};

const fields = (field: string): string[] => field.split(', ');
const ruleCases = DATA.rules.flatMap((r) => r.versions.map((version) => ({ ...r, version, channel: r.channels[0] as Channel, name: `${r.kind} ${version} ${r.path}: ${r.message}` })));

describe(`the rules that differ between the channels (Gateway API ${DATA.source.tag} CRDs)`, () => {
  it('records the release and the commit it was generated from', () => {
    expect(DATA.source.tag).toBe('v1.6.1');
    expect(DATA.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(DATA.rules.length).toBeGreaterThan(0);
    for (const r of DATA.rules) expect(r.channels).toHaveLength(1);
  });

  it.each(ruleCases)('$name: implemented for its channel only', ({ kind, version, path, message, channel }) => {
    const rules = CEL_RULES.filter((r) => r.message === message && r.kinds.includes(kind) && fields(r.field).includes(path));
    expect(rules.map((r) => r.code)).toHaveLength(1);
    const [rule] = rules;
    if (!rule) return;
    expect(ruleApplies(rule, kind, version, channel)).toBe(true);
    expect(ruleApplies(rule, kind, version, other(channel))).toBe(false);
  });

  it.each(ruleCases)('$name: refused in its channel, not by it in the other', ({ kind, version, path, message, channel }) => {
    const make = VIOLATIONS[message];
    expect(make, 'a case for every differing rule').toBeDefined();
    if (!make) return;
    const { spec, at } = make(path);
    const hit = (d: Diagnostic): boolean => d.message === message && d.path === at && d.severity === 'error';
    expect(run(object(kind, version, spec), channel).filter(hit)).toHaveLength(1);
    expect(run(object(kind, version, spec), other(channel)).filter(hit)).toEqual([]);
  });

  it('every rule restricted to one channel is one the CRDs list', () => {
    const listed = new Set(DATA.rules.flatMap((r) => r.channels.map((c) => JSON.stringify([r.kind, r.message, c]))));
    for (const rule of CEL_RULES.filter((r) => r.channels !== undefined)) {
      for (const kind of rule.kinds) {
        for (const channel of rule.channels ?? []) {
          const versions = (DATA.served[kind]?.[channel] ?? []).filter((v) => ruleApplies(rule, kind, v, channel) && (DATA.served[kind]?.[other(channel)] ?? []).includes(v));
          for (const version of versions) expect(listed.has(JSON.stringify([kind, rule.message, channel])), `${rule.code} on ${kind} ${version} ${channel}`).toBe(true);
        }
      }
    }
  });
});

describe('rules that some served versions of a kind lack (experimental channel)', () => {
  const cases = DATA.versionRules.map((r) => ({ ...r, name: `${r.kind} ${r.versions.join(', ')}: ${r.message}` }));
  it.each(cases)('$name', ({ kind, versions, message }) => {
    const rule = CEL_RULES.find((r) => r.message === message && r.kinds.includes(kind) && (r.channels === undefined || r.channels.includes('experimental')));
    expect(rule).toBeDefined();
    if (!rule) return;
    for (const version of DATA.served[kind]?.experimental ?? []) expect(ruleApplies(rule, kind, version, 'experimental'), `${kind} ${version}`).toBe(versions.includes(version));
  });
});

describe('enum values that differ between the channels', () => {
  it('are the channel enums the schema check holds', () => {
    const byPath = (a: { readonly path: string }, b: { readonly path: string }) => a.path.localeCompare(b.path);
    const want = DATA.enums.map((e) => ({ kind: e.kind, path: e.path, values: { standard: e.standard, experimental: e.experimental } }));
    expect([...CHANNEL_ENUMS].sort(byPath)).toEqual(want.sort(byPath));
  });

  const cases = DATA.enums.flatMap((e) =>
    e.versions.flatMap((version) =>
      (['standard', 'experimental'] as const).flatMap((channel) => {
        const value = (e[channel] as readonly string[]).find((v) => !(e[other(channel)] as readonly string[]).includes(v));
        return value === undefined ? [] : [{ kind: e.kind, version, path: e.path, channel, value, name: `${e.kind} ${version} ${e.path} = ${value}` }];
      }),
    ),
  );

  it('has a value only one channel takes for every differing enum', () => {
    expect(cases.length).toBeGreaterThanOrEqual(DATA.enums.length);
  });

  it.each(cases)('$name: taken in its channel, refused (SchemaEnum) in the other', ({ kind, version, path, channel, value }) => {
    const at = `${filterAt(path)}.type`;
    const spec = filterSpec(path, { type: value });
    const enumAt = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'SchemaEnum' && d.path === at);
    expect(enumAt(run(object(kind, version, spec), channel))).toEqual([]);
    expect(enumAt(run(object(kind, version, spec), other(channel))).map((d) => d.severity)).toEqual(['error']);
  });
});

describe('patterns that differ between the channels', () => {
  /** An object holding `value` at a CRD path (`[]`: a one-item list). */
  function at(path: readonly string[], value: unknown): unknown {
    const [key, ...rest] = path;
    if (key === undefined) return value;
    const inner = at(rest, value);
    return key.endsWith('[]') ? { [key.slice(0, -2)]: [inner] } : { [key]: inner };
  }
  const written = (path: string): string => path.replace(/\[\]/g, '[0]');
  const cases = DATA.patterns.flatMap((p) => p.versions.map((version) => ({ ...p, version, name: `${p.kind} ${version} ${p.path}` })));

  it('are the header-value pattern of the experimental CRDs only', () => {
    expect(new Set(DATA.patterns.map((p) => `${String(p.standard)} → ${String(p.experimental)}`))).toEqual(new Set(['null → ^[!-~]+([\\t ]?[!-~]+)*$']));
  });

  it.each(cases)('$name: a value the pattern refuses is an error under experimental, a warning under standard', ({ kind, version, path }) => {
    const obj = { ...object(kind, version, {}), ...(at(path.split('.'), 'two  spaces') as KubeObject) };
    const found = (channel: Channel) => run(obj, channel).filter((d) => d.code === 'HeaderValueInvalid' && d.path === written(path)).map((d) => d.severity);
    expect(found('experimental')).toEqual(['error']);
    expect(found('standard')).toEqual(['warning']);
  });
});

describe('the Istio mesh input of issue 16', () => {
  const route = object('HTTPRoute', 'v1', {
    parentRefs: [
      { group: '', kind: 'Service', name: 'echo', port: 80 },
      { group: '', kind: 'Service', name: 'echo', port: 8080 },
    ],
    rules: [{ backendRefs: [{ name: 'echo', port: 80 }] }],
  });

  it('is valid under the experimental channel, the default', () => {
    expect(run(route, 'experimental').filter((d) => d.severity === 'error')).toEqual([]);
    expect(validate(parse([{ name: 'x.yaml', text: dump(route) }])).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('is refused under the standard channel', () => {
    expect(run(route, 'standard').map((d) => [d.code, d.path])).toEqual([['RouteParentRefSectionNameUnique', 'spec.parentRefs[1]']]);
  });
});
