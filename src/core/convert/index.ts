import type { KubeObject, Resource } from '../resources/types.js';
import { DEFAULT_TARGET } from '../target/target.js';
import { fitItems } from './for-target.js';
import { gatewayToIstio } from './gateway-to-istio.js';
import { istioToGateway } from './istio-to-gateway.js';
import { Report } from './report.js';
import type { ConvertOptions, ConvertResult } from './types.js';
import { leaveOutInvalid, writtenOf } from './written-valid.js';

/**
 * Converts a design to the other dialect (DESIGN.md "Conversion"). Objects already of the target
 * dialect, core objects and unknown kinds pass through unchanged. Never throws on bad input: what
 * cannot be carried over is in `loss`, what was restructured in `notes`. With `options.target`, every
 * Gateway API object written is fitted to it (for-target.ts): served apiVersions only, and what the
 * target cannot express refused with a `KindNotInTarget` or `NotInTargetRelease` loss entry.
 * Every object the conversion writes is then validated under the target's channel (the default
 * target's without one): one that would be refused is left out with an `InvalidInTarget` entry
 * (written-valid.ts) — the user's own objects, passed through as given, are theirs (fitted, they
 * must not gain a problem).
 */
export function convert(resources: readonly Resource[], options: ConvertOptions): ConvertResult {
  const report = new Report(options.locations);
  const sources = new Map<KubeObject, Resource>();
  const items = options.to === 'gateway-api' ? istioToGateway(resources, options, report, sources) : gatewayToIstio(resources, options, report, sources);
  for (const r of resources) if (!sources.has(r.object)) sources.set(r.object, r);
  const copies = new Map<KubeObject, KubeObject>();
  const fitted = options.target ? fitItems(items, sources, resources[0], options.target, report, copies) : items;
  const written = leaveOutInvalid(fitted, writtenOf(new Set(resources), sources, copies), (options.target ?? DEFAULT_TARGET).channel, resources[0], report);
  return { items: written, ...report.result() };
}

export { fitForTarget } from './for-target.js';
