import { loadDocument } from './load.js';
import { replaceDocumentTexts, type ParsedFile } from './parse.js';
import { serializeObject } from './serialize.js';
import { isRecord, type KubeObject, type Resource } from './types.js';

/**
 * Edits made outside the text (canvas, inspector) become new text: only the documents they
 * change are re-serialized; every other document keeps its bytes, comments included.
 */
export type ResourceEdit =
  | { readonly type: 'replace'; readonly resource: Resource; readonly object: KubeObject }
  | { readonly type: 'delete'; readonly resource: Resource }
  | { readonly type: 'add'; readonly object: KubeObject };

export function applyEdits(file: ParsedFile, edits: readonly ResourceEdit[]): string {
  const docTexts = new Map<number, string | null>();
  const listItems = new Map<number, Map<number, KubeObject | null>>();
  const added: KubeObject[] = [];
  for (const edit of edits) {
    if (edit.type === 'add') {
      added.push(edit.object);
      continue;
    }
    const { document, item, file: name } = edit.resource.source;
    if (name !== file.name) continue;
    const next = edit.type === 'replace' ? edit.object : null;
    if (item === undefined) docTexts.set(document, next === null ? null : serializeObject(next));
    else listItems.set(document, (listItems.get(document) ?? new Map()).set(item, next));
  }
  for (const [document, items] of listItems) {
    const span = file.documents[document];
    if (!span) continue;
    const list = loadDocument(file.text.slice(span.start, span.end)).value;
    if (!isRecord(list) || !Array.isArray(list.items)) continue;
    const kept = list.items.flatMap((obj, i) => {
      const next = items.get(i);
      return next === undefined ? [obj] : next === null ? [] : [next];
    });
    docTexts.set(document, serializeObject({ ...list, items: kept }));
  }
  let text = replaceDocumentTexts(file.text, file.documents, docTexts);
  for (const obj of added) text = appendDocument(text, serializeObject(obj));
  return text;
}

function appendDocument(text: string, doc: string): string {
  if (text.trim() === '') return doc;
  const sep = text.endsWith('\n') ? '' : '\n';
  return `${text}${sep}---\n${doc}`;
}
