/**
 * What a controller checks on a Gateway beyond its listeners (Gateway API v1.6.1
 * `apis/v1/gateway_types.go`; conformance `gateway-invalid-parameters-ref`,
 * `gateway-invalid-tls-backend-configuration`, `gateway-with-invalid-clientcertificate-validation`,
 * `gateway-invalid-default-frontend-client-certificate-validation`,
 * `gateway-with-clientcertificate-validation-insecure-fallback`):
 * - addresses: IPAddress and Hostname (Extended) are supported; any other type (`NamedAddress`,
 *   a domain-prefixed one) is implementation-specific → Accepted=False UnsupportedAddress;
 * - infrastructure.parametersRef that does not resolve → Accepted=False InvalidParameters;
 * - tls.backend.clientCertificateRef → ResolvedRefs=False InvalidClientCertificateRef /
 *   RefNotPermitted (the Gateway stays Accepted);
 * - tls.frontend default / perPort validation → on every HTTPS listener of the port:
 *   ResolvedRefs=False InvalidCACertificateRef / InvalidCACertificateKind / RefNotPermitted, and
 *   Accepted=False NoValidCACertificate when ALL its CA references are invalid;
 *   mode AllowInsecureFallback → condition InsecureFrontendValidationMode=True ConfigurationChanged.
 */
import type { FieldPath } from '../resources/path.js';
import type { Resource } from '../resources/types.js';
import { caBundleProblem, keyPairProblem, readRef } from './certificates.js';
import type { CompileContext } from './context.js';
import type { ListenerModel } from './listener-model.js';
import { arr, num, rec, str } from './read.js';

export interface GatewayProblem {
  readonly condition: 'Accepted' | 'ResolvedRefs';
  readonly reason: 'UnsupportedAddress' | 'InvalidParameters' | 'InvalidClientCertificateRef' | 'RefNotPermitted';
  readonly message: string;
  readonly path: FieldPath;
}

export interface GatewayChecks {
  readonly problems: readonly GatewayProblem[];
  /** Where `mode: AllowInsecureFallback` is set. */
  readonly insecure: readonly FieldPath[];
}

const SUPPORTED_ADDRESS_TYPES = ['IPAddress', 'Hostname'];

export function checkGateway(ctx: CompileContext, gw: Resource, listeners: readonly ListenerModel[]): GatewayChecks {
  const spec = rec(gw.object.spec);
  const problems: GatewayProblem[] = [];
  arr(spec.addresses).forEach((raw, i) => {
    const type = str(rec(raw).type) ?? 'IPAddress';
    if (!SUPPORTED_ADDRESS_TYPES.includes(type)) {
      problems.push({ condition: 'Accepted', reason: 'UnsupportedAddress', message: `address type ${type} is not supported (this controller takes IPAddress and Hostname): use one of them or remove the address`, path: ['spec', 'addresses', i, 'type'] });
    }
  });
  const params = rec(spec.infrastructure).parametersRef;
  if (params !== undefined) {
    const p = rec(params);
    const what = `${str(p.group) || 'core'}/${str(p.kind) ?? ''} ${gw.namespace}/${str(p.name) ?? ''}`;
    if (!ctx.find(str(p.group) ?? '', str(p.kind) ?? '', gw.namespace, str(p.name) ?? '')) {
      if (ctx.assumeExternal) ctx.note({ code: 'AssumedExternal', message: `parameters ${what} are not in this design; assumed present and valid` });
      else problems.push({ condition: 'Accepted', reason: 'InvalidParameters', message: `parametersRef ${what} is not in this design: add it or remove the reference`, path: ['spec', 'infrastructure', 'parametersRef'] });
    }
  }
  const tls = rec(spec.tls);
  const client = rec(tls.backend).clientCertificateRef;
  if (client !== undefined) {
    const ref = readRef(client, 'Secret', gw.namespace);
    const p = keyPairProblem(ctx, gw, ref);
    if (p) problems.push({ condition: 'ResolvedRefs', reason: p.cause === 'grant' ? 'RefNotPermitted' : 'InvalidClientCertificateRef', message: `clientCertificateRef ${ref.namespace}/${ref.name}: ${p.message}`, path: ['spec', 'tls', 'backend', 'clientCertificateRef'] });
  }
  return { problems, insecure: checkFrontend(ctx, gw, rec(tls.frontend), listeners) };
}

function checkFrontend(ctx: CompileContext, gw: Resource, frontend: Record<string, unknown>, listeners: readonly ListenerModel[]): FieldPath[] {
  const insecure: FieldPath[] = [];
  const configs: { port: number | null; validation: Record<string, unknown>; path: FieldPath }[] = [];
  const def = rec(rec(frontend.default).validation);
  if (rec(frontend.default).validation !== undefined) configs.push({ port: null, validation: def, path: ['spec', 'tls', 'frontend', 'default', 'validation'] });
  arr(frontend.perPort).forEach((raw, i) => {
    const e = rec(raw);
    if (rec(e.tls).validation !== undefined) configs.push({ port: num(e.port), validation: rec(rec(e.tls).validation), path: ['spec', 'tls', 'frontend', 'perPort', i, 'tls', 'validation'] });
  });
  for (const c of configs) if (str(c.validation.mode) === 'AllowInsecureFallback') insecure.push([...c.path, 'mode']);
  const perPort = new Set(arr(frontend.perPort).map((raw) => num(rec(raw).port)));
  for (const c of configs) {
    const applies = listeners.filter((l) => l.protocol === 'HTTPS' && (c.port === null ? !perPort.has(l.port) : l.port === c.port));
    if (applies.length === 0) continue;
    const refs = arr(c.validation.caCertificateRefs);
    const bad = refs.flatMap((raw, j) => {
      const ref = readRef(raw, '', gw.namespace);
      const p = caBundleProblem(ctx, gw, ref);
      return p ? [{ p, at: { resource: gw, path: [...c.path, 'caCertificateRefs', j] } }] : [];
    });
    const first = bad[0];
    if (!first) continue;
    const reason = first.p.cause === 'kind' ? 'InvalidCACertificateKind' : first.p.cause === 'grant' ? 'RefNotPermitted' : 'InvalidCACertificateRef';
    const message = `client certificate validation: ${bad.map((b) => b.p.message).join('; ')}`;
    for (const l of applies) {
      if (bad.length === refs.length) l.problems.push({ condition: 'Accepted', reason: 'NoValidCACertificate', message, at: first.at });
      l.problems.push({ condition: 'ResolvedRefs', reason, message, at: first.at });
    }
  }
  return insecure;
}
