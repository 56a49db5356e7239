import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from '../../resources/parse.js';
import type { KubeObject } from '../../resources/types.js';
import { validate } from '../index.js';
import { apiServerIssues } from './index.js';

const GW = 'gateway.networking.k8s.io/v1';
const ISTIO = 'networking.istio.io/v1';

/** The API-server issues of one object, as `code@path`. */
function issues(obj: KubeObject): string[] {
  const [resource] = parse([{ name: 't.yaml', text: dump(obj) }]).resources;
  if (!resource) throw new Error('not parsed');
  return apiServerIssues(resource).map((i) => `${i.code}@${i.path.join('.')}`);
}

const object = (apiVersion: string, kind: string, metadata: KubeObject): KubeObject => ({ apiVersion, kind, metadata, spec: {} });
const NAME = 'NameInvalid@metadata.name';

// Each kind's rule: apiextensions-apiserver (custom resources: NameIsDNSSubdomain), kubernetes
// pkg/apis/core/validation (Service: NameIsDNS1035Label, Namespace: NameIsDNSLabel, Secret and
// ConfigMap: NameIsDNSSubdomain), istio pkg/config/validation ValidateGateway (DNS-1123 label).
describe('metadata.name by kind', () => {
  it.each([
    [GW, 'HTTPRoute', 'Bad_Name', [NAME]],
    [GW, 'HTTPRoute', '<img src=x>', [NAME]],
    [GW, 'HTTPRoute', '-a', [NAME]],
    [GW, 'HTTPRoute', 'a'.repeat(254), [NAME]],
    [GW, 'HTTPRoute', 'a'.repeat(253), []],
    [GW, 'HTTPRoute', 'shop.v1-route', []],
    [GW, 'Gateway', 'My-Gateway', [NAME]],
    [GW, 'GatewayClass', 'istio', []],
    ['v1', 'Service', 'web.v1', [NAME]],
    ['v1', 'Service', '1web', [NAME]],
    ['v1', 'Service', 'a'.repeat(64), [NAME]],
    ['v1', 'Service', 'web-1', []],
    ['v1', 'Namespace', 'team.a', [NAME]],
    ['v1', 'Namespace', '1team', []],
    ['v1', 'Secret', 'shop.example.com-tls', []],
    ['v1', 'Secret', 'Shop-TLS', [NAME]],
    ['v1', 'ConfigMap', 'ca.crt', []],
    [ISTIO, 'Gateway', 'my.gateway', [NAME]],
    [ISTIO, 'Gateway', 'my-gateway', []],
    [ISTIO, 'VirtualService', 'reviews.v1', []],
    [ISTIO, 'DestinationRule', 'Reviews', [NAME]],
    ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'system:controller:x', []],
    ['apps/v1', 'Deployment', 'Bad_Name', []],
  ] as const)('%s %s %j', (apiVersion, kind, name, want) => {
    expect(issues(object(apiVersion, kind, { name, ...(kind === 'Namespace' || kind.endsWith('Class') || kind === 'ClusterRole' ? {} : { namespace: 'default' }) }))).toEqual(want);
  });

  it.each([
    ['web-', []],
    ['Web-', ['NameInvalid@metadata.generateName']],
  ] as const)('generateName %j is a prefix', (generateName, want) => {
    expect(issues(object(GW, 'HTTPRoute', { name: 'x', generateName }))).toEqual(want);
  });
});

describe('metadata.namespace', () => {
  it.each([
    [GW, 'HTTPRoute', 'team-a', []],
    [GW, 'HTTPRoute', 'Bad_NS', ['NamespaceInvalid@metadata.namespace']],
    [GW, 'HTTPRoute', 'team.a', ['NamespaceInvalid@metadata.namespace']],
    ['v1', 'Service', 'a'.repeat(64), ['NamespaceInvalid@metadata.namespace']],
    // A cluster-scoped kind's namespace is cleared by the API server, not refused.
    [GW, 'GatewayClass', 'Bad_NS', []],
    ['apps/v1', 'Deployment', 'Bad_NS', []],
  ] as const)('%s %s in %j', (apiVersion, kind, namespace, want) => {
    expect(issues(object(apiVersion, kind, { name: 'x', namespace }))).toEqual(want);
  });
});

describe('messages say what to change, at the value', () => {
  it('names the format and a fix', () => {
    const text = dump(object(GW, 'HTTPRoute', { name: 'Bad_Name' }));
    const [d] = validate(parse([{ name: 'r.yaml', text }])).filter((x) => x.code === 'NameInvalid');
    expect(d?.message).toBe("metadata.name `Bad_Name` must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit — e.g. `bad-name`");
    const line = text.split('\n').findIndex((l) => l.includes('Bad_Name')) + 1;
    expect([d?.line, d?.column]).toEqual([line, (text.split('\n')[line - 1]?.indexOf('Bad_Name') ?? -1) + 1]);
  });

  it('says why for a Service and how long for a long name', () => {
    expect(validate(parse([{ name: 's.yaml', text: dump(object('v1', 'Service', { name: 'web.v1' })) }])).find((x) => x.code === 'NameInvalid')?.message).toContain('(a Service name is also its DNS name) — e.g. `web-v1`');
    expect(validate(parse([{ name: 's.yaml', text: dump(object(GW, 'HTTPRoute', { name: 'a'.repeat(254) })) }])).find((x) => x.code === 'NameInvalid')?.message).toContain("is 254 characters long: this HTTPRoute's name must be a lowercase RFC 1123 subdomain of at most 253 characters");
  });
});
