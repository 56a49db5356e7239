import { changeNamespace, makeResourceId, type NamespaceNote } from '../core/index';
import { commit, withDocument, type EditContext } from './edit-actions-resources';

/** One notice for what a namespace change did besides moving the object, warnings first. */
export function namespaceNotice(notes: readonly NamespaceNote[]): { text: string; tone: 'error' | 'info' } | null {
  if (notes.length === 0) return null;
  const warnings = notes.filter((n) => n.severity === 'warning');
  const sorted = [...warnings, ...notes.filter((n) => n.severity !== 'warning')];
  const head = warnings.length > 0 ? `${warnings.length} reference${warnings.length === 1 ? '' : 's'} could not follow: ` : '';
  return { text: `${head}${sorted.map((n) => n.message).join('; ')}.`, tone: warnings.length > 0 ? 'error' : 'info' };
}

/**
 * Moves an object to another namespace: references follow (changeNamespace), its node keeps its
 * place and the selection; what could not follow is said in a notice (and in Problems).
 */
export function moveToNamespace(ctx: EditContext, resourceId: string, namespace: string, notify: (text: string, tone: 'error' | 'info') => void): boolean {
  return withDocument(ctx, (doc) => {
    const target = doc.resources.find((r) => r.id === resourceId);
    if (!target) return ctx.refuse('That object is no longer in the design.');
    const change = changeNamespace(doc.resources, target, namespace);
    if (!change.ok) return ctx.refuse(`Not moved: ${change.reason}.`);
    if (change.edits.length === 0) return false;
    const s = ctx.design.getState();
    const position = s.positions[resourceId];
    if (!commit(ctx, doc, change.edits, change.label)) return false;
    const newId = makeResourceId(target.group, target.kind, namespace, target.name);
    if (position) ctx.design.getState().moveNode(newId, position);
    if (s.selection === resourceId) ctx.design.getState().select(newId);
    const notice = namespaceNotice(change.notes);
    if (notice) notify(notice.text, notice.tone);
    return true;
  });
}
