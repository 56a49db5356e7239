import type { WitnessRequest } from '../../core/index';

/** `GET https://www.shop.example.com/cart`, as the case writes it. */
export function requestLine(w: WitnessRequest): string {
  return w.request;
}

/** What else the case sends: headers, SNI, the gateway or the mesh client, one short chip each. */
export function witnessExtras(w: WitnessRequest): string[] {
  const out = Object.entries(w.headers).map(([k, v]) => `${k}: ${v}`);
  if (w.sni !== undefined) out.push(`SNI ${w.sni}`);
  if (w.gateway !== null) out.push(`via ${w.gateway}`);
  if (w.mesh !== null) out.push(`from ${w.mesh.from}${Object.entries(w.mesh.labels ?? {}).map(([k, v]) => ` ${k}=${v}`).join('')}`);
  return out;
}
