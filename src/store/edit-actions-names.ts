import type { KubeObject, PaletteKind, Resource } from '../core/index';

/** The class a new Gateway asks for when the design has none (the core template's, Istio's own). */
export const DEFAULT_GATEWAY_CLASS = 'istio';

/**
 * Istio's GatewayClass `istio` is served by this controller (Istio's docs: `kubectl get
 * gatewayclasses` lists `istio   istio.io/gateway-controller`).
 */
const ISTIO_CONTROLLER = 'istio.io/gateway-controller';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/**
 * The name a new object of `kind` starts from (made unique by the caller): a GatewayClass takes the
 * name the design's Gateways ask for and no GatewayClass provides (else `istio`, what a new Gateway
 * asks for), so a dropped GatewayClass and Gateway agree; other kinds their kind, lower-cased.
 */
export function newNameBase(kind: PaletteKind, templateKind: string, resources: readonly Resource[]): string {
  if (kind !== 'GatewayClass') return templateKind.toLowerCase();
  const provided = new Set(classesOf(resources));
  const wanted = resources.flatMap((r) => (isGateway(r) ? [className(r.object)] : [])).find((c) => c !== undefined && !provided.has(c));
  return wanted ?? DEFAULT_GATEWAY_CLASS;
}

/**
 * A new object made to agree with the design: a Gateway asks for the design's GatewayClass (the
 * first one) when it has one; a GatewayClass named `istio` names Istio's controller.
 */
export function agreeWithDesign(kind: PaletteKind, object: KubeObject, resources: readonly Resource[]): KubeObject {
  const spec = typeof object.spec === 'object' && object.spec !== null ? (object.spec as KubeObject) : {};
  if (kind === 'Gateway') {
    const existing = classesOf(resources)[0];
    return existing === undefined ? object : { ...object, spec: { ...spec, gatewayClassName: existing } };
  }
  if (kind === 'GatewayClass' && (object.metadata as KubeObject | undefined)?.name === DEFAULT_GATEWAY_CLASS) {
    return { ...object, spec: { ...spec, controllerName: ISTIO_CONTROLLER } };
  }
  return object;
}

function classesOf(resources: readonly Resource[]): string[] {
  return resources.filter((r) => r.group === GATEWAY_GROUP && r.kind === 'GatewayClass').map((r) => r.name);
}

function isGateway(r: Resource): boolean {
  return r.group === GATEWAY_GROUP && r.kind === 'Gateway';
}

function className(o: KubeObject): string | undefined {
  const spec = o.spec;
  if (typeof spec !== 'object' || spec === null) return undefined;
  const name = (spec as KubeObject).gatewayClassName;
  return typeof name === 'string' ? name : undefined;
}
