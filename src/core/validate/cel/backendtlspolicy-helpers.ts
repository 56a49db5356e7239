import type { FieldPath } from '../../resources/path.js';
import type { KubeObject } from '../../resources/types.js';
import { has, list, optionalName, record, records, text, type SectionRef } from './helpers.js';

/** Readers shared by the BackendTLSPolicy CEL rules (gateway-api.md §11.3). */

/** `spec.targetRefs[]` of a BackendTLSPolicy with the target each names (group, kind, name: all required). */
export function* policyTargets(obj: KubeObject): Generator<SectionRef> {
  for (const { item, path } of records(record(obj.spec), ['spec'], 'targetRefs')) {
    const group = text(item.group);
    const kind = text(item.kind);
    const name = text(item.name);
    const sectionName = optionalName(item, 'sectionName');
    if (group === undefined || kind === undefined || name === undefined || sectionName === undefined) continue;
    yield { path, target: JSON.stringify([group, kind, name]), sectionName };
  }
}

/**
 * Which CA sources a BackendTLSPolicy's `spec.validation` names: a non-empty caCertificateRefs
 * list, a non-empty wellKnownCACertificates. `undefined` when validation is not an object.
 */
export function policyCASources(obj: KubeObject): { refs: boolean; wellKnown: boolean } | undefined {
  const validation = record(record(obj.spec)?.validation);
  if (!validation) return undefined;
  return {
    refs: list(validation.caCertificateRefs).length > 0,
    wellKnown: has(validation, 'wellKnownCACertificates') && validation.wellKnownCACertificates !== '',
  };
}

/** `spec.validation.subjectAltNames[]` of a BackendTLSPolicy with their (required) type. */
export function* subjectAltNames(obj: KubeObject): Generator<{ item: KubeObject; path: FieldPath; type: string }> {
  const validation = record(record(obj.spec)?.validation);
  for (const { item, path } of records(validation, ['spec', 'validation'], 'subjectAltNames')) {
    const type = text(item.type);
    if (type !== undefined) yield { item, path, type };
  }
}

/** CEL `has(o.key) && o.key != ''`. */
export function nonEmpty(o: KubeObject, key: string): boolean {
  return has(o, key) && o[key] !== '';
}
