import { describe, expect, it } from 'vitest';
import { parseTargetSpec } from '../../core/index';
import { classControllers, implementationChoices, releaseChoices, reportLine, resolveFields, versionChoices } from './target-choices';
import { DEFAULT_FIELDS, fieldsOf, linesOf, linesOfText, textOf } from './target-text';

describe('the target text and the picker fields', () => {
  it.each([
    ['', DEFAULT_FIELDS],
    ['channel=standard', { ...DEFAULT_FIELDS, channel: 'standard' }],
    ['gateway-api=v1.6,channel=standard,implementation=cilium@1.20.0', { ...DEFAULT_FIELDS, release: 'v1.6', channel: 'standard', implementation: 'cilium', version: '1.20.0' }],
    ['gateway-api=v1.4.1,implementation=envoy-gateway,istio=1.24', { ...DEFAULT_FIELDS, release: 'v1.4.1', implementation: 'envoy-gateway', istio: '1.24' }],
  ] as const)('%j ↔ its fields, read as the core reads it', (text, fields) => {
    expect(fieldsOf(text)).toEqual(fields);
    expect(textOf(fields)).toBe(text);
    const spec = parseTargetSpec(text);
    if (!spec.ok) throw new Error(spec.error);
    expect(spec.spec.gatewayApi ?? '').toBe(fields.release);
    expect(spec.spec.channel ?? 'experimental').toBe(fields.channel);
    expect(spec.spec.implementation ?? '').toBe(fields.implementation === '' ? '' : `${fields.implementation}${fields.version === '' ? '' : `@${fields.version}`}`);
  });

  it('reads what the CLI accepts too (a version with v, a release without)', () => {
    expect(fieldsOf('gateway-api=1.5, implementation=istio@v1.28')).toMatchObject({ release: 'v1.5', implementation: 'istio', version: '1.28' });
  });

  it('summarises the resolved target, and the text before it is resolved', () => {
    expect(linesOf({ release: 'v1.6.1', channel: 'standard', implementation: 'cilium v1.20.0', istio: null })).toEqual(['Gateway API v1.6.1', 'cilium v1.20.0 · standard']);
    expect(linesOfText('')).toEqual(['Gateway API newest', 'experimental channel']);
    expect(linesOfText('gateway-api=v1.5,implementation=istio@1.28,istio=1.24')).toEqual(['Gateway API v1.5', 'istio v1.28 · experimental · Istio 1.24']);
  });
});

describe('the picker choices', () => {
  it('offers the newest release, then each minor (its newest patch) and its patches, newest first', () => {
    const { newest, groups } = releaseChoices();
    expect(newest.value).toBe('');
    expect(groups[0]?.minor).toBe('v1.6');
    expect(groups[0]?.choices.map((c) => c.value)).toEqual(['v1.6', 'v1.6.1', 'v1.6.0']);
    expect(groups.at(-1)?.minor).toBe('v1.2');
  });

  it('offers every project with a report, and its released versions newest first (no branches or commits)', () => {
    const projects = implementationChoices().map((c) => c.value);
    expect(projects).toEqual(expect.arrayContaining(['cilium', 'envoy-gateway', 'istio']));
    const cilium = versionChoices('cilium').map((c) => c.value);
    expect(cilium.slice(0, 2)).toEqual(['1.20.0', '1.20.0-pre.2']);
    expect(cilium).not.toContain('main');
    // Every version offered is one a target can name.
    for (const project of ['cilium', 'istio', 'envoy-gateway', 'gke-gateway']) for (const { value } of versionChoices(project)) expect(resolveFields({ ...DEFAULT_FIELDS, implementation: project, version: value }).ok, `${project}@${value}`).toBe(true);
  });

  it('names the report a pick is judged by', () => {
    const r = resolveFields({ ...DEFAULT_FIELDS, release: 'v1.6', channel: 'standard', implementation: 'cilium', version: '1.20.0' });
    expect(reportLine(r)).toEqual({ name: 'cilium v1.20.0', path: 'conformance/reports/v1.6/cilium/standard-v1.20.0-default-report.yaml', covers: 'standard channel, default mode' });
    expect(reportLine(resolveFields(DEFAULT_FIELDS))).toBeNull();
  });

  it("finds the design's GatewayClasses and the implementation each controller belongs to", () => {
    const gc = (name: string, controllerName: string) => ({ kind: 'GatewayClass', name, object: { spec: { controllerName } } }) as unknown as Parameters<typeof classControllers>[0][number];
    expect(classControllers([gc('istio', 'istio.io/gateway-controller'), gc('edge', 'example.com/edge')])).toEqual([
      { name: 'edge', controllerName: 'example.com/edge', implementation: undefined },
      { name: 'istio', controllerName: 'istio.io/gateway-controller', implementation: 'istio' },
    ]);
  });
});
