/**
 * The CRD availability data (target/data/crd-availability.js) seen from one target release and
 * channel: which kinds, fields and enum values a target lacks although some release has them, and
 * how to say in which releases and channels they are. Computed once per release+channel.
 */
import data from '../../target/data/crd-availability.js';
import { firstPresent, presentAt } from '../../target/availability-format.js';
import { RELEASES, type Channel } from '../../target/availability.js';

/** What a target lacks, per kind and apiVersion (nested maps: a lookup per object builds no key). */
export interface Lacks {
  /** kind → apiVersions the data knows that the target does not serve. */
  readonly unserved: ReadonlyMap<string, ReadonlySet<string>>;
  /** kind → apiVersion → the fields and values the target lacks there (absent: nothing). */
  readonly fields: ReadonlyMap<string, ReadonlyMap<string, Missing>>;
}

/** What one kind+apiVersion lacks at the target, for the field walk. */
export interface Missing {
  /** Field paths and `path=value` entries the target lacks (see `missingAt`). */
  readonly entries: ReadonlySet<string>;
  /** Every path on the way to a missing entry (and the entries' own paths): where the walk goes. */
  readonly toward: ReadonlySet<string>;
  /** Paths whose enum the target has (some `path=value` present): only there is a value refused. */
  readonly enumPaths: ReadonlySet<string>;
}

const NEWEST = RELEASES.length - 1;
const cache = new Map<string, Lacks>();

/** The data's entries of a kind at an apiVersion, if the data knows them. */
export function entriesOf(kind: string, apiVersion: string): { readonly [entry: string]: string } | undefined {
  return data.kinds[kind]?.[apiVersion];
}

/**
 * What the target lacks of the data's kinds, apiVersions, fields and values. Entries missing from
 * the newest release's experimental CRDs are left out: those are fields and values removed from
 * the API, which the schema check (today's CRDs) already reports as unknown.
 */
export function lacksAt(release: number, channel: Channel): Lacks {
  const key = `${release}/${channel}`;
  const known = cache.get(key);
  if (known) return known;
  const unserved = new Map<string, Set<string>>();
  const fields = new Map<string, Map<string, Missing>>();
  for (const [kind, versions] of Object.entries(data.kinds)) {
    for (const [apiVersion, entries] of Object.entries(versions)) {
      const served = entries['@served'];
      if (served !== undefined && !presentAt(served, channel, release)) unserved.set(kind, (unserved.get(kind) ?? new Set()).add(apiVersion));
      const missing = missingOf(entries, release, channel);
      if (missing) fields.set(kind, (fields.get(kind) ?? new Map<string, Missing>()).set(apiVersion, missing));
    }
  }
  const lacks = { unserved, fields };
  cache.set(key, lacks);
  return lacks;
}

function missingOf(entries: { readonly [entry: string]: string }, release: number, channel: Channel): Missing | undefined {
  const missing = new Set<string>();
  const enumPaths = new Set<string>();
  for (const [entry, value] of Object.entries(entries)) {
    if (entry.startsWith('@')) continue;
    const eq = entry.indexOf('=');
    const here = presentAt(value, channel, release);
    if (eq > 0 && here) enumPaths.add(entry.slice(0, eq));
    if (!here && presentAt(value, 'experimental', NEWEST)) missing.add(entry);
  }
  if (missing.size === 0) return undefined;
  const toward = new Set<string>();
  for (const entry of missing) {
    const eq = entry.indexOf('=');
    for (const prefix of prefixes(eq > 0 ? entry.slice(0, eq) : entry)) toward.add(prefix);
  }
  return { entries: missing, toward, enumPaths };
}

/** `spec.rules[].retry` → spec, spec.rules, spec.rules[], spec.rules[].retry. */
function prefixes(path: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < path.length; i++) if (path[i] === '.' || (path[i] === '[' && path[i + 1] === ']')) out.push(path.slice(0, i));
  out.push(path);
  return out;
}

/** Where an entry is present, for people: "from v1.5.0", "experimental channel only (from v1.3.0)". */
export function describePresence(value: string): string {
  const s = firstPresent(value, 'standard');
  const e = firstPresent(value, 'experimental');
  const at = (i: number | undefined): string => RELEASES[i ?? 0] ?? '';
  const removed = (channel: Channel, first: number | undefined): string => {
    if (first === undefined || presentAt(value, channel, NEWEST)) return '';
    const last = RELEASES.findLastIndex((_, i) => presentAt(value, channel, i));
    return ` until ${at(last)}`;
  };
  if (s === undefined && e === undefined) return 'in no release';
  if (s === undefined) return `in the experimental channel only (from ${at(e)}${removed('experimental', e)})`;
  if (e === undefined || s === e) return `in releases from ${at(s)}${removed('standard', s)}`;
  return `in the standard channel from ${at(s)}${removed('standard', s)} (experimental from ${at(e)}${removed('experimental', e)})`;
}
