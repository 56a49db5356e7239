import { Rand } from './rand.js';
import { HEADER_NAMES, HEADER_VALUES, HOSTS, METHODS, NAMES, NAMESPACES, PATHS, PORTS, PROTOCOLS, REGEXES, SECRET_VALUE } from './pools.js';
import { WRONG_VALUES, type Json } from './tree.js';

/**
 * Structurally valid, semantically random designs: objects of every modelled kind (Gateway API,
 * Istio, core), their fields drawn from small pools so references resolve often, and now and
 * then a value of the wrong type anywhere. Deterministic for a seed.
 */
type Obj = { [key: string]: Json };

const GW = 'gateway.networking.k8s.io';
const ISTIO = 'networking.istio.io';

class Gen {
  constructor(
    readonly r: Rand,
    readonly wrong: number,
  ) {}

  /** `good`, or now and then a value of another type. */
  v(good: Json): Json {
    return this.r.chance(this.wrong) ? this.r.pick(WRONG_VALUES) : good;
  }

  meta(): Obj {
    const m: Obj = { name: this.v(this.r.pick(NAMES)) };
    if (this.r.chance(0.9)) m.namespace = this.v(this.r.pick(NAMESPACES));
    if (this.r.chance(0.1)) m.labels = { app: this.v(this.r.pick(NAMES)) };
    if (this.r.chance(0.05)) m.creationTimestamp = this.v(this.r.pick(['2024-01-01T00:00:00Z', 'yesterday']));
    return m;
  }

  obj(apiVersion: string, kind: string, spec: Obj): Obj {
    return { apiVersion: this.v(apiVersion), kind, metadata: this.meta(), spec: this.v(spec) };
  }

  list<T extends Json>(max: number, f: () => T): Json {
    return this.v(this.r.many(max, f));
  }

  ref(kind?: string): Obj {
    const out: Obj = { name: this.v(this.r.pick(NAMES)) };
    if (kind) out.kind = this.v(kind);
    if (this.r.chance(0.3)) out.namespace = this.v(this.r.pick(NAMESPACES));
    if (this.r.chance(0.5)) out.port = this.v(this.r.pick(PORTS));
    if (this.r.chance(0.2)) out.sectionName = this.v(this.r.pick(['http', 'https', 'tls', 'x']));
    if (this.r.chance(0.5)) out.weight = this.v(this.r.pick([0, 1, 10, 90, 100, 1000000]));
    return out;
  }

  stringMatch(): Obj {
    const type = this.r.pick(['exact', 'prefix', 'regex']);
    return { [type]: this.v(type === 'regex' ? this.r.pick(REGEXES) : this.r.pick(PATHS)) };
  }
}

function httpRouteSpec(g: Gen): Obj {
  const r = g.r;
  const match = (): Obj => ({
    path: { type: g.v(r.pick(['Exact', 'PathPrefix', 'RegularExpression', 'Bogus'])), value: g.v(r.chance(0.3) ? r.pick(REGEXES) : r.pick(PATHS)) },
    ...(r.chance(0.4) ? { headers: g.list(3, () => ({ type: g.v(r.pick(['Exact', 'RegularExpression'])), name: g.v(r.pick(HEADER_NAMES)), value: g.v(r.chance(0.3) ? r.pick(REGEXES) : r.pick(HEADER_VALUES)) })) } : {}),
    ...(r.chance(0.2) ? { queryParams: g.list(2, () => ({ name: g.v(r.pick(['id', 'q', ''])), value: g.v(r.pick(HEADER_VALUES)) })) } : {}),
    ...(r.chance(0.3) ? { method: g.v(r.pick(METHODS)) } : {}),
  });
  const filter = (): Obj => g.r.pick<Obj>([
    { type: 'RequestHeaderModifier', requestHeaderModifier: { set: g.list(2, () => ({ name: g.v(r.pick(HEADER_NAMES)), value: g.v(r.pick(HEADER_VALUES)) })), remove: g.list(2, () => r.pick(HEADER_NAMES)) } },
    { type: 'RequestRedirect', requestRedirect: { scheme: g.v(r.pick(['https', 'http', 'ftp'])), statusCode: g.v(r.pick([301, 302, 200])), hostname: g.v(r.pick(HOSTS)) } },
    { type: 'URLRewrite', urlRewrite: { path: { type: g.v(r.pick(['ReplaceFullPath', 'ReplacePrefixMatch'])), replaceFullPath: g.v(r.pick(PATHS)), replacePrefixMatch: g.v(r.pick(PATHS)) } } },
    { type: 'RequestMirror', requestMirror: { backendRef: g.ref(), percent: g.v(r.pick([0, 50, 100, 101])) } },
    { type: 'ExtensionRef', extensionRef: { group: 'x.io', kind: 'X', name: 'y' } },
  ]);
  return {
    parentRefs: g.list(3, () => g.ref(r.pick(['Gateway', 'Service', 'ListenerSet']))),
    hostnames: g.list(3, () => r.pick(HOSTS)),
    rules: g.list(4, () => ({
      matches: g.list(3, match),
      ...(r.chance(0.3) ? { filters: g.list(3, filter) } : {}),
      backendRefs: g.list(3, () => g.ref(r.chance(0.8) ? 'Service' : r.pick(['ServiceImport', 'Backend']))),
      ...(r.chance(0.1) ? { timeouts: { request: g.v(r.pick(['1s', '0s', '10ms', 'forever'])) } } : {}),
      ...(r.chance(0.1) ? { name: g.v(r.pick(NAMES)) } : {}),
    })),
  };
}

function gatewaySpec(g: Gen): Obj {
  const r = g.r;
  return {
    gatewayClassName: g.v(r.pick(['istio', 'other', ''])),
    listeners: g.list(4, () => ({
      name: g.v(r.pick(['http', 'https', 'tls', 'tcp', 'x'])),
      protocol: g.v(r.pick(PROTOCOLS)),
      port: g.v(r.pick(PORTS)),
      ...(r.chance(0.5) ? { hostname: g.v(r.pick(HOSTS)) } : {}),
      ...(r.chance(0.4) ? { tls: { mode: g.v(r.pick(['Terminate', 'Passthrough'])), certificateRefs: g.list(2, () => g.ref('Secret')) } } : {}),
      ...(r.chance(0.4) ? { allowedRoutes: { namespaces: { from: g.v(r.pick(['All', 'Same', 'Selector', 'None'])) }, ...(r.chance(0.3) ? { kinds: g.list(2, () => ({ kind: r.pick(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'Foo']) })) } : {}) } } : {}),
    })),
  };
}

function virtualServiceSpec(g: Gen): Obj {
  const r = g.r;
  const dest = (): Obj => ({ destination: { host: g.v(r.pick(HOSTS)), ...(r.chance(0.5) ? { port: { number: g.v(r.pick(PORTS)) } } : {}), ...(r.chance(0.3) ? { subset: g.v(r.pick(['v1', 'v2', 'nope'])) } : {}) }, ...(r.chance(0.5) ? { weight: g.v(r.pick([0, 10, 50, 90, 100])) } : {}) });
  return {
    hosts: g.list(3, () => r.pick(HOSTS)),
    ...(r.chance(0.6) ? { gateways: g.list(3, () => r.pick(['edge', 'shop/edge', 'mesh', 'infra/web', '*/x'])) } : {}),
    http: g.list(4, () => ({
      ...(r.chance(0.7) ? { match: g.list(3, () => ({ uri: g.stringMatch(), ...(r.chance(0.3) ? { headers: { [r.pick(HEADER_NAMES)]: g.stringMatch() } } : {}), ...(r.chance(0.2) ? { method: g.stringMatch() } : {}), ...(r.chance(0.1) ? { authority: g.stringMatch() } : {}), ...(r.chance(0.1) ? { sourceLabels: { app: 'web' } } : {}) })) } : {}),
      ...(r.chance(0.8) ? { route: g.list(3, dest) } : {}),
      ...(r.chance(0.1) ? { redirect: { uri: g.v(r.pick(PATHS)), redirectCode: g.v(r.pick([301, 302, 999])) } } : {}),
      ...(r.chance(0.1) ? { rewrite: { uri: g.v(r.pick(PATHS)), ...(r.chance(0.3) ? { uriRegexRewrite: { match: g.v(r.pick(REGEXES)), rewrite: g.v('/\\1') } } : {}) } } : {}),
      ...(r.chance(0.1) ? { directResponse: { status: g.v(r.pick([200, 503, 42])) } } : {}),
      ...(r.chance(0.1) ? { fault: { abort: { httpStatus: g.v(503), percentage: { value: g.v(r.pick([50, 150])) } } } } : {}),
      ...(r.chance(0.1) ? { delegate: { name: g.v(r.pick(NAMES)), namespace: g.v(r.pick(NAMESPACES)) } } : {}),
      ...(r.chance(0.1) ? { mirror: { host: g.v(r.pick(HOSTS)) }, mirrorPercentage: { value: g.v(r.pick([10, 200])) } } : {}),
    })),
    ...(r.chance(0.2) ? { tls: g.list(2, () => ({ match: g.list(2, () => ({ sniHosts: g.list(2, () => r.pick(HOSTS)), port: g.v(r.pick(PORTS)) })), route: g.list(2, dest) })) } : {}),
    ...(r.chance(0.2) ? { tcp: g.list(2, () => ({ match: g.list(2, () => ({ port: g.v(r.pick(PORTS)) })), route: g.list(2, dest) })) } : {}),
    ...(r.chance(0.1) ? { exportTo: g.list(2, () => r.pick(['.', '*', 'shop'])) } : {}),
  };
}

function oneObject(g: Gen): Obj {
  const r = g.r;
  switch (r.int(14)) {
    case 0: return g.obj(`${GW}/v1`, 'Gateway', gatewaySpec(g));
    case 1: case 2: return g.obj(`${GW}/v1`, 'HTTPRoute', httpRouteSpec(g));
    case 3: return g.obj(`${GW}/v1`, 'GRPCRoute', { parentRefs: g.list(2, () => g.ref('Gateway')), hostnames: g.list(2, () => r.pick(HOSTS)), rules: g.list(3, () => ({ matches: g.list(2, () => ({ method: { service: g.v(r.pick(['pkg.Svc', '', 'a.b.C'])), method: g.v(r.pick(['Get', ''])), type: g.v(r.pick(['Exact', 'RegularExpression'])) } })), backendRefs: g.list(2, () => g.ref('Service')) })) });
    case 4: return g.obj(r.pick([`${GW}/v1`, `${GW}/v1alpha2`]), r.pick(['TLSRoute', 'TCPRoute', 'UDPRoute']), { parentRefs: g.list(2, () => g.ref('Gateway')), hostnames: g.list(2, () => r.pick(HOSTS)), rules: g.list(2, () => ({ backendRefs: g.list(2, () => g.ref('Service')) })) });
    case 5: return g.obj(`${GW}/v1beta1`, 'ReferenceGrant', { from: g.list(2, () => ({ group: g.v(r.pick([GW, ISTIO, ''])), kind: g.v(r.pick(['HTTPRoute', 'Gateway', 'VirtualService'])), namespace: g.v(r.pick(NAMESPACES)) })), to: g.list(2, () => ({ group: '', kind: g.v(r.pick(['Service', 'Secret'])), ...(r.chance(0.5) ? { name: g.v(r.pick(NAMES)) } : {}) })) });
    case 6: return g.obj(r.pick([`${GW}/v1`, `${GW}/v1alpha3`]), 'BackendTLSPolicy', { targetRefs: g.list(2, () => ({ group: '', kind: 'Service', name: g.v(r.pick(NAMES)) })), validation: { hostname: g.v(r.pick(HOSTS)), wellKnownCACertificates: g.v('System') } });
    case 7: return { apiVersion: 'v1', kind: 'Service', metadata: g.meta(), spec: g.v({ ...(r.chance(0.8) ? { selector: { app: g.v(r.pick(NAMES)) } } : {}), ports: g.list(3, () => ({ name: g.v(r.pick(['http', 'grpc', 'tcp-db', 'https', ''])), port: g.v(r.pick(PORTS)), ...(r.chance(0.3) ? { appProtocol: g.v(r.pick(['kubernetes.io/h2c', 'http', 'grpc'])) } : {}), ...(r.chance(0.2) ? { protocol: g.v(r.pick(['TCP', 'UDP', 'SCTP'])) } : {}) })), ...(r.chance(0.1) ? { type: 'ExternalName', externalName: g.v(r.pick(HOSTS)) } : {}) }) };
    case 8: return { apiVersion: 'v1', kind: 'Secret', metadata: g.meta(), type: 'kubernetes.io/tls', data: { 'tls.crt': g.v(SECRET_VALUE), 'tls.key': g.v(SECRET_VALUE) } };
    case 9: return g.obj(`${ISTIO}/v1`, 'Gateway', { selector: { istio: g.v(r.pick(['ingress', 'ingressgateway'])) }, servers: g.list(3, () => ({ port: { number: g.v(r.pick(PORTS)), name: g.v(r.pick(['http', 'https'])), protocol: g.v(r.pick(PROTOCOLS)) }, hosts: g.list(3, () => r.pick(['*/shop.example.com', './*', '*', 'shop/*.example.com', '*/*', 'bad'])), ...(r.chance(0.3) ? { tls: { mode: g.v(r.pick(['SIMPLE', 'PASSTHROUGH', 'MUTUAL', 'ISTIO_MUTUAL', 'AUTO_PASSTHROUGH', 'X'])), credentialName: g.v(r.pick(NAMES)), ...(r.chance(0.2) ? { httpsRedirect: true } : {}) } } : {}) })) });
    case 10: case 11: return g.obj(r.pick([`${ISTIO}/v1`, `${ISTIO}/v1beta1`, `${ISTIO}/v1alpha3`]), 'VirtualService', virtualServiceSpec(g));
    case 12: return g.obj(`${ISTIO}/v1`, 'DestinationRule', { host: g.v(r.pick(HOSTS)), subsets: g.list(3, () => ({ name: g.v(r.pick(['v1', 'v2', ''])), labels: { version: g.v(r.pick(['v1', 'v2'])) } })), ...(r.chance(0.3) ? { trafficPolicy: { tls: { mode: g.v(r.pick(['SIMPLE', 'DISABLE', 'ISTIO_MUTUAL'])) } } } : {}) });
    default: return g.obj(`${ISTIO}/v1`, 'ServiceEntry', { hosts: g.list(3, () => r.pick(HOSTS)), ports: g.list(2, () => ({ number: g.v(r.pick(PORTS)), name: g.v('http'), protocol: g.v(r.pick(PROTOCOLS)) })), resolution: g.v(r.pick(['DNS', 'STATIC', 'NONE'])), location: g.v(r.pick(['MESH_EXTERNAL', 'MESH_INTERNAL'])) });
  }
}

/** A random design of up to `max` objects; `wrong` is the chance of a wrong-typed value at each field. */
export function randomDesign(seed: number, max = 12, wrong = 0.04): Json[] {
  const g = new Gen(new Rand(seed), wrong);
  const n = 1 + g.r.int(max);
  return Array.from({ length: n }, () => oneObject(g));
}
