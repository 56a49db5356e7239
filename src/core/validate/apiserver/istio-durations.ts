import { formatPath, type PathSegment } from '../../resources/path.js';
import { isRecord, type Resource } from '../../resources/types.js';
import type { ApiServerIssue } from './codes.js';
import { showText } from './dns.js';

/**
 * Istio's CRDs (1.29 `manifests/charts/base/files/crd-all.gen.yaml`, networking v1) give every
 * duration field of a VirtualService and a DestinationRule the CEL rule
 * `duration(self) >= duration('1ms')`: the API server refuses a value CEL cannot read as a
 * duration (Go syntax: `1h30m`, `1.5s`, `250ms`) and any value under one millisecond — `0s`
 * included, though older Istio took it to mean "no timeout".
 */
const VS_FIELDS: readonly (readonly string[])[] = [['timeout'], ['retries', 'perTryTimeout'], ['retries', 'backoff'], ['fault', 'delay', 'fixedDelay'], ['fault', 'delay', 'exponentialDelay'], ['corsPolicy', 'maxAge']];
const POLICY_FIELDS: readonly (readonly string[])[] = [
  ['connectionPool', 'tcp', 'connectTimeout'],
  ['connectionPool', 'tcp', 'maxConnectionDuration'],
  ['connectionPool', 'tcp', 'tcpKeepalive', 'time'],
  ['connectionPool', 'tcp', 'tcpKeepalive', 'interval'],
  ['connectionPool', 'http', 'idleTimeout'],
  ['connectionPool', 'http', 'http2KeepAlive', 'interval'],
  ['connectionPool', 'http', 'http2KeepAlive', 'timeout'],
  ['loadBalancer', 'warmupDurationSecs'],
  ['loadBalancer', 'warmup', 'duration'],
  ['outlierDetection', 'interval'],
  ['outlierDetection', 'baseEjectionTime'],
];

export function istioDurationIssues(resource: Resource, out: ApiServerIssue[]): void {
  if (resource.family !== 'istio') return;
  const spec = resource.object.spec;
  if (!isRecord(spec)) return;
  if (resource.kind === 'VirtualService') {
    const http = Array.isArray(spec.http) ? spec.http : [];
    for (let i = 0; i < http.length; i++) check(http[i], ['spec', 'http', i], VS_FIELDS, out);
  } else if (resource.kind === 'DestinationRule') {
    policy(spec.trafficPolicy, ['spec', 'trafficPolicy'], out);
    const subsets = Array.isArray(spec.subsets) ? spec.subsets : [];
    for (let s = 0; s < subsets.length; s++) {
      const subset: unknown = subsets[s];
      if (isRecord(subset)) policy(subset.trafficPolicy, ['spec', 'subsets', s, 'trafficPolicy'], out);
    }
  }
}

function policy(tp: unknown, at: PathSegment[], out: ApiServerIssue[]): void {
  if (!isRecord(tp)) return;
  check(tp, at, POLICY_FIELDS, out);
  const ports = Array.isArray(tp.portLevelSettings) ? tp.portLevelSettings : [];
  for (let p = 0; p < ports.length; p++) check(ports[p], [...at, 'portLevelSettings', p], POLICY_FIELDS, out);
}

function check(root: unknown, at: PathSegment[], fields: readonly (readonly string[])[], out: ApiServerIssue[]): void {
  if (!isRecord(root)) return;
  for (const field of fields) {
    let v: unknown = root;
    for (const key of field) v = isRecord(v) ? v[key] : undefined;
    if (typeof v !== 'string') continue;
    const ms = goDurationMs(v);
    if (ms !== undefined && ms >= 1) continue;
    const path = [...at, ...field];
    const what = ms === undefined ? 'is not a duration' : 'is under 1ms';
    out.push({ code: 'DurationInvalid', severity: 'error', message: `${formatPath(path)} ${showText(v)} ${what}: the Istio CRD takes a duration of at least 1ms, such as \`250ms\`, \`1.5s\` or \`1h30m\`${ms === 0 ? ' (to disable a timeout, remove the field)' : ''}`, path });
  }
}

const UNIT_MS: { readonly [unit: string]: number } = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration (which CEL's `duration()` uses), in milliseconds; undefined when unreadable. */
export function goDurationMs(text: string): number | undefined {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '');
  if (body === '0') return 0;
  const re = /([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let end = 0;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    const n = m[1] ?? '';
    if (!/[0-9]/.test(n)) return undefined;
    total += Number(n) * (UNIT_MS[m[2] ?? ''] ?? 0);
    end = re.lastIndex;
  }
  return body !== '' && end === body.length ? sign * total : undefined;
}
