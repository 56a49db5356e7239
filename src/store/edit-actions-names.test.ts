import { describe, expect, it } from 'vitest';
import { editSetup, settle } from './edit-actions-kit';
import { selectGraph } from './selectors';

const CLASS = (name: string) => `gateway.networking.k8s.io/GatewayClass//${name}`;

/** Adds palette kinds one by one to a fresh design; returns the store once every analysis is in. */
async function add(kinds: readonly ('Gateway' | 'GatewayClass')[], text = '') {
  const { design, editing } = editSetup(text);
  if (text) await settle(design);
  for (const kind of kinds) {
    expect(editing.getState().addResource(kind)).toBe(true);
    await settle(design);
  }
  return design;
}

/** Whether every Gateway's class is in the design (no Gateway waits on a class nobody defines). */
function classesAgree(text: string): boolean {
  const wanted = [...text.matchAll(/gatewayClassName: (\S+)/g)].map((m) => m[1]);
  const defined = [...text.matchAll(/kind: GatewayClass\nmetadata:\n {2}name: (\S+)/g)].map((m) => m[1]);
  return wanted.every((w) => defined.includes(w));
}

describe('new objects agree with each other: a dropped GatewayClass is the class a new Gateway asks for', () => {
  it.each([
    [['GatewayClass', 'Gateway'] as const],
    [['Gateway', 'GatewayClass'] as const],
  ])('%j: one class, named istio, with Istio\'s controller, and the Gateway asks for it', async (kinds) => {
    const design = await add(kinds);
    const s = design.getState();
    expect(selectGraph(s).nodes.filter((n) => n.kind === 'GatewayClass').map((n) => n.id)).toEqual([CLASS('istio')]);
    expect(s.text).toContain('controllerName: istio.io/gateway-controller');
    expect(s.text).toContain('gatewayClassName: istio');
    expect(classesAgree(s.text)).toBe(true);
  });

  it("a Gateway added to a design with another class asks for that class", async () => {
    const design = await add(['Gateway'], 'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: eg\nspec:\n  controllerName: gateway.envoyproxy.io/gatewayclass-controller\n');
    expect(design.getState().text).toContain('gatewayClassName: eg');
  });

  it('a GatewayClass added where a Gateway asks for a missing class takes that name', async () => {
    const gw = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: web\n  namespace: default\nspec:\n  gatewayClassName: internet\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n';
    const design = await add(['GatewayClass'], gw);
    expect(selectGraph(design.getState()).nodes.some((n) => n.id === CLASS('internet'))).toBe(true);
    expect(classesAgree(design.getState().text)).toBe(true);
  });
});
