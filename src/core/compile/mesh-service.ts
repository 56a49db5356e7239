/**
 * The mesh entry of a Service that no mesh route names — most of a large design's Services. Its
 * reference, host names and declared ports are read only when asked (a simulation to it, a reach
 * site): building them for 20,000 Services was the largest part of buildMeshTable. Once read, each
 * is kept, so a caller sees the same object every time. Copy it field by field, not by spread.
 */
import type { Resource } from '../resources/types.js';
import { refOf } from './context.js';
import type { MeshPort, MeshService, RejectedAttachment } from './table-types.js';
import type { ObjectRef } from './types.js';

const NONE: readonly MeshPort[] = [];

export class RoutelessService implements MeshService {
  readonly ports: readonly MeshPort[] = NONE;
  private refMemo: ObjectRef | undefined;
  private hostsMemo: readonly string[] | undefined;
  private portsMemo: MeshService['servicePorts'] | undefined;

  constructor(
    private readonly namespace: string,
    private readonly name: string,
    private readonly svc: Resource | undefined,
    readonly rejected: readonly RejectedAttachment[],
    private readonly readPorts: (svc: Resource) => MeshService['servicePorts'],
    private readonly names: (namespace: string, name: string) => readonly string[],
  ) {}

  get ref(): ObjectRef {
    return (this.refMemo ??= this.svc ? refOf(this.svc) : { kind: 'Service', namespace: this.namespace, name: this.name });
  }

  get hosts(): readonly string[] {
    return (this.hostsMemo ??= this.names(this.namespace, this.name));
  }

  get servicePorts(): MeshService['servicePorts'] {
    if (this.portsMemo === undefined) this.portsMemo = this.svc ? this.readPorts(this.svc) : null;
    return this.portsMemo;
  }
}
