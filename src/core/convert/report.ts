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
  private readonly origins = new Map<string, Origin>();
  private readonly originSources = new Map<string, { path: FieldPath; source: Resource; sourcePath: FieldPath }[]>();

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
    const o: Origin = { target: { kind: target.kind, namespace: target.namespace, name: target.name }, path: formatPath(path), source: refOf(source), sourcePath: formatPath(sourcePath) };
    this.origins.set(`${o.target.kind}/${o.target.namespace}/${o.target.name}\u0000${o.path}`, o);
    const key = `${o.target.kind}/${o.target.namespace}/${o.target.name}`;
    const list = this.originSources.get(key);
    if (list) list.push({ path, source, sourcePath });
    else this.originSources.set(key, [{ path, source, sourcePath }]);
  }

  /** The source element an output element comes from: the recorded origin whose output path is the longest prefix of `path`. */
  sourceOf(target: SourceRef, path: FieldPath): { source: Resource; sourcePath: FieldPath } | undefined {
    let best: { path: FieldPath; source: Resource; sourcePath: FieldPath } | undefined;
    for (const o of this.originSources.get(`${target.kind}/${target.namespace}/${target.name}`) ?? []) {
      if (o.path.length <= path.length && o.path.every((seg, i) => seg === path[i]) && (!best || o.path.length > best.path.length)) best = o;
    }
    return best;
  }

  result(): { loss: LossEntry[]; notes: LossEntry<NoteCode>[]; origins: Origin[] } {
    return { loss: sortEntries([...this.loss.values()]), notes: sortEntries([...this.notes.values()]), origins: [...this.origins.values()] };
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
