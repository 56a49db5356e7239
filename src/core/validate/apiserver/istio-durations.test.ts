import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from '../../resources/parse.js';
import type { KubeObject } from '../../resources/types.js';
import { apiServerIssues } from './index.js';
import { goDurationMs } from './istio-durations.js';

function issues(obj: KubeObject): string[] {
  const [resource] = parse([{ name: 't.yaml', text: dump(obj) }]).resources;
  if (!resource) throw new Error('not parsed');
  return apiServerIssues(resource).map((i) => `${i.code}@${i.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').slice(1)}`);
}

const vs = (http: KubeObject): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'v' }, spec: { hosts: ['h'], http: [{ ...http, route: [{ destination: { host: 'h' } }] }] } });
const dr = (spec: KubeObject): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'd' }, spec: { host: 'h', ...spec } });

// Go time.ParseDuration, as CEL duration() reads it.
describe('goDurationMs', () => {
  it.each([
    ['1ms', 1],
    ['1.5s', 1500],
    ['1h30m', 5_400_000],
    ['250us', 0.25],
    ['0', 0],
    ['0s', 0],
    ['.5s', 500],
    ['-1s', -1000],
    ['10', undefined],
    ['1 s', undefined],
    ['1d', undefined],
    ['', undefined],
    ['s', undefined],
  ] as const)('%j → %s', (text, want) => {
    expect(goDurationMs(text)).toBe(want);
  });
});

// Istio CRDs: duration(self) >= duration('1ms') on each duration field.
describe('Istio durations of at least 1ms', () => {
  it.each([
    ['timeout 0s', vs({ timeout: '0s' }), ['DurationInvalid@spec.http[0].timeout']],
    ['timeout 10s', vs({ timeout: '10s' }), []],
    ['perTryTimeout 0.5ms', vs({ retries: { attempts: 2, perTryTimeout: '0.5ms' } }), ['DurationInvalid@spec.http[0].retries.perTryTimeout']],
    ['a fixed delay that is not a duration', vs({ fault: { delay: { fixedDelay: '5 seconds' } } }), ['DurationInvalid@spec.http[0].fault.delay.fixedDelay']],
    ['CORS maxAge 24h', vs({ corsPolicy: { maxAge: '24h' } }), []],
    ['a DestinationRule connect timeout 0s', dr({ trafficPolicy: { connectionPool: { tcp: { connectTimeout: '0s' } } } }), ['DurationInvalid@spec.trafficPolicy.connectionPool.tcp.connectTimeout']],
    ['a subset port-level outlier interval 0s', dr({ subsets: [{ name: 'v1', labels: { v: '1' }, trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, outlierDetection: { interval: '0s' } }] } }] }), ['DurationInvalid@spec.subsets[0].trafficPolicy.portLevelSettings[0].outlierDetection.interval']],
    ['a DestinationRule with sound durations', dr({ trafficPolicy: { connectionPool: { http: { idleTimeout: '1h' } }, outlierDetection: { interval: '10s', baseEjectionTime: '30s' } } }), []],
  ])('%s', (_, obj, want) => {
    expect(issues(obj)).toEqual(want);
  });
});
