import { formatPath, type FieldPath } from '../resources/path.js';
import type { SourceLocations } from '../resources/locations.js';
import type { Resource } from '../resources/types.js';
import { deciderScope } from './scope.js';
import type { AffectedRequests, LossCode, LossEntry, NoteCode, Origin, SourceRef } from './types.js';

/**
 * Which requests a loss entry affects (types.ts LossEntry). By default the deepest rule, match,
 * listener or server on the entry's path (else the whole resource).
 */
export interface Affects {
  /** The deciding element; `null` = none (only `requests`). */
  readonly scope?: FieldPath | null;
  readonly widens?: boolean;
  readonly requests?: readonly AffectedRequests[];
}

/**
 * Collects loss entries, notes and origins while a conversion runs. Entries are located lazily
 * through SourceLocations (exact file:line:column), deduplicated (the requests of duplicates are
 * joined), and sorted by file position.
 */
export class Report {
  private readonly loss = new Map<string, LossEntry>();
  private readonly notes = new Map<string, LossEntry<NoteCode>>();
  /**
   * Origins as recorded (tens of thousands on a large design): formatted once, in `result()`;
   * indexed by output object on the first `sourceOf` / `originsOf`, which run after the conversion.
   */
  private readonly recorded: RecordedOrigin[] = [];
  private byTarget: Map<string, RecordedOrigin[]> | undefined;

  constructor(private readonly locations: SourceLocations | undefined) {}

  lose(code: LossCode, resource: Resource, path: FieldPath, message: string, affects: Affects = {}): void {
    add(this.loss, this.entry(code, resource, path, message, affects));
  }

  /** Has a loss entry been recorded for this source object? */
  lostFor(resource: Resource): boolean {
    return [...this.loss.values()].some((e) => e.resource.kind === resource.kind && e.resource.namespace === resource.namespace && e.resource.name === resource.name);
  }

  note(code: NoteCode, resource: Resource, path: FieldPath, message: string): void {
    add(this.notes, this.entry(code, resource, path, message, {}));
  }

  /** Records that the output element `target`/`path` comes from `source`/`sourcePath`. */
  origin(target: SourceRef, path: FieldPath, source: Resource, sourcePath: FieldPath): void {
    this.recorded.push({ target: { kind: target.kind, namespace: target.namespace, name: target.name }, path, source, sourcePath });
    this.byTarget = undefined;
  }

  /** The source element an output element comes from: the recorded origin whose output path is the longest prefix of `path`. */
  sourceOf(target: SourceRef, path: FieldPath): { source: Resource; sourcePath: FieldPath } | undefined {
    let best: RecordedOrigin | undefined;
    for (const o of this.recordedFor(target)) {
      if (o.path.length <= path.length && o.path.every((seg, i) => seg === path[i]) && (!best || o.path.length > best.path.length)) best = o;
    }
    return best;
  }

  /** Every source element the output object `target` comes from (its recorded origins), in recording order. */
  originsOf(target: SourceRef): readonly { source: Resource; sourcePath: FieldPath }[] {
    return this.recordedFor(target);
  }

  private recordedFor(target: SourceRef): readonly RecordedOrigin[] {
    if (!this.byTarget) {
      this.byTarget = new Map();
      for (const o of this.recorded) {
        const key = objectKey(o.target);
        const list = this.byTarget.get(key);
        if (list) list.push(o);
        else this.byTarget.set(key, [o]);
      }
    }
    return this.byTarget.get(objectKey(target)) ?? [];
  }

  result(): { loss: LossEntry[]; notes: LossEntry<NoteCode>[]; origins: Origin[] } {
    // One origin per output element: the last one recorded for it, in the order first recorded.
    // Keyed by object, then path (short keys: tens of thousands of origins on a large design).
    const origins: Origin[] = [];
    const at = new Map<string, Map<string, number>>();
    const sources = new Map<Resource, SourceRef>();
    for (const o of this.recorded) {
      const key = objectKey(o.target);
      let paths = at.get(key);
      if (!paths) at.set(key, (paths = new Map()));
      const path = formatPath(o.path);
      let source = sources.get(o.source);
      if (!source) sources.set(o.source, (source = refOf(o.source)));
      const origin: Origin = { target: o.target, path, source, sourcePath: formatPath(o.sourcePath) };
      const i = paths.get(path);
      if (i === undefined) paths.set(path, origins.push(origin) - 1);
      else origins[i] = origin;
    }
    return { loss: sortEntries([...this.loss.values()]), notes: sortEntries([...this.notes.values()]), origins };
  }

  private entry<C extends string>(code: C, resource: Resource, path: FieldPath, message: string, affects: Affects): LossEntry<C> {
    const at = this.locations?.range(resource, path) ?? { file: resource.source.file, line: resource.source.line, column: 1 };
    const scope = affects.scope === null ? null : formatPath(affects.scope ?? deciderScope(path));
    return {
      code,
      message,
      resource: refOf(resource),
      path: formatPath(path),
      file: at.file,
      line: at.line,
      column: at.column,
      scope,
      ...(affects.widens ? { widens: true } : {}),
      ...(affects.requests ? { requests: affects.requests } : {}),
    };
  }
}

interface RecordedOrigin {
  readonly target: SourceRef;
  readonly path: FieldPath;
  readonly source: Resource;
  readonly sourcePath: FieldPath;
}

function objectKey(r: SourceRef): string {
  return `${r.kind}/${r.namespace}/${r.name}`;
}

function refOf(r: Resource): SourceRef {
  return { kind: r.kind, namespace: r.namespace, name: r.name };
}

function add<C extends string>(into: Map<string, LossEntry<C>>, e: LossEntry<C>): void {
  const key = `${e.resource.kind}/${e.resource.namespace}/${e.resource.name}\u0000${e.file}\u0000${e.path}\u0000${e.code}\u0000${e.message}\u0000${e.scope ?? '\u0001'}\u0000${e.widens === true}`;
  const prev = into.get(key);
  if (prev?.requests && e.requests) {
    const seen = new Set(prev.requests.map((r) => JSON.stringify(r)));
    into.set(key, { ...prev, requests: [...prev.requests, ...e.requests.filter((r) => !seen.has(JSON.stringify(r)))] });
  } else if (!prev || prev.requests) into.set(key, e); // an entry for every request outweighs a narrower one
}

function sortEntries<C extends string>(xs: LossEntry<C>[]): LossEntry<C>[] {
  return xs.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
}
