import type { Resource } from '../resources/types.js';
import { gatewayToIstio } from './gateway-to-istio.js';
import { istioToGateway } from './istio-to-gateway.js';
import { Report } from './report.js';
import type { ConvertOptions, ConvertResult } from './types.js';

/**
 * Converts a design to the other dialect (DESIGN.md "Conversion"). Objects already of the target
 * dialect, core objects and unknown kinds pass through unchanged. Never throws on bad input: what
 * cannot be carried over is in `loss`, what was restructured in `notes`.
 */
export function convert(resources: readonly Resource[], options: ConvertOptions): ConvertResult {
  const report = new Report(options.locations);
  const items = options.to === 'gateway-api' ? istioToGateway(resources, options, report) : gatewayToIstio(resources, options, report);
  return { items, ...report.result() };
}
