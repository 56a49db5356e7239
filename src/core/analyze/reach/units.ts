/**
 * Walks every site's entries once: an entry that an earlier entry covers is shadowed there; else a
 * witness request is sought (once per rule match). Coverage candidates come from the vhost's path
 * index (an entry that covers B matches B's own path), so the work grows with the table, not with
 * the square of a vhost's size.
 */
import type { RouteEntry, RouteTable, VirtualHost } from '../../compile/types.js';
import type { WitnessRequest } from '../../diagnostics/types.js';
import { pathCandidates } from '../../simulate/path-candidates.js';
import { entryCovers } from './covers.js';
import { SCAN_LIMIT, sitesOf, type Site } from './sites.js';
import { findWitness, Verifier } from './witness.js';

/** One rule match (or a rule without matches) across every site that serves it. */
export interface Unit {
  readonly entry: RouteEntry;
  witness: WitnessRequest | null;
  /** Sites where no single earlier entry covers it and no witness was found. */
  open: number;
  /** The entries that cover it, with one site where they do. */
  by: Map<string, Shadowing>;
}

interface Shadowing {
  readonly entry: RouteEntry;
  readonly site: Site;
}

/**
 * Every unit starts with this one (most of a large design's rules are covered by none) and gets a
 * map of its own before its first entry: this one is never written.
 */
const NO_SHADOWS = new Map<string, Shadowing>();

const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'VirtualService']);
const MAX_SHADOWS = 4;

export function unitKey(e: RouteEntry): string {
  return `${e.provenance.resource}\u0000${e.provenance.rule ?? ''}\u0000${e.provenance.match ?? ''}`;
}

/**
 * Units by resource id (a string that exists already), then rule and match: no key string is
 * joined per entry. A resource with many units is looked up by unitKey instead of scanned.
 */
class Units {
  readonly all: Unit[] = [];
  private readonly byResource = new Map<string, Unit[]>();
  private readonly byKey = new Map<string, Unit>();

  get(e: RouteEntry): Unit | undefined {
    const list = this.byResource.get(e.provenance.resource);
    if (list === undefined) return undefined;
    if (list.length > UNIT_SCAN) return this.byKey.get(unitKey(e));
    for (const u of list) if (u.entry.provenance.rule === e.provenance.rule && u.entry.provenance.match === e.provenance.match) return u;
    return undefined;
  }

  add(u: Unit): void {
    this.all.push(u);
    const list = this.byResource.get(u.entry.provenance.resource);
    if (list === undefined) {
      this.byResource.set(u.entry.provenance.resource, [u]);
      return;
    }
    list.push(u);
    if (list.length === UNIT_SCAN + 1) for (const x of list) this.byKey.set(unitKey(x.entry), x);
    else if (list.length > UNIT_SCAN) this.byKey.set(unitKey(u.entry), u);
  }
}

const UNIT_SCAN = 32;

/** Every unit, in the order the sites first meet them. */
export function collectUnits(table: RouteTable, verifier: Verifier = new Verifier(table)): readonly Unit[] {
  const units = new Units();
  const pending: { unit: Unit; site: Site; entry: RouteEntry; index: number }[] = [];
  for (const site of sitesOf(table)) {
    const entries = site.vhost.entries;
    // A loop, not forEach: no closure per site.
    for (let j = 0; j < entries.length; j++) {
      const b = entries[j] as RouteEntry;
      if (!ROUTE_KINDS.has(b.routeKind) || !b.provenance.path.startsWith('spec.http') && b.routeKind === 'VirtualService') continue;
      let unit = units.get(b);
      if (!unit) {
        unit = { entry: b, witness: null, open: 0, by: NO_SHADOWS };
        units.add(unit);
      }
      const covering = coveringEntries(site.vhost, j);
      if (covering.length === 0) {
        pending.push({ unit, site, entry: b, index: j });
        continue;
      }
      for (const a of covering) {
        if (unit.by.size >= MAX_SHADOWS) break;
        const k = unitKey(a);
        if (unit.by.has(k)) continue;
        if (unit.by === NO_SHADOWS) unit.by = new Map();
        unit.by.set(k, { entry: a, site });
      }
    }
  }
  for (const p of pending) {
    if (p.unit.witness) continue;
    p.unit.witness = findWitness(verifier, p.site, p.entry, p.index);
    if (!p.unit.witness) p.unit.open++;
  }
  return units.all;
}

/** Earlier entries of the vhost that each cover entry `j` on their own. */
function coveringEntries(vhost: VirtualHost, j: number): RouteEntry[] {
  const b = vhost.entries[j];
  if (!b) return [];
  const out: RouteEntry[] = [];
  // Small vhosts: every earlier entry (cheaper than the index); large ones: the index's candidates.
  const earlier = j <= SCAN_LIMIT ? vhost.entries.keys() : pathCandidates(vhost.pathIndex, representative(b));
  for (const i of earlier) {
    if (i >= j) break;
    const a = vhost.entries[i];
    if (a && entryCovers(a, b)) out.push(a);
  }
  return out;
}

/** A path every request the entry matches could have: any earlier entry that covers it matches this path. */
function representative(e: RouteEntry): string {
  const g = e.match.grpc;
  if (g) return g.type === 'Exact' && g.service !== null ? (g.method !== null ? `/${g.service}/${g.method}` : `/${g.service}`) : '/';
  const p = e.match.path;
  if (!p || p.type === 'RegularExpression') return '/';
  return p.value.startsWith('/') ? p.value : `/${p.value}`;
}
