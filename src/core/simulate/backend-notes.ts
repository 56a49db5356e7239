/**
 * The table notes about the backends a decision uses (missing or assumed objects). Such notes
 * start with `Kind ns/name ` (see compile/istio/destinations.ts, compile/backends.ts); they are
 * indexed once per table by that head, so a request costs its backends, not every note.
 */
import type { Note, RouteTable } from '../compile/types.js';

const byHead = new WeakMap<readonly Note[], Map<string, number[]>>();

/** The message up to and including its second space, or null. */
function headOf(message: string): string | null {
  const first = message.indexOf(' ');
  const second = first === -1 ? -1 : message.indexOf(' ', first + 1);
  return second === -1 ? null : message.slice(0, second + 1);
}

function indexOf(notes: readonly Note[]): Map<string, number[]> {
  let index = byHead.get(notes);
  if (index) return index;
  index = new Map();
  notes.forEach((n, i) => {
    const head = headOf(n.message);
    if (head === null) return;
    const list = index?.get(head);
    if (list) list.push(i);
    else index?.set(head, [i]);
  });
  byHead.set(notes, index);
  return index;
}

const spaces = (s: string): number => s.split(' ').length - 1;

/** The notes whose message starts with `Kind ns/name ` of one of the backends, in table order. */
export function backendNotes(table: RouteTable, backends: readonly { namespace: string; name: string; kind: string }[]): RouteTable['notes'] {
  if (table.notes.length === 0 || backends.length === 0) return [];
  const prefixes = backends.map((b) => `${b.kind} ${b.namespace}/${b.name} `);
  // A name with a space has no single head: compare with every note.
  if (prefixes.some((p) => spaces(p) !== 2)) return table.notes.filter((n) => prefixes.some((p) => n.message.startsWith(p)));
  const index = indexOf(table.notes);
  const hits = new Set<number>();
  for (const p of prefixes) for (const i of index.get(p) ?? []) hits.add(i);
  return [...hits].sort((a, b) => a - b).flatMap((i) => table.notes[i] ?? []);
}
