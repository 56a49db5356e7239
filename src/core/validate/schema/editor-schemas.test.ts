import { describe, expect, it } from 'vitest';
import { createYamlWorker, type Position } from '../../../tools/yaml-worker-harness.js';
import { editorSchemas } from './editor-schemas.js';

/**
 * The editor schema in the engine the YAML editor runs (monaco-yaml's yaml-language-server
 * worker): each document of a multi-document file gets its own kind's completions, chosen by
 * apiVersion + kind. (yaml-language-server 1.23 proposes nothing on a blank line under an empty
 * key in a multi-document file, whatever the schema; one typed letter is enough, as below.)
 */
const FILE = `apiVersion: v1
kind: Service
metadata:
  name: cart
spec:
  ports:
    - port: 80
      |
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: cart
spec:
  rules:
    - matches:
        - path:
            type: |
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
spec:
  l|
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: cart
spec:
  hosts: [cart]
  |
---
apiVersion: gateway.networking.k8s.io/v1
kind: |
`;

/** The text without its `|` cursors, and the cursors' positions. */
function cursors(marked: string): { text: string; at: Position[] } {
  const at: Position[] = [];
  const lines = marked.split('\n').map((line, i) => {
    const c = line.indexOf('|');
    if (c === -1) return line;
    at.push({ line: i, character: c });
    return line.slice(0, c) + line.slice(c + 1);
  });
  return { text: lines.join('\n'), at };
}

describe('editorSchemas', () => {
  it('is one schema for every document, chosen per document by apiVersion + kind', async () => {
    const { text, at } = cursors(FILE);
    const uri = 'file:///design.yaml';
    const worker = await createYamlWorker({ [uri]: text }, { schemas: editorSchemas() });
    const labels = async (p: Position) => ((await worker.doComplete(uri, p))?.items ?? []).map((i) => i.label);
    const [servicePort, pathType, gatewaySpec, vsSpec, kind] = at;
    expect(at).toHaveLength(5);
    expect(await labels(servicePort!)).toEqual(expect.arrayContaining(['name', 'protocol', 'targetPort']));
    expect(await labels(pathType!)).toEqual(['Exact', 'PathPrefix', 'RegularExpression']);
    const gw = await labels(gatewaySpec!);
    expect(gw).toEqual(expect.arrayContaining(['gatewayClassName', 'listeners', 'addresses']));
    expect(gw).not.toContain('controllerName'); // GatewayClass's: kind Gateway is not a prefix match
    const vs = await labels(vsSpec!);
    expect(vs).toEqual(expect.arrayContaining(['http', 'tcp', 'tls', 'gateways']));
    expect(vs).not.toContain('rules');
    expect(await labels(kind!)).toEqual(expect.arrayContaining(['HTTPRoute', 'Gateway', 'VirtualService', 'Service']));
  });

  it('gives the field documentation on hover', async () => {
    const { text } = cursors(FILE);
    const uri = 'file:///hover.yaml';
    const worker = await createYamlWorker({ [uri]: text }, { schemas: editorSchemas() });
    const hover = await worker.doHover(uri, { line: 14, character: 4 }); // `rules` of the HTTPRoute
    expect(JSON.stringify(hover?.contents)).toContain('Rules are a list of HTTP matchers, filters and actions.');
  });

  it('suggests apiVersion and kind in an empty document, and nothing from the kind conditions', async () => {
    const uri = 'file:///empty.yaml';
    const worker = await createYamlWorker({ [uri]: '\n' }, { schemas: editorSchemas() });
    const items = (await worker.doComplete(uri, { line: 0, character: 0 }))?.items ?? [];
    expect(items.map((i) => i.label)).toEqual(['apiVersion', 'kind']);
  });
});
