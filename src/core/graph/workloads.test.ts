import { describe, expect, it } from 'vitest';
import bookinfo from '../../../e2e/fixtures/shown/bookinfo-like.yaml?raw';
import { edgeLines, graphOf, short } from './test-helpers.js';
import type { RouteGraph } from './types.js';

const pills = (g: RouteGraph) => g.nodes.filter((n) => n.role === 'workload' && n.aside === undefined).map((n) => short(n.id));
const aside = (g: RouteGraph) => g.nodes.filter((n) => n.aside !== undefined).map((n) => `${short(n.id)} ${n.aside}`);
/** Edges from Services to workloads: `Service/ns/name[#subset:x] -> Kind/ns/name`. */
const picks = (g: RouteGraph) => edgeLines(g, ['ref']).filter((l) => l.startsWith('ref Service/')).map((l) => l.slice(4));

describe('buildGraph: a Bookinfo-like design', () => {
  const g = graphOf(bookinfo);

  it('draws the Deployments as workload pills, the rest of what it does not model aside', () => {
    expect(pills(g)).toEqual(['Deployment/books/productpage-v1', 'Deployment/books/details-v1', 'Deployment/books/ratings-v1', 'Deployment/books/reviews-v1', 'Deployment/books/reviews-v2', 'Deployment/books/reviews-v3']);
    expect(aside(g)).toEqual([
      'ServiceAccount/books/books-productpage unmodelled',
      'ServiceAccount/books/books-details unmodelled',
      'ServiceAccount/books/books-reviews unmodelled',
      'ServiceAccount/books/books-ratings unmodelled',
      'ConfigMap/books/reviews-settings unreferenced',
    ]);
  });

  it('links each pill to its Service, from the subset row whose labels pick it', () => {
    expect(picks(g)).toEqual([
      'Service/books/productpage#subset:v1 -> Deployment/books/productpage-v1',
      'Service/books/details#subset:v1 -> Deployment/books/details-v1',
      'Service/books/ratings#subset:v1 -> Deployment/books/ratings-v1',
      'Service/books/reviews#subset:v1 -> Deployment/books/reviews-v1',
      'Service/books/reviews#subset:v2 -> Deployment/books/reviews-v2',
      'Service/books/reviews#subset:v3 -> Deployment/books/reviews-v3',
    ]);
  });

  it('names the pod labels on the pill', () => {
    expect(g.nodes.find((n) => n.id === 'apps/Deployment/books/reviews-v2')?.subtitle).toBe('app=reviews,version=v2');
  });
});

const service = (name: string, selector: string, extra = '') => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: web}
spec: {selector: ${selector}, ports: [{port: 80}]${extra}}
`;
const workload = (kind: string, name: string, labels: string, ns = 'web', meta = '') => {
  const [apiVersion, where] =
    kind === 'Pod' ? ['v1', 'pod'] : kind === 'CronJob' ? ['batch/v1', 'cron'] : kind === 'Job' ? ['batch/v1', 'template'] : kind === 'ReplicationController' ? ['v1', 'template'] : ['apps/v1', 'template'];
  const body = where === 'pod' ? '' : where === 'cron' ? `spec: {jobTemplate: {spec: {template: {metadata: {labels: ${labels}}}}}}` : `spec: {template: {metadata: {labels: ${labels}}}}`;
  return `---
apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: ${name}, namespace: ${ns}${where === 'pod' ? `, labels: ${labels}` : ''}${meta}}
${body}
`;
};
const subsets = (host: string, list: string) => `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ${host}, namespace: web}
spec: {host: ${host}, subsets: ${list}}
`;

describe('which Service (and subset) picks a workload', () => {
  it.each([
    ['a Deployment, by its pod template labels', service('web', '{app: web}') + workload('Deployment', 'web-1', '{app: web}'), ['Service/web/web -> Deployment/web/web-1']],
    ['the workload’s own labels do not count, only its pods’', service('web', '{app: web}') + `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: web, labels: {app: web}}\nspec: {template: {metadata: {labels: {app: other}}}}\n`, []],
    ['every kind of workload', service('web', '{app: web}') + ['StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod'].map((k) => workload(k, k.toLowerCase(), '{app: web}')).join(''), [
      'Service/web/web -> StatefulSet/web/statefulset',
      'Service/web/web -> DaemonSet/web/daemonset',
      'Service/web/web -> ReplicaSet/web/replicaset',
      'Service/web/web -> ReplicationController/web/replicationcontroller',
      'Service/web/web -> Job/web/job',
      'Service/web/web -> CronJob/web/cronjob',
      'Service/web/web -> Pod/web/pod',
    ]],
    ['every selector entry must hold', service('web', '{app: web, tier: front}') + workload('Deployment', 'a', '{app: web}') + workload('Deployment', 'b', '{app: web, tier: front, extra: x}'), ['Service/web/web -> Deployment/web/b']],
    ['a Service without a selector picks nothing (its endpoints are managed elsewhere)', service('web', '{}') + workload('Deployment', 'a', '{app: web}'), []],
    ['an ExternalName Service ignores its selector', service('web', '{app: web}', ', type: ExternalName, externalName: web.example.com') + workload('Deployment', 'a', '{app: web}'), []],
    ['only pods of the Service’s namespace', service('web', '{app: web}') + workload('Deployment', 'a', '{app: web}', 'other'), []],
    ['two Services may pick one workload', service('web', '{app: web}') + service('web-canary', '{app: web}') + workload('Deployment', 'a', '{app: web}'), ['Service/web/web -> Deployment/web/a', 'Service/web/web-canary -> Deployment/web/a']],
    ['a subset picks, among the Service’s pods, those with its labels', service('web', '{app: web}') + subsets('web', '[{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]') + workload('Deployment', 'a', '{app: web, version: v2}') + workload('Deployment', 'b', '{app: web, version: v3}'), [
      'Service/web/web#subset:v2 -> Deployment/web/a',
      'Service/web/web -> Deployment/web/b',
    ]],
    ['a subset without labels keeps every endpoint', service('web', '{app: web}') + subsets('web', '[{name: all}]') + workload('Deployment', 'a', '{app: web}'), ['Service/web/web#subset:all -> Deployment/web/a']],
    ['a subset never picks what the Service does not', service('web', '{app: web}') + subsets('web', '[{name: v1, labels: {version: v1}}]') + workload('Deployment', 'a', '{app: api, version: v1}'), []],
  ])('%s', (_case, yaml, expected) => {
    expect(picks(graphOf(yaml))).toEqual(expected);
  });
});

describe('what is kept aside', () => {
  const owner = (kind: string, name: string) => `, ownerReferences: [{apiVersion: apps/v1, kind: ${kind}, name: ${name}, controller: true, uid: u}]`;
  it.each([
    ['a workload no Service picks', workload('Deployment', 'lonely', '{app: x}'), ['Deployment/web/lonely unselected']],
    ['the ReplicaSet and Pods of a Deployment in the design: its owner stands for them', service('web', '{app: web}') + workload('Deployment', 'web', '{app: web}') + workload('ReplicaSet', 'web-5d8', '{app: web}', 'web', owner('Deployment', 'web')) + `---\napiVersion: v1\nkind: Pod\nmetadata: {name: web-5d8-x, namespace: web, labels: {app: web}, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8, controller: true, uid: u}]}\n`, ['ReplicaSet/web/web-5d8 owned', 'Pod/web/web-5d8-x owned']],
    ['an owner outside the design: the workload is drawn', service('web', '{app: web}') + workload('ReplicaSet', 'web-5d8', '{app: web}', 'web', owner('Deployment', 'gone')), []],
    ['kinds the design does not model', '---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: web}\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: web}\n', ['ServiceAccount/web/sa unmodelled', 'HorizontalPodAutoscaler/web/web unmodelled']],
    ['a ConfigMap nothing refers to', '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: web}\n', ['ConfigMap/web/settings unreferenced']],
    ['a ConfigMap a BackendTLSPolicy takes its CA from stays drawn', service('web', '{app: web}') + '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: web}\ndata: {ca.crt: x}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata: {name: tls, namespace: web}\nspec: {targetRefs: [{group: "", kind: Service, name: web}], validation: {hostname: web.example.com, caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]}}\n', []],
    ['a ConfigMap a Gateway validates client certificates with stays drawn', '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: client-ca, namespace: web}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: web}\nspec: {gatewayClassName: istio, listeners: [{name: https, protocol: HTTPS, port: 443}], tls: {frontend: {default: {validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: client-ca}]}}}}}\n', []],
    ['an Opaque Secret an Istio server takes its certificate from stays drawn', '---\napiVersion: v1\nkind: Secret\nmetadata: {name: shop-cert, namespace: istio-system}\ntype: Opaque\n---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: web}\nspec: {servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: shop-cert}}]}\n', []],
    ['an Opaque Secret nothing refers to', '---\napiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: web}\ntype: Opaque\n', ['Secret/web/db unreferenced']],
    ['a TLS Secret stays drawn, referenced or not (it is designed on the canvas)', '---\napiVersion: v1\nkind: Secret\nmetadata: {name: cert, namespace: web}\ntype: kubernetes.io/tls\n', []],
  ])('%s', (_case, yaml, expected) => {
    expect(aside(graphOf(yaml))).toEqual(expected);
  });
});
