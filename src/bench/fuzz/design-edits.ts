import { applyEdits, changeNamespace, parse, removeResource, renameResource, type ParseResult, type ResourceEdit } from '../../core/index.js';
import { InvariantError } from './invariants.js';

/**
 * The canvas's and inspector's edits, as the store makes them, on one object of the case: rename
 * (references follow), delete with and without clean-up, move to another namespace. Each edit's
 * text is read again; an edit of a readable design must not make it unreadable.
 */
const NAMES = ['renamed', 'x'.repeat(300), 'a', '<b>', ''] as const;
const NAMESPACES = ['other', 'shop', 'Bad_NS', ''] as const;

export function runDesignEdits(parsed: ParseResult, pick: number): void {
  const file = parsed.files[0];
  const target = parsed.resources[pick % Math.max(1, parsed.resources.length)];
  if (!file || !target || target.source.file !== file.name) return;
  const readable = !parsed.diagnostics.some((d) => d.code.startsWith('YAML'));
  const check = (what: string, edits: readonly ResourceEdit[]): void => {
    const text = applyEdits(file, edits);
    const again = parse([{ name: file.name, text }]);
    const broken = again.diagnostics.find((d) => d.code.startsWith('YAML'));
    if (readable && broken) throw new InvariantError(`${what} of ${target.id} made the YAML unreadable: ${broken.code} ${broken.message}`);
  };
  check('rename', renameResource(parsed.resources, target, NAMES[pick % NAMES.length] ?? 'renamed'));
  check('delete', removeResource(parsed.resources, target, { cleanUp: false }).edits);
  check('delete with clean-up', removeResource(parsed.resources, target, { cleanUp: true }).edits);
  const moved = changeNamespace(parsed.resources, target, NAMESPACES[pick % NAMESPACES.length] ?? 'other');
  if (moved.ok) check('namespace change', moved.edits);
}
