import { describe, expect, it } from 'vitest';
import { editSetup, settle } from './edit-actions-kit';
import { selectGraph } from './selectors';

const GW = 'gateway.networking.k8s.io/Gateway/default/gateway';
const ROUTE = 'gateway.networking.k8s.io/HTTPRoute/default/httproute';
const SVC = (n: string) => `core/Service/default/${n}`;

/** Journey 1 headless: palette → connect → weights, every step one undoable edit. */
async function designFromScratch() {
  const { design, editing } = editSetup();
  const e = editing.getState();
  for (const kind of ['Gateway', 'HTTPRoute', 'Service', 'Service'] as const) {
    expect(e.addResource(kind, { x: 10, y: 20 })).toBe(true);
    await settle(design);
  }
  expect(e.connect({ source: GW, sourceRow: `${GW}#listener:http`, target: ROUTE })).toBe(true);
  await settle(design);
  for (const svc of ['service', 'service-2']) {
    expect(e.connect({ source: ROUTE, sourceRow: `${ROUTE}#rule:0`, target: SVC(svc) })).toBe(true);
    await settle(design);
  }
  return { design, editing };
}

const backendLabels = (s: Parameters<typeof selectGraph>[0]) => selectGraph(s).edges.filter((x) => x.kind === 'backend').map((x) => x.label);

describe('edit actions', () => {
  it('designs from scratch: objects, parentRef with sectionName, backendRefs, a 90/10 split, no errors', async () => {
    const { design, editing } = await designFromScratch();
    const s = design.getState();
    expect(s.text).toContain('sectionName: http');
    expect(s.positions[GW]).toEqual({ x: 10, y: 20 });
    expect(s.pinned[GW]).toBe(true);
    const edges = selectGraph(s).edges.filter((x) => x.kind === 'backend');
    expect(editing.getState().setEdgeWeight(edges[0]!.id, 90)).toBe(true);
    await settle(design);
    expect(editing.getState().setEdgeWeight(edges[1]!.id, 10)).toBe(true);
    await settle(design);
    expect(backendLabels(design.getState())).toEqual(['90 · 90 %', '10 · 10 %']);
    expect(design.getState().analysis?.counts.error).toBe(0);
  });

  it('undoes and redoes canvas and YAML edits in one order, view state untouched', async () => {
    const { design, editing } = await designFromScratch();
    const connected = design.getState().text;
    design.getState().editText(connected.replace('port: 8080', 'port: 8080 # typed'));
    await settle(design);
    design.getState().select(GW);
    expect(editing.getState().undoLabel).toBe('Edit YAML');
    editing.getState().undo();
    await settle(design);
    expect(design.getState().text).toBe(connected);
    expect(editing.getState().undoLabel).toMatch(/^Send rule 1 of HTTPRoute default\/httproute to Service default\/service-2/);
    editing.getState().undo();
    await settle(design);
    expect(design.getState().text).not.toContain('name: service-2\n      port');
    expect(design.getState().selection).toBe(GW);
    editing.getState().redo();
    editing.getState().redo();
    await settle(design);
    expect(design.getState().text).toContain('# typed');
    expect(editing.getState().redoLabel).toBeNull();
  });

  it('renames: references follow, the node keeps its place and selection', async () => {
    const { design, editing } = await designFromScratch();
    design.getState().select(SVC('service'));
    expect(editing.getState().rename(SVC('service'), 'cart-v1')).toBe(true);
    await settle(design);
    const s = design.getState();
    expect(s.text).toContain('- name: cart-v1\n          port: 8080');
    expect(s.selection).toBe(SVC('cart-v1'));
    expect(s.positions[SVC('cart-v1')]).toEqual({ x: 10, y: 20 });
    expect(editing.getState().rename(SVC('cart-v1'), 'service-2')).toBe(false);
    expect(editing.getState().notice?.text).toMatch(/already exists/);
    expect(editing.getState().rename(SVC('cart-v1'), 'Bad Name')).toBe(false);
    expect(editing.getState().updateObject(SVC('cart-v1'), (o) => ({ ...o, spec: { ports: [{ port: -1 }] } }), 'Set port')).toBe(false);
    expect(editing.getState().notice?.text).toMatch(/^Not applied \(Set port\): spec.ports\[0\].port/);
  });

  it('moves an object to another namespace: references follow, one undo step, what cannot follow is said', async () => {
    const { design, editing } = await designFromScratch();
    design.getState().select(SVC('service'));
    expect(editing.getState().setNamespace(SVC('service'), 'shop')).toBe(true);
    await settle(design);
    const moved = 'core/Service/shop/service';
    const s = design.getState();
    expect(s.text).toContain('- name: service\n          port: 8080\n          namespace: shop');
    expect(s.selection).toBe(moved);
    expect(s.positions[moved]).toEqual({ x: 10, y: 20 });
    expect(editing.getState().undoLabel).toBe('Move Service service to namespace shop');
    expect(editing.getState().notice).toMatchObject({ tone: 'error', text: expect.stringMatching(/^1 reference could not follow: .*needs a ReferenceGrant in shop/) as unknown });
    expect(editing.getState().setNamespace(moved, 'Bad_NS')).toBe(false);
    expect(editing.getState().notice?.text).toMatch(/^Not moved: a namespace is lower-case/);
    editing.getState().undo();
    await settle(design);
    expect(design.getState().text).not.toContain('namespace: shop');
  });

  it('asks how to delete, then cleans up or flags the references', async () => {
    const { design, editing } = await designFromScratch();
    editing.getState().requestDelete(SVC('service'));
    const c = editing.getState().confirm;
    expect(c?.kind === 'delete' && c.preview.cleanUp.map((x) => `${x.from} ${x.path} ${x.outcome}`)).toEqual(['HTTPRoute default/httproute spec.rules[0].backendRefs[0].name removed']);
    editing.getState().confirmDelete(false);
    await settle(design);
    expect(selectGraph(design.getState()).edges.filter((x) => x.broken).length).toBe(1);
    editing.getState().undo();
    await settle(design);
    editing.getState().requestDelete(SVC('service'));
    editing.getState().confirmDelete(true);
    await settle(design);
    expect(design.getState().text).not.toContain('name: service\n');
    expect(selectGraph(design.getState()).edges.some((x) => x.broken)).toBe(false);
  });

  it('refuses edits while the YAML is broken or in review mode, keeping the text', async () => {
    const { design, editing } = await designFromScratch();
    const broken = `${design.getState().text}\n  bad: [\n`;
    design.getState().editText(broken);
    await settle(design);
    expect(editing.getState().addResource('Service')).toBe(false);
    expect(editing.getState().notice?.text).toMatch(/The YAML has errors/);
    expect(design.getState().text).toBe(broken);
    design.getState().editText(broken.replace('\n  bad: [\n', '\n'));
    design.getState().setReadOnly(true);
    expect(editing.getState().addResource('Service')).toBe(false);
    expect(editing.getState().notice?.text).toMatch(/Review mode/);
    editing.getState().undo();
    expect(design.getState().text).toBe(broken.replace('\n  bad: [\n', '\n'));
  });

  it('New asks first when the design has content, and is one undoable step', async () => {
    const { design, editing } = await designFromScratch();
    const before = design.getState().text;
    editing.getState().requestNew();
    expect(editing.getState().confirm).toEqual({ kind: 'new' });
    editing.getState().confirmNew();
    expect(design.getState().text).toBe('');
    expect(editing.getState().undoLabel).toBe('New design');
    editing.getState().undo();
    expect(design.getState().text).toBe(before);
  });

  it('refuses a connection that means nothing, saying why', async () => {
    const { design, editing } = await designFromScratch();
    expect(editing.getState().connect({ source: GW, target: SVC('service') })).toBe(false);
    expect(editing.getState().notice?.text).toMatch(/cannot be connected/);
    expect(design.getState().text).not.toContain('parentRefs:\n    - name: gateway\n    - ');
  });
});
