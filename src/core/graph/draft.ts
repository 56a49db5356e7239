import type { Severity } from '../diagnostics/types.js';
import type { Family } from '../resources/kinds.js';
import type { Resource, ResourceId } from '../resources/types.js';
import { worse } from './diagnostics.js';
import type { ResourceIndex } from './resource-index.js';
import type { GraphStatus } from './status.js';
import type { LabelMap } from './label-selector.js';
import type { AsideReason, EdgeKind, GraphBadge, GraphEdge, GraphRow, NodeRole, RowKind, RowProblem } from './types.js';

export type RowDraft = { -readonly [K in keyof GraphRow]: GraphRow[K] };

export interface NodeDraft {
  readonly id: string;
  readonly role: NodeRole;
  readonly kind: string;
  readonly family: Family;
  readonly namespace: string;
  readonly name: string;
  readonly apiVersion?: string;
  readonly resourceId?: ResourceId;
  readonly related: ResourceId[];
  subtitle?: string;
  readonly badges: GraphBadge[];
  readonly rows: RowDraft[];
  readonly missing?: string;
  severity?: Severity;
  aside?: AsideReason;
}

export interface RowFields {
  readonly label: string;
  readonly path: string;
  readonly name?: string;
  readonly badges?: readonly GraphBadge[];
  readonly chips?: readonly string[];
  /** Defaults to the node's resource. */
  readonly resourceId?: ResourceId;
}

export type EdgeFields = Omit<GraphEdge, 'id'>;

/** The graph while it is being built: nodes by id in insertion order, edges, and placeholders. */
export class GraphDraft {
  readonly nodes = new Map<string, NodeDraft>();
  readonly edges: GraphEdge[] = [];
  readonly nodeByResource = new Map<string, string>();
  /** Port number of each port row, for refs that name a port. */
  readonly rowPort = new Map<string, number>();
  /** The labels of each DestinationRule subset row, for the workloads it picks. */
  readonly subsetLabels = new Map<string, LabelMap>();
  private readonly edgeIds = new Set<string>();

  /** `status`: the controller status compile computed, when the caller has it. */
  constructor(
    readonly index: ResourceIndex,
    readonly status: GraphStatus | null = null,
  ) {}

  addResourceNode(r: Resource, role: NodeRole, subtitle?: string): NodeDraft {
    const node: NodeDraft = {
      id: r.id,
      role,
      kind: r.kind,
      family: r.family,
      namespace: r.namespace,
      name: r.name,
      apiVersion: r.apiVersion,
      resourceId: r.id,
      related: [],
      badges: [],
      rows: [],
      ...(subtitle ? { subtitle } : {}),
    };
    this.nodes.set(node.id, node);
    this.nodeByResource.set(r.id, node.id);
    return node;
  }

  addRow(node: NodeDraft, kind: RowKind, key: string, fields: RowFields): RowDraft {
    let id = `${node.id}#${kind}:${key}`;
    for (let n = 2; node.rows.some((row) => row.id === id); n++) id = `${node.id}#${kind}:${key}~${n}`;
    const resourceId = fields.resourceId ?? node.resourceId;
    if (!resourceId) throw new Error(`row ${id} needs a resource`);
    const row: RowDraft = {
      id,
      kind,
      key,
      label: fields.label,
      badges: fields.badges ?? [],
      chips: fields.chips ?? [],
      resourceId,
      path: fields.path,
      ...(fields.name ? { name: fields.name } : {}),
    };
    node.rows.push(row);
    return row;
  }

  /**
   * The placeholder for an object the design references but does not contain: drawn once, red,
   * with the reason (DESIGN.md "Objects outside the design").
   */
  missing(kind: string, family: Family, namespace: string, name: string, reason: string): NodeDraft {
    const id = `missing:${kind}/${namespace}/${name}`;
    const existing = this.nodes.get(id);
    if (existing) return existing;
    const node: NodeDraft = { id, role: 'missing', kind, family, namespace, name, related: [], badges: [], rows: [], missing: reason };
    this.nodes.set(id, node);
    return node;
  }

  rowAt(nodeId: string, path: string): RowDraft | undefined {
    return this.nodes.get(nodeId)?.rows.find((row) => row.path === path);
  }

  portRow(nodeId: string, port: number): RowDraft | undefined {
    return this.nodes.get(nodeId)?.rows.find((row) => row.kind === 'port' && this.rowPort.get(row.id) === port);
  }

  addEdge(fields: EdgeFields): void {
    const base = `${fields.kind}:${fields.source}${fields.sourceRow ? `|${fields.sourceRow}` : ''}->${fields.target}${fields.targetRow ? `|${fields.targetRow}` : ''}`;
    let id = base;
    for (let n = 2; this.edgeIds.has(id); n++) id = `${base}~${n}`;
    this.edgeIds.add(id);
    this.edges.push({ id, ...fields });
  }

  edge(kind: EdgeKind, source: string, target: string, extra: Partial<EdgeFields> = {}): void {
    this.addEdge({ kind, source, target, ...extra });
  }
}

const RANK = { warning: 1, error: 2 } as const;

/** Gives a row a problem line, unless it already has one at least as bad (the first worst wins). */
export function flagRow(row: RowDraft, problem: RowProblem): void {
  if (!row.problem || RANK[problem.severity] > RANK[row.problem.severity]) row.problem = problem;
  row.severity = worse(row.severity, problem.severity);
}
