/**
 * The generator's intermediate model of a Kubernetes kind's fields, read from the
 * `@kubernetes-models/*` declaration files. Emitters turn it into JSON Schema views.
 */
export type Literal = string | number | boolean;

export interface Prop {
  readonly node: TypeNode;
  readonly doc: string | undefined;
  readonly required: boolean;
}

export interface ObjectNode {
  readonly t: 'object';
  readonly props: Map<string, Prop>;
  /** Value type of a map (`{ [key: string]: T }`), e.g. labels. */
  additional: TypeNode | undefined;
  /** Istio's `oneof`s: each a list of alternative keys of which at most one may be set. */
  readonly oneOf: string[][];
  doc: string | undefined;
  /** A readable name for the definition this object becomes when shared. */
  name: string | undefined;
}

export interface ArrayNode {
  readonly t: 'array';
  readonly items: TypeNode;
  /** `x-kubernetes-list-type` of the CRD: entries unique by `keys` (map) or by value (set). */
  readonly listType?: 'map' | 'set';
  readonly listKeys?: readonly string[];
  readonly listDefaults?: Readonly<Record<string, string>>;
}

export interface LeafNode {
  readonly t: 'leaf';
  /** JSON types accepted; empty means anything. */
  readonly types: readonly ('string' | 'number' | 'boolean' | 'null')[];
  readonly enum?: readonly Literal[];
  readonly minimum?: number;
  readonly maximum?: number;
}

export type TypeNode = ObjectNode | ArrayNode | LeafNode;

export const ANY: LeafNode = { t: 'leaf', types: [] };

export function objectNode(): ObjectNode {
  return { t: 'object', props: new Map(), additional: undefined, oneOf: [], doc: undefined, name: undefined };
}
