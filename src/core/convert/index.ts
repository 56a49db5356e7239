import type { KubeObject, Resource } from '../resources/types.js';
import { fitItems } from './for-target.js';
import { gatewayToIstio } from './gateway-to-istio.js';
import { istioToGateway } from './istio-to-gateway.js';
import { Report } from './report.js';
import type { ConvertOptions, ConvertResult } from './types.js';

/**
 * Converts a design to the other dialect (DESIGN.md "Conversion"). Objects already of the target
 * dialect, core objects and unknown kinds pass through unchanged. Never throws on bad input: what
 * cannot be carried over is in `loss`, what was restructured in `notes`. With `options.target`, every
 * Gateway API object written is fitted to it (for-target.ts): served apiVersions only, and what the
 * target cannot express refused with a `KindNotInTarget` or `NotInTargetRelease` loss entry.
 */
export function convert(resources: readonly Resource[], options: ConvertOptions): ConvertResult {
  const report = new Report(options.locations);
  const sources = new Map<KubeObject, Resource>();
  const items = options.to === 'gateway-api' ? istioToGateway(resources, options, report, sources) : gatewayToIstio(resources, options, report);
  if (!options.target) return { items, ...report.result() };
  for (const r of resources) if (!sources.has(r.object)) sources.set(r.object, r);
  return { items: fitItems(items, sources, resources[0], options.target, report), ...report.result() };
}

export { fitForTarget } from './for-target.js';
