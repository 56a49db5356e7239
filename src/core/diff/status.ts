/**
 * Controller status changes: each object's status (compile's StatusList, as `route-designer
 * status` prints it) flattened into fields — a condition as `status (reason)`, a listener's
 * attachedRoutes, a parent's conditions keyed by its parentRef — and compared field by field.
 * Messages are not compared (their words name lines and objects); reasons are the API's contract.
 */
import type { StatusCondition, StatusItem, StatusList, StatusParentRef } from '../compile/types.js';
import type { StatusChange } from './types.js';

export function diffStatus(before: StatusList, after: StatusList): StatusChange[] {
  const a = flattenList(before);
  const b = flattenList(after);
  const out: StatusChange[] = [];
  for (const [key, { object, fields }] of a) {
    const other = b.get(key)?.fields ?? new Map<string, string>();
    for (const [field, value] of fields) if (other.get(field) !== value) out.push({ object, field, before: value, after: other.get(field) ?? null });
  }
  for (const [key, { object, fields }] of b) {
    const other = a.get(key)?.fields ?? new Map<string, string>();
    for (const [field, value] of fields) if (!other.has(field)) out.push({ object, field, before: null, after: value });
  }
  return out;
}

type Flat = Map<string, { object: StatusChange['object']; fields: Map<string, string> }>;

function flattenList(list: StatusList): Flat {
  const out: Flat = new Map();
  for (const item of list.items) {
    const object = { kind: item.kind, namespace: item.metadata.namespace ?? 'default', name: item.metadata.name };
    out.set(`${object.kind}/${object.namespace}/${object.name}`, { object, fields: flatten(item) });
  }
  return out;
}

function flatten(item: StatusItem): Map<string, string> {
  const f = new Map<string, string>();
  const s = item.status;
  conditions(f, 'conditions', s.conditions);
  for (const l of s.listeners ?? []) {
    f.set(`listeners.${l.name}.attachedRoutes`, String(l.attachedRoutes));
    conditions(f, `listeners.${l.name}.conditions`, l.conditions);
  }
  if (s.attachedListenerSets !== undefined) f.set('attachedListenerSets', String(s.attachedListenerSets));
  for (const p of s.parents ?? []) conditions(f, `parents.${refText(p.parentRef)}.conditions`, p.conditions);
  for (const p of s.ancestors ?? []) conditions(f, `ancestors.${refText(p.ancestorRef)}.conditions`, p.conditions);
  return f;
}

function conditions(f: Map<string, string>, prefix: string, cs: readonly StatusCondition[] | undefined): void {
  for (const c of cs ?? []) f.set(`${prefix}.${c.type}`, `${c.status} (${c.reason})`);
}

function refText(r: StatusParentRef): string {
  return `${r.kind} ${r.namespace}/${r.name}${r.sectionName === undefined ? '' : `#${r.sectionName}`}${r.port === undefined ? '' : `:${r.port}`}`;
}
