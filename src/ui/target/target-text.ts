/**
 * The target's text (the CLI's `--target` value, `DesignState.target`) as the picker's fields, and
 * back; and a short summary of it. Data-free on purpose: the toolbar shows the target before the
 * picker (and the conformance data it loads) is ever opened. The full reading, with the data, is
 * the core's `parseTarget` (the analyzer's, and the picker's once open).
 */
export type Channel = 'standard' | 'experimental';

export interface TargetFields {
  /** '' = the newest release; `v1.5` = that minor's newest patch; `v1.5.0` = that patch. */
  readonly release: string;
  readonly channel: Channel;
  /** A report's `implementation.project`; '' = any (the simulated controller). */
  readonly implementation: string;
  /** Its version without a leading v (`1.20.0`); '' = its newest report. */
  readonly version: string;
  /** An Istio minor (`1.24`); '' = none. */
  readonly istio: string;
}

export const DEFAULT_FIELDS: TargetFields = { release: '', channel: 'experimental', implementation: '', version: '', istio: '' };

/** `gateway-api=v1.5,channel=standard,implementation=cilium@1.20,istio=1.24` → the fields (a part it cannot read keeps its default). */
export function fieldsOf(text: string): TargetFields {
  const f: { -readonly [K in keyof TargetFields]: TargetFields[K] } = { ...DEFAULT_FIELDS };
  for (const raw of text.split(',')) {
    const eq = raw.indexOf('=');
    if (eq < 0) continue;
    const key = raw.slice(0, eq).trim();
    const value = raw.slice(eq + 1).trim();
    if (key === 'gateway-api') f.release = value.startsWith('v') ? value : `v${value}`;
    else if (key === 'channel' && (value === 'standard' || value === 'experimental')) f.channel = value;
    else if (key === 'implementation') {
      const at = value.indexOf('@');
      f.implementation = (at < 0 ? value : value.slice(0, at)).trim();
      f.version = at < 0 ? '' : value.slice(at + 1).trim().replace(/^v/, '');
    } else if (key === 'istio') f.istio = value.replace(/^v/, '');
  }
  return f;
}

/** The fields → the target text, only the parts that differ from the default ('' for the default). */
export function textOf(f: TargetFields): string {
  const parts: string[] = [];
  if (f.release !== '') parts.push(`gateway-api=${f.release}`);
  if (f.channel !== 'experimental') parts.push(`channel=${f.channel}`);
  if (f.implementation !== '') parts.push(`implementation=${f.implementation}${f.version === '' ? '' : `@${f.version}`}`);
  if (f.istio !== '') parts.push(`istio=${f.istio}`);
  return parts.join(',');
}

/** What the analyzer resolved (`Analysis.target`), in the toolbar's words. */
export interface ResolvedTarget {
  readonly release: string;
  readonly channel: Channel;
  readonly implementation: string | null;
  readonly istio: string | null;
}

/**
 * The toolbar's two short lines: "Gateway API v1.6.1", then "cilium v1.20.0 · standard · Istio 1.24"
 * ("experimental channel" with no implementation). The implementation first: where the line is cut
 * short, the channel goes before it.
 */
export function linesOf(t: ResolvedTarget): readonly [string, string] {
  const second = t.implementation === null ? [`${t.channel} channel`] : [t.implementation, t.channel];
  return [`Gateway API ${t.release}`, [...second, ...(t.istio === null ? [] : [`Istio ${t.istio}`])].join(' · ')];
}

/** The same from the text alone, before the analyzer has resolved it ("newest" for the default release, versions as written). */
export function linesOfText(text: string): readonly [string, string] {
  const f = fieldsOf(text);
  return linesOf({
    release: f.release === '' ? 'newest' : f.release,
    channel: f.channel,
    implementation: f.implementation === '' ? null : `${f.implementation}${f.version === '' ? '' : ` v${f.version}`}`,
    istio: f.istio === '' ? null : f.istio,
  });
}
