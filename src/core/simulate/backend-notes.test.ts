import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note, RouteTable } from '../compile/types.js';
import { backendNotes } from './backend-notes.js';

// A decision carries the table notes about the objects it sends to: those whose message starts
// with `Kind ns/name ` (compile/backends.ts, compile/istio/destinations.ts). The index by that head
// must keep the scan's answer and order.
const table = (notes: readonly Note[]): RouteTable => ({ gateways: [], mesh: { services: new Map(), hosts: new Map() }, notes, assumeExternal: false });
const backendArb = fc.record({ kind: fc.constantFrom('Service', 'ServiceEntry'), namespace: fc.constantFrom('a', 'b', 'a b'), name: fc.constantFrom('s', 's1', 'x y') });
const messageArb = fc.oneof(
  fc.tuple(backendArb, fc.constantFrom(' is not in this design', ' ', '', 'x is odd')).map(([b, rest]) => `${b.kind} ${b.namespace}/${b.name}${rest}`),
  fc.constantFrom('Service', 'Service a/s', 'free text', ''),
);

describe('backendNotes', () => {
  it('answers like the scan of every note, in table order', () => {
    fc.assert(
      fc.property(fc.array(messageArb, { maxLength: 10 }), fc.array(backendArb, { maxLength: 3 }), (messages, backends) => {
        const notes: Note[] = messages.map((message) => ({ code: 'NotInDesign', message }));
        const expected = notes.filter((n) => backends.some((b) => n.message.startsWith(`${b.kind} ${b.namespace}/${b.name} `)));
        expect(backendNotes(table(notes), backends)).toEqual(expected);
      }),
    );
  });
});
