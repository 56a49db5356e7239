/**
 * A case's request fields → the request in `simulate`'s terms: `request` as `--request` takes it,
 * `headers` as its `-H`s, `sni`, `gateway: NS/NAME`, `mesh: {from: NS/WORKLOAD, labels}`,
 * `backendStatus` / `backendDelay` as `--backend-status` / `--backend-delay` — the same shape as a
 * diagnostic's witness, read by the simulator's own parseRequest.
 */
import { isMap, isPair, type Node as YamlNode } from 'yaml';
import type { WitnessRequest } from '../diagnostics/types.js';
import { parseRequest } from '../simulate/parse-request.js';
import type { MeshClient, Request, SimulateOptions } from '../simulate/types.js';
import { parseBackend } from './parse-backend.js';
import type { Field, TestsReader } from './yaml-reader.js';

/** `NS/NAME`, the namespace a DNS label (as `simulate --gateway` / `--from` read it). */
export const NS_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([^/\s]+)$/;

export interface CaseRequest {
  readonly witness: WitnessRequest;
  readonly request: Request;
  readonly options: SimulateOptions;
}

export function parseWitness(reader: TestsReader, fields: ReadonlyMap<string, Field>, here: YamlNode): CaseRequest | null {
  const before = reader.diagnostics.length;
  const requestField = fields.get('request');
  if (!requestField) reader.report('TestMissingField', "a test case needs a request, e.g. request: GET https://shop.example.com/cart", reader.range(here));
  const text = requestField ? reader.string(requestField.value, 'request', requestField.key) : null;
  const headers = stringMap(reader, fields.get('headers'), 'headers');
  const sniField = fields.get('sni');
  const sni = sniField ? reader.string(sniField.value, 'sni', sniField.key) : null;
  const gatewayField = fields.get('gateway');
  const gateway = gatewayField ? namespacedName(reader, gatewayField, 'gateway', 'NS/NAME') : null;
  const mesh = parseMesh(reader, fields.get('mesh'));
  if (gatewayField && fields.get('mesh')) reader.report('TestInvalidValue', 'gateway and mesh cannot be combined: a request enters at a gateway or inside the mesh', reader.range(gatewayField.key));
  const backend = parseBackend(reader, fields);
  if (text === null || reader.diagnostics.length > before || !requestField || !backend) return null;
  const lines = Object.entries(headers ?? {}).map(([k, v]) => `${k}: ${v}`);
  const parsed = parseRequest(text, lines, sni === null ? {} : { sni });
  if (!parsed.ok) {
    const onHeaders = /^(invalid header|-H )/.test(parsed.error) ? fields.get('headers') : undefined;
    const at = onHeaders ?? (/^invalid SNI/.test(parsed.error) ? sniField : undefined) ?? requestField;
    reader.report('TestInvalidValue', parsed.error, reader.range(at?.value ?? null, at?.key));
    return null;
  }
  const witness: WitnessRequest = {
    request: text,
    headers: headers ?? {},
    gateway: gateway === null ? null : `${gateway.namespace}/${gateway.name}`,
    mesh: mesh === null ? null : { from: `${mesh.namespace}/${mesh.workload}`, ...(Object.keys(mesh.labels).length > 0 ? { labels: mesh.labels } : {}) },
    ...(sni === null ? {} : { sni }),
    ...backend.words,
  };
  const where: SimulateOptions = gateway ? { gateway } : mesh ? { mesh } : {};
  const options: SimulateOptions = backend.behaviour ? { ...where, backend: backend.behaviour } : where;
  return { witness, request: parsed.request, options };
}

function parseMesh(reader: TestsReader, field: Field | undefined): MeshClient | null {
  if (!field) return null;
  const f = reader.fields(field.value, 'mesh', ['from', 'labels'], field.key);
  if (!f) return null;
  const from = f.get('from');
  if (!from) {
    reader.report('TestMissingField', 'mesh needs from: NS/WORKLOAD, the workload that sends the request', reader.range(field.value, field.key));
    return null;
  }
  const client = namespacedName(reader, from, 'mesh.from', 'NS/WORKLOAD');
  const labels = stringMap(reader, f.get('labels'), 'mesh.labels');
  return client && { namespace: client.namespace, workload: client.name, labels: labels ?? {} };
}

function namespacedName(reader: TestsReader, field: Field, what: string, form: string): { namespace: string; name: string } | null {
  const text = reader.string(field.value, what, field.key);
  if (text === null) return null;
  const m = NS_NAME.exec(text);
  if (!m) {
    reader.report('TestInvalidValue', `${what}: expected ${form}, not ${JSON.stringify(text)}`, reader.range(field.value, field.key));
    return null;
  }
  return { namespace: m[1] ?? '', name: m[3] ?? '' };
}

/** A mapping of names to scalar texts (`x-canary: 1` reads as "1"). */
export function stringMap(reader: TestsReader, field: Field | undefined, what: string): Record<string, string> | null {
  if (!field) return null;
  const n = reader.deref(field.value);
  if (!isMap(n)) {
    reader.fields(n, what, [], field.key); // reports the wrong type
    return null;
  }
  const out: Record<string, string> = {};
  for (const pair of n.items) {
    if (!isPair(pair)) continue;
    const keyNode = (pair.key as YamlNode | null) ?? null;
    const key = reader.text(keyNode, `a name in ${what}`, field.key);
    const value = reader.text((pair.value as YamlNode | null) ?? null, `${what}.${key ?? '?'}`, keyNode ?? field.key);
    if (key !== null && value !== null) out[key] = value;
  }
  return out;
}
