/**
 * What a Gateway API target (release + channel) serves, read from the CRD-derived data in
 * data/crd-availability.js (npm run gen:crd-availability). Releases are written `v1.5.1`,
 * `1.5.1`, or `v1.5` for that minor's newest patch in the data. An unknown release is a
 * programmer's error (check it with `resolveRelease` first).
 */
import data from './data/crd-availability.js';
import { firstPresent, presentAt, type Channel } from './availability-format.js';

export type { Channel } from './availability-format.js';

/** The data's releases, oldest first (e.g. `v1.2.0` … `v1.6.1`). */
export const RELEASES: readonly string[] = data.releases;

/** The full tag a release string means (`v1.5` → `v1.5.1`), or undefined when the data has none. */
export function resolveRelease(release: string): string | undefined {
  const tag = release.startsWith('v') ? release : `v${release}`;
  if (RELEASES.includes(tag)) return tag;
  if (!/^v\d+\.\d+$/.test(tag)) return undefined;
  return RELEASES.filter((r) => r.startsWith(`${tag}.`)).at(-1);
}

function releaseIndex(release: string): number {
  const tag = resolveRelease(release);
  if (tag === undefined) throw new RangeError(`no Gateway API release ${release} in the CRD data (${RELEASES.join(', ')})`);
  return RELEASES.indexOf(tag);
}

function entries(kind: string, apiVersion: string): { readonly [entry: string]: string } | undefined {
  return data.kinds[kind]?.[apiVersion];
}

/** The full apiVersions (`gateway.networking.k8s.io/v1`) at which the kind is served, sorted by name. */
export function servedVersions(kind: string, release: string, channel: Channel): string[] {
  const at = releaseIndex(release);
  return Object.entries(data.kinds[kind] ?? {})
    .filter(([, e]) => e['@served'] !== undefined && presentAt(e['@served'], channel, at))
    .map(([apiVersion]) => apiVersion);
}

/** The apiVersion the kind's objects are stored at, if the kind exists in that release and channel. */
export function storageVersion(kind: string, release: string, channel: Channel): string | undefined {
  const at = releaseIndex(release);
  return Object.entries(data.kinds[kind] ?? {}).find(([, e]) => e['@storage'] !== undefined && presentAt(e['@storage'], channel, at))?.[0];
}

/**
 * Whether the kind's schema at that served apiVersion has the field path
 * (`spec.rules[].timeouts.backendRequest`) or enum value (`spec.listeners[].tls.mode=Passthrough`).
 */
export function hasField(kind: string, apiVersion: string, path: string, release: string, channel: Channel): boolean {
  const value = entries(kind, apiVersion)?.[path];
  return value !== undefined && presentAt(value, channel, releaseIndex(release));
}

/** The first release (full tag) in which the channel has the path (or `@served`), if any. */
export function firstRelease(kind: string, apiVersion: string, path: string, channel: Channel): string | undefined {
  const value = entries(kind, apiVersion)?.[path];
  const first = value === undefined ? undefined : firstPresent(value, channel);
  return first === undefined ? undefined : RELEASES[first];
}
