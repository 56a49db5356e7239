import type { Family } from './kinds.js';
import type { SecretFacts } from './certificate-facts.js';

/** `group/Kind/namespace/name` — stable across edits and reorderings; never a hostname or a plain name. */
export type ResourceId = string & { readonly __brand: 'ResourceId' };

/** A Kubernetes object as plain JSON-like data. */
export type KubeObject = { [key: string]: unknown };

/** Where a resource came from: its file, its document in that file, and (inside a `kind: List`) its item. */
export interface ResourceSource {
  readonly file: string;
  /** 0-based index of the YAML document in the file. */
  readonly document: number;
  /** 0-based index inside a `kind: List` document, when the resource is a List item. */
  readonly item?: number;
  /** 1-based line of the document's first content line (or of the List item). */
  readonly line: number;
  readonly endLine: number;
}

export interface Resource {
  readonly id: ResourceId;
  readonly apiVersion: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly family: Family;
  /** `metadata.namespace`, or the design's default namespace; '' for cluster-scoped kinds. */
  readonly namespace: string;
  readonly name: string;
  readonly object: KubeObject;
  readonly source: ResourceSource;
  /** A core Secret: whether its tls.crt / tls.key / ca.crt are well-formed PEM, read before redaction (secret-facts.ts). */
  readonly secretFacts?: SecretFacts;
}

export function makeResourceId(group: string, kind: string, namespace: string, name: string): ResourceId {
  return `${group === '' ? 'core' : group}/${kind}/${namespace}/${name}` as ResourceId;
}

export function isRecord(v: unknown): v is KubeObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
