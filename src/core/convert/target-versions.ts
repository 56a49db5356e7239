import { hasField, RELEASES, servedVersions, storageVersion } from '../target/availability.js';
import type { Channel, Target } from '../target/target.js';

/** The API groups whose CRDs the target data describes (Gateway API, and its experimental `x-k8s.io` kinds). */
export const GATEWAY_API_GROUPS: readonly string[] = ['gateway.networking.k8s.io', 'gateway.networking.x-k8s.io'];

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * Kubernetes' version priority (apimachinery's CompareKubeAwareVersionStrings): GA before beta before
 * alpha, a higher major then a higher minor first (`v1` > `v1beta1` > `v1alpha3` > `v1alpha2`).
 */
function rank(apiVersion: string): readonly [number, number, number] {
  const m = /\/v(\d+)(?:(alpha|beta)(\d+))?$/.exec(apiVersion);
  if (!m) return [0, 0, 0];
  return [m[2] === undefined ? 3 : m[2] === 'beta' ? 2 : 1, Number(m[1]), Number(m[3] ?? 0)];
}

function newer(a: string, b: string): boolean {
  const [x, y] = [rank(a), rank(b)];
  return x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] > y[2];
}

/**
 * The apiVersion to write a Gateway API object at for the target: its storage version when the
 * target serves it, else the newest served; undefined when the target's release and channel do not
 * serve the kind (in the object's group). `keep`: the object's own apiVersion stays when served
 * (the user wrote it; the converter's own objects take the storage version).
 */
export function chooseApiVersion(kind: string, apiVersion: string, target: Target, keep: boolean): string | undefined {
  const group = groupOf(apiVersion);
  const served = servedVersions(kind, target.release, target.channel).filter((v) => groupOf(v) === group);
  if (served.length === 0) return undefined;
  if (keep && served.includes(apiVersion)) return apiVersion;
  const storage = storageVersion(kind, target.release, target.channel);
  if (storage !== undefined && served.includes(storage)) return storage;
  return served.reduce((best, v) => (newer(v, best) ? v : best));
}

/** `Gateway API v1.4.1 standard`. */
export function targetName(target: Target): string {
  return `Gateway API ${target.release} ${target.channel}`;
}

/** Runs of releases where `present` holds: `from v1.5.0`, `v1.2.0–v1.5.1`, joined by `, `. */
function runs(present: (release: string) => boolean): string {
  const out: string[] = [];
  let start: number | undefined;
  RELEASES.forEach((r, i) => {
    const on = present(r);
    if (on && start === undefined) start = i;
    if (start !== undefined && (!on || i === RELEASES.length - 1)) {
      const end = on ? undefined : i - 1;
      out.push(end === undefined ? `from ${RELEASES[start] as string}` : end === start ? `${RELEASES[start] as string} only` : `${RELEASES[start] as string}–${RELEASES[end] as string}`);
      start = undefined;
    }
  });
  return out.join(', ');
}

/** Which releases of each channel have it: `the standard channel from v1.5.0; the experimental channel from v1.3.0`. */
function whereIn(present: (release: string, channel: Channel) => boolean): string {
  const parts = (['standard', 'experimental'] as const).flatMap((c) => {
    const text = runs((r) => present(r, c));
    return text === '' ? [] : [`the ${c} channel ${text}`];
  });
  return parts.length === 0 ? `no Gateway API release ${RELEASES[0] ?? ''}–${RELEASES.at(-1) ?? ''} has it` : `it is in ${parts.join('; ')}`;
}

/** Where the kind is served (any apiVersion of its group). */
export function whereKindIs(kind: string, group: string): string {
  return whereIn((r, c) => servedVersions(kind, r, c).some((v) => groupOf(v) === group));
}

/** Where a field path or enum value (`spec.rules[].retry`, `spec.rules[].filters[].type=CORS`) is, at that apiVersion. */
export function whereFieldIs(kind: string, apiVersion: string, entry: string): string {
  return whereIn((r, c) => hasField(kind, apiVersion, entry, r, c));
}
