/**
 * Certificate and CA references as a controller resolves them (gateway-api.md §3.4; Gateway API
 * v1.6.1 `ListenerTLSConfig.certificateRefs`, `GatewayBackendTLS.clientCertificateRef`,
 * `FrontendTLSValidation.caCertificateRefs`, `BackendTLSPolicyValidation.caCertificateRefs`):
 * the kind, the ReferenceGrant for another namespace, presence, and the data — a Secret's
 * `tls.crt`/`tls.key` (verdicts read before redaction, secret-facts.ts), a CA bundle's `ca.crt`.
 */
import { checkCertificates } from '../resources/pem.js';
import type { Resource } from '../resources/types.js';
import { GW, type CompileContext } from './context.js';
import { rec, str } from './read.js';
import { referenceAllowed } from './reference-grant.js';

export interface ObjectRefSpec {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** Why a reference does not resolve: the kind, the grant, or the object (absent or malformed). */
export interface RefProblem {
  readonly cause: 'kind' | 'grant' | 'object';
  readonly message: string;
}

/** A `{group, kind, name, namespace}` reference with the defaults of its field. */
export function readRef(raw: unknown, defaultKind: string, defaultNamespace: string): ObjectRefSpec {
  const r = rec(raw);
  return { group: str(r.group) ?? '', kind: str(r.kind) ?? defaultKind, namespace: str(r.namespace) ?? defaultNamespace, name: str(r.name) ?? '' };
}

const refText = (ref: ObjectRefSpec): string => `${ref.kind} ${ref.namespace}/${ref.name}`;

/** A certificate + key Secret (listener certificateRefs, the Gateway's backend client certificate). */
export function keyPairProblem(ctx: CompileContext, from: Resource, ref: ObjectRefSpec): RefProblem | null {
  if (ref.group !== '' || ref.kind !== 'Secret') return { cause: 'kind', message: `${ref.group === '' ? 'core' : ref.group}/${ref.kind} is not a supported certificate kind: reference a core Secret (kubernetes.io/tls)` };
  const p = common(ctx, from, ref);
  if (p !== 'found') return p;
  const secret = ctx.find('', 'Secret', ref.namespace, ref.name) as Resource;
  const data = { ...rec(secret.object.data), ...rec(secret.object.stringData) };
  const missing = ['tls.crt', 'tls.key'].filter((k) => !(k in data));
  if (missing.length > 0) return { cause: 'object', message: `Secret ${ref.namespace}/${ref.name} has no ${missing.join(' and ')}: store the certificate under tls.crt and its private key under tls.key` };
  for (const key of ['tls.crt', 'tls.key'] as const) {
    const v = secret.secretFacts?.[key];
    if (v?.state === 'invalid') return { cause: 'object', message: `the ${key} of Secret ${ref.namespace}/${ref.name} is not usable: ${v.problem}; replace it with PEM (${key === 'tls.key' ? 'an unencrypted private key' : 'the certificate chain'})` };
  }
  return null;
}

/** A CA bundle: a ConfigMap (Core) or a Secret (implementation-specific, supported here) with `ca.crt`. */
export function caBundleProblem(ctx: CompileContext, from: Resource, ref: ObjectRefSpec): RefProblem | null {
  if (ref.group !== '' || (ref.kind !== 'ConfigMap' && ref.kind !== 'Secret')) {
    return { cause: 'kind', message: `${ref.group === '' ? 'core' : ref.group}/${ref.kind} ${ref.name} is not a supported CA certificate kind: reference a core ConfigMap (or Secret) holding ca.crt` };
  }
  const p = common(ctx, from, ref);
  if (p !== 'found') return p;
  const obj = ctx.find('', ref.kind, ref.namespace, ref.name) as Resource;
  if (ref.kind === 'Secret') {
    const data = { ...rec(obj.object.data), ...rec(obj.object.stringData) };
    if (!('ca.crt' in data)) return { cause: 'object', message: `Secret ${ref.namespace}/${ref.name} has no ca.crt: add the PEM CA bundle under ca.crt` };
    const v = obj.secretFacts?.['ca.crt'];
    return v?.state === 'invalid' ? { cause: 'object', message: `the ca.crt of Secret ${ref.namespace}/${ref.name} is not usable: ${v.problem}; replace it with the PEM CA bundle` } : null;
  }
  // ConfigMaps are not redacted: ca.crt is read as it is (`data`, or base64 in `binaryData`).
  const value = str(rec(obj.object.data)['ca.crt']);
  if (value === null) return { cause: 'object', message: `ConfigMap ${ref.namespace}/${ref.name} has no ca.crt in data: add the PEM CA bundle under ca.crt` };
  const v = checkCertificates(value);
  return v.state === 'invalid' ? { cause: 'object', message: `the ca.crt of ConfigMap ${ref.namespace}/${ref.name} is not usable: ${v.problem}; replace it with the PEM CA bundle` } : null;
}

/** Grant, then presence (assumed with --assume-external). */
function common(ctx: CompileContext, from: Resource, ref: ObjectRefSpec): RefProblem | 'found' | null {
  const allowed = referenceAllowed(ctx, { fromGroup: GW, fromKind: from.kind, fromNamespace: from.namespace, toGroup: '', toKind: ref.kind, toNamespace: ref.namespace, toName: ref.name });
  if (!allowed) return { cause: 'grant', message: `no ReferenceGrant in namespace ${ref.namespace} allows ${from.kind}s from ${from.namespace} to use ${refText(ref)}: add one there, or use an object in the same namespace` };
  if (ctx.find('', ref.kind, ref.namespace, ref.name)) return 'found';
  if (ctx.assumeExternal) {
    ctx.note({ code: 'AssumedExternal', message: `${refText(ref)} is not in this design; assumed present and valid` });
    return null;
  }
  ctx.note({ code: 'NotInDesign', message: `${refText(ref)} is not in this design` });
  return { cause: 'object', message: `${refText(ref)} is not in this design: add it, or correct the reference` };
}
