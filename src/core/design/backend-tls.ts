import { getAt } from '../resources/path.js';
import { isRecord, type KubeObject } from '../resources/types.js';
import { appendItem, setField } from './fields.js';
import { setAt } from './immutable.js';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * BackendTLSPolicy: how a Gateway talks TLS to the Services it targets (targets are local:
 * same namespace). The CA is either the system's well-known roots or certificate refs — one or
 * the other, never both (its CEL rule).
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#backendtlspolicyvalidation
 */
export type CaSource = 'System' | 'refs';

export function caSourceOf(object: KubeObject): CaSource {
  return getAt(object, ['spec', 'validation', 'wellKnownCACertificates']) !== undefined || getAt(object, ['spec', 'validation', 'caCertificateRefs']) === undefined ? 'System' : 'refs';
}

/** Switches the CA source: refs start with a ConfigMap named after the policy's first target. */
export function setCaSource(object: KubeObject, source: CaSource): KubeObject {
  if (source === caSourceOf(object)) return object;
  const at = ['spec', 'validation'] as const;
  if (source === 'System') return setAt(setField(object, [...at, 'caCertificateRefs'], undefined), [...at, 'wellKnownCACertificates'], 'System');
  const target = getAt(object, ['spec', 'targetRefs', 0, 'name']);
  const name = `${typeof target === 'string' ? target : 'backend'}-ca`;
  return setAt(setField(object, [...at, 'wellKnownCACertificates'], undefined), [...at, 'caCertificateRefs'], [{ group: '', kind: 'ConfigMap', name }]);
}

/** Another target Service (named after the first, `-2`…, to be renamed in the form). */
export function addPolicyTarget(object: KubeObject): KubeObject {
  const targets = list(getAt(object, ['spec', 'targetRefs']));
  const names = new Set(targets.map((t) => (isRecord(t) ? t.name : undefined)));
  const base = String(getAt(targets[0], ['name']) ?? 'backend');
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
  return appendItem(object, ['spec', 'targetRefs'], { group: '', kind: 'Service', name });
}
