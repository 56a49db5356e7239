import { parseRequest, routesRequest, sampleRequest, type Resource, type SampleRequest } from '../core/index';
import type { KeyValue, SimulatorInput } from './simulation';

/**
 * The request the simulator proposes for a design just opened (New, an example, an import): the
 * one the user has is kept when a route of the design takes its host and path (core routesRequest;
 * the embedded example keeps its first request); otherwise the design's own sample request
 * (core `sampleRequest`: its first route, addressed as its gateway takes it). `fits`: the request
 * is kept; null: the design has nothing to propose (an empty design), the request is left as it is.
 */
export function proposedInput(resources: readonly Resource[], current: SimulatorInput, row: (name: string, value: string) => KeyValue): SimulatorInput | 'fits' | null {
  if (current.mode === 'gateway') {
    const parsed = parseRequest(`${current.method.trim() || 'GET'} ${current.url.trim()}`);
    if (parsed.ok && routesRequest(resources, parsed.request.host, parsed.request.path)) return 'fits';
  }
  const sample = sampleRequest(resources);
  return sample ? sampleInput(sample, current, row) : null;
}

function sampleInput(sample: SampleRequest, before: SimulatorInput, row: (name: string, value: string) => KeyValue): SimulatorInput {
  const common = { method: sample.method, url: sample.url, headers: sample.headers.map(([n, v]) => row(n, v)), sni: '', gateway: '', labels: [] };
  return sample.mesh ? { ...before, ...common, mode: 'mesh', from: sample.mesh.from } : { ...before, ...common, mode: 'gateway' };
}
