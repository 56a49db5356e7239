/**
 * Values keyed by an Istio host (exact, `*.suffix`, `*`), answering "which of them overlap this
 * name" (`host.Name.Matches`, see names.ts hostsOverlap) in insertion order without scanning
 * them all: a concrete name can only overlap the same name, a `*.suffix` of one of its suffixes,
 * or a host that is not of those two forms (`*`, empty).
 */
import { wildcardSuffixes } from '../hostname.js';
import { hostsOverlap } from './names.js';

export interface HostEntry<T> {
  readonly host: string;
  readonly value: T;
}

interface Slot<T> extends HostEntry<T> {
  readonly seq: number;
}

function push<T>(map: Map<string, Slot<T>[]>, key: string, slot: Slot<T>): void {
  const list = map.get(key);
  if (list) list.push(slot);
  else map.set(key, [slot]);
}

export class HostOverlapIndex<T> {
  private readonly all: Slot<T>[] = [];
  /** Concrete hosts, by lower-cased name. */
  private readonly exact = new Map<string, Slot<T>[]>();
  /** `*.suffix` hosts by lower-cased `.suffix`. */
  private readonly bySuffix = new Map<string, Slot<T>[]>();
  /** `*`, empty and other `*`-prefixed hosts: checked one by one. */
  private readonly other: Slot<T>[] = [];

  add(host: string, value: T): void {
    const slot: Slot<T> = { seq: this.all.length, host, value };
    this.all.push(slot);
    const lower = host.toLowerCase();
    if (lower.startsWith('*.')) push(this.bySuffix, lower.slice(1), slot);
    else if (lower === '' || lower.startsWith('*')) this.other.push(slot);
    else push(this.exact, lower, slot);
  }

  /** The entries whose host overlaps `name`, in insertion order. */
  overlapping(name: string): HostEntry<T>[] {
    const lower = name.toLowerCase();
    // A wildcard or empty name can overlap any host.
    if (lower === '' || lower.startsWith('*')) return this.all.filter((s) => hostsOverlap(s.host, name));
    const found: Slot<T>[] = [...(this.exact.get(lower) ?? [])];
    for (const suffix of wildcardSuffixes(lower)) {
      const list = this.bySuffix.get(suffix);
      if (list && lower.length > suffix.length) for (const s of list) found.push(s);
    }
    for (const s of this.other) found.push(s);
    return found.filter((s) => hostsOverlap(s.host, name)).sort((a, b) => a.seq - b.seq);
  }
}
