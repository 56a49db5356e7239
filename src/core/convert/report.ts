import { formatPath, type FieldPath } from '../resources/path.js';
import type { SourceLocations } from '../resources/locations.js';
import type { Resource } from '../resources/types.js';
import type { LossCode, LossEntry, NoteCode } from './types.js';

/**
 * Collects loss entries and notes while a conversion runs. Entries are located lazily through
 * SourceLocations (exact file:line:column), deduplicated, and sorted by file position.
 */
export class Report {
  private readonly loss = new Map<string, LossEntry>();
  private readonly notes = new Map<string, LossEntry<NoteCode>>();

  constructor(private readonly locations: SourceLocations | undefined) {}

  lose(code: LossCode, resource: Resource, path: FieldPath, message: string): void {
    const e = this.entry(code, resource, path, message);
    this.loss.set(`${e.file}\u0000${e.path}\u0000${code}\u0000${message}`, e);
  }

  note(code: NoteCode, resource: Resource, path: FieldPath, message: string): void {
    const e = this.entry(code, resource, path, message);
    this.notes.set(`${e.file}\u0000${e.path}\u0000${code}\u0000${message}`, e);
  }

  result(): { loss: LossEntry[]; notes: LossEntry<NoteCode>[] } {
    return { loss: sortEntries([...this.loss.values()]), notes: sortEntries([...this.notes.values()]) };
  }

  private entry<C extends string>(code: C, resource: Resource, path: FieldPath, message: string): LossEntry<C> {
    const at = this.locations?.range(resource, path) ?? { file: resource.source.file, line: resource.source.line, column: 1 };
    return {
      code,
      message,
      resource: { kind: resource.kind, namespace: resource.namespace, name: resource.name },
      path: formatPath(path),
      file: at.file,
      line: at.line,
      column: at.column,
    };
  }
}

function sortEntries<C extends string>(xs: LossEntry<C>[]): LossEntry<C>[] {
  return xs.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
}
