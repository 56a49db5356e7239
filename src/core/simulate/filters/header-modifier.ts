/**
 * RequestHeaderModifier on the forwarded request (gateway-api.md §5.2): `set` replaces or creates,
 * `add` appends (comma-joined with an existing value), `remove` deletes; names case-insensitive.
 */
import type { HeaderModifier } from '../../compile/types.js';

export function applyHeaderModifier(headers: Map<string, string>, m: HeaderModifier): void {
  for (const [name, value] of m.set) headers.set(name, value);
  for (const [name, value] of m.add) {
    const prev = headers.get(name);
    headers.set(name, prev === undefined ? value : `${prev},${value}`);
  }
  for (const name of m.remove) headers.delete(name);
}

/** ResponseHeaderModifier: accumulated as edits, since the simulator has no response. */
export interface ResponseEdits {
  readonly set: Map<string, string>;
  readonly add: Map<string, string>;
  readonly remove: string[];
}

export function recordResponseEdits(edits: ResponseEdits, m: HeaderModifier): void {
  for (const [name, value] of m.set) {
    edits.set.set(name, value);
    edits.add.delete(name);
  }
  for (const [name, value] of m.add) {
    const prev = edits.add.get(name);
    edits.add.set(name, prev === undefined ? value : `${prev},${value}`);
  }
  for (const name of m.remove) {
    edits.set.delete(name);
    edits.add.delete(name);
    if (!edits.remove.includes(name)) edits.remove.push(name);
  }
}
