import {
  connectionEdits,
  editText,
  kindInfo,
  makeResourceId,
  newObject,
  PALETTE,
  previewRemoval,
  removeResource,
  renameResource,
  resourceIdOf,
  setEdgeWeight,
  splitApiVersion,
  uniqueName,
  checkName,
  introducedErrors,
  type CanvasConnection,
  type KubeObject,
  type PaletteKind,
  type ResourceEdit,
} from '../core/index';
import type { DesignStore } from './design-store';
import { editableDocument, type EditableDocument } from './edit-actions-document';
import { agreeWithDesign, newNameBase } from './edit-actions-names';
import { placeNewObject } from './edit-actions-place';
import type { History } from './history';
import type { XY } from './layout';
import { checkObjectNow } from './object-check';

/** What an edit action needs: the design, its history, and a way to say why an edit was refused. */
export interface EditContext {
  readonly design: DesignStore;
  readonly history: History;
  refuse(reason: string): false;
}

/** New objects go to this namespace (the default a controller would apply). */
export const NEW_NAMESPACE = 'default';

/** Runs `f` on the current document, or refuses (review mode, YAML errors). */
export function withDocument(ctx: EditContext, f: (doc: EditableDocument) => boolean): boolean {
  const doc = editableDocument(ctx.design.getState());
  return typeof doc === 'string' ? ctx.refuse(doc) : f(doc);
}

/** Edits → new text (other documents byte for byte) → the store, as one named step. */
export function commit(ctx: EditContext, doc: EditableDocument, edits: readonly ResourceEdit[], label: string, mergeKey?: string): boolean {
  const text = editText(doc.text, doc.fileName, edits);
  if (text === doc.text) return false;
  ctx.history.expect(label, mergeKey);
  ctx.design.getState().replaceText(text, 'edit');
  return true;
}

/** Adds a new object of a palette kind; dropped at `position`, it stays there (pinned). */
export function addResource(ctx: EditContext, kind: PaletteKind, position?: XY): boolean {
  return withDocument(ctx, (doc) => {
    const template = newObject(kind, NEW_NAMESPACE, 'new');
    const { group } = splitApiVersion(String(template.apiVersion));
    const info = kindInfo(group, String(template.kind));
    const namespace = info?.namespaced === false ? '' : NEW_NAMESPACE;
    const name = uniqueName(doc.resources, group, String(template.kind), namespace, newNameBase(kind, String(template.kind), doc.resources));
    const object = agreeWithDesign(kind, newObject(kind, NEW_NAMESPACE, name), doc.resources);
    const id = resourceIdOf(object, NEW_NAMESPACE, info?.namespaced !== false);
    const label = PALETTE.find((p) => p.kind === kind)?.label ?? kind;
    if (position) ctx.design.getState().moveNode(id, position);
    if (!commit(ctx, doc, [{ type: 'add', object }], `Add ${label}`)) return false;
    ctx.design.getState().select(id);
    // Added by a click: the canvas puts it where the user is looking, not where the layout would.
    if (!position) placeNewObject(ctx.design, id);
    return true;
  });
}

export function connect(ctx: EditContext, connection: CanvasConnection): boolean {
  return withDocument(ctx, (doc) => {
    const gesture = connectionEdits(doc.resources, doc.graph, connection);
    return gesture.ok ? commit(ctx, doc, gesture.edits, gesture.label) : ctx.refuse(gesture.reason);
  });
}

export function setWeight(ctx: EditContext, edgeId: string, weight: number): boolean {
  return withDocument(ctx, (doc) => {
    const gesture = setEdgeWeight(doc.resources, doc.graph, edgeId, weight);
    return gesture.ok ? commit(ctx, doc, gesture.edits, gesture.label, `weight:${edgeId}`) : ctx.refuse(gesture.reason);
  });
}

/** A form edit of one resource, checked with the document's own rules: it never adds an error silently. */
export function updateObject(ctx: EditContext, resourceId: string, update: (object: KubeObject) => KubeObject, label: string, mergeKey?: string): boolean {
  return withDocument(ctx, (doc) => {
    const resource = doc.resources.find((r) => r.id === resourceId);
    if (!resource) return ctx.refuse('That object is no longer in the design.');
    const object = update(resource.object);
    if (object === resource.object) return false;
    const before = checkObjectNow(resource.object);
    const after = before && checkObjectNow(object);
    const introduced = before && after ? introducedErrors(before, after) : [];
    if (introduced.length > 0) return ctx.refuse(`Not applied (${label}): ${introduced.map((p) => `${p.path ? `${p.path}: ` : ''}${p.message}`).join('; ')}`);
    return commit(ctx, doc, [{ type: 'replace', resource, object }], label, mergeKey);
  });
}

/** Renames an object; every reference follows, and its node keeps its place and selection. */
export function rename(ctx: EditContext, resourceId: string, name: string): boolean {
  return withDocument(ctx, (doc) => {
    const target = doc.resources.find((r) => r.id === resourceId);
    if (!target) return ctx.refuse('That object is no longer in the design.');
    if (name === target.name) return false;
    const invalid = checkName(name);
    if (invalid) return ctx.refuse(`Not renamed: ${invalid}.`);
    const newId = makeResourceId(target.group, target.kind, target.namespace, name);
    if (doc.resources.some((r) => r.id === newId)) return ctx.refuse(`Not renamed: ${target.kind} ${target.namespace ? `${target.namespace}/` : ''}${name} already exists.`);
    const s = ctx.design.getState();
    const position = s.positions[resourceId];
    if (!commit(ctx, doc, renameResource(doc.resources, target, name), `Rename ${target.kind} ${target.name} to ${name}`)) return false;
    if (position) ctx.design.getState().moveNode(newId, position);
    if (s.selection === resourceId) ctx.design.getState().select(newId);
    return true;
  });
}

/** What deleting a resource will change (for the confirmation), or why it cannot be deleted. */
export function deletionOf(ctx: EditContext, resourceId: string) {
  const doc = editableDocument(ctx.design.getState());
  if (typeof doc === 'string') return doc;
  const target = doc.resources.find((r) => r.id === resourceId);
  if (!target) return 'That object is no longer in the design.';
  return { title: `${target.kind} ${target.namespace ? `${target.namespace}/` : ''}${target.name}`, preview: previewRemoval(doc.resources, target) };
}

export function remove(ctx: EditContext, resourceId: string, cleanUp: boolean): boolean {
  return withDocument(ctx, (doc) => {
    const target = doc.resources.find((r) => r.id === resourceId);
    if (!target) return ctx.refuse('That object is no longer in the design.');
    const { edits } = removeResource(doc.resources, target, { cleanUp });
    const title = `${target.kind} ${target.name}`;
    if (!commit(ctx, doc, edits, cleanUp ? `Delete ${title} and its references` : `Delete ${title}`)) return false;
    if (ctx.design.getState().selection === resourceId) ctx.design.getState().select(null);
    return true;
  });
}
