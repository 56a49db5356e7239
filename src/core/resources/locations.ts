import type { SourceRange } from '../diagnostics/types.js';
import { LineIndex } from './line-index.js';
import { createDocumentLocator, type DocumentLocator } from './locate.js';
import type { ParsedFile } from './parse.js';
import type { FieldPath } from './path.js';
import type { Resource } from './types.js';

/**
 * Resolves (resource, field path) → exact range in the user's text, on demand and cached per
 * document. Validators report paths; this turns them into editor positions.
 */
export class SourceLocations {
  private readonly files = new Map<string, { file: ParsedFile; lines: LineIndex | null }>();
  private readonly docs = new Map<string, DocumentLocator>();

  constructor(files: readonly ParsedFile[]) {
    for (const f of files) this.files.set(f.name, { file: f, lines: null });
  }

  range(resource: Resource, path: FieldPath, prefer: 'key' | 'value' = 'value'): SourceRange {
    const { file: name, document, item } = resource.source;
    const entry = this.files.get(name);
    const span = entry?.file.documents[document];
    if (!entry || !span) {
      return { file: name, line: resource.source.line, column: 1, endLine: resource.source.line, endColumn: 1 };
    }
    const lines = (entry.lines ??= new LineIndex(entry.file.text));
    const key = `${name}\u0000${document}`;
    let loc = this.docs.get(key);
    if (!loc) {
      loc = createDocumentLocator(entry.file.text.slice(span.start, span.end));
      this.docs.set(key, loc);
    }
    const full = item === undefined ? path : ['items', item, ...path];
    const [start, end] = loc.locate(full, prefer);
    const s = lines.position(span.start + start);
    const e = lines.position(span.start + end);
    return { file: name, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }
}
