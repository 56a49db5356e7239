import { PALETTE } from '../../core/index.js';
import { editSetup, settle } from '../../store/edit-actions-kit.js';
import { selectGraph } from '../../store/selectors.js';
import { InvariantError } from './invariants.js';
import { Rand } from './rand.js';

/**
 * One case through the UI's vanilla zustand store, headless, as the page drives it: load the text,
 * type a change, a palette add, a rename, a weight, delete, undo, redo and the simulator. The store
 * catches what its analyzer and layouter throw into `failure`: that must stay empty.
 */
export async function runStoreCase(text: string, seed: number): Promise<void> {
  const r = new Rand(seed);
  const { design, editing } = editSetup();
  const step = async (what: string, act: () => unknown): Promise<void> => {
    act();
    await settle(design);
    const s = design.getState();
    if (s.failure !== null) throw new InvariantError(`store, after ${what}: ${s.failure}`);
    if (s.simulator.failure !== null) throw new InvariantError(`store simulator, after ${what}: ${s.simulator.failure}`);
  };
  const e = (): ReturnType<typeof editing.getState> => editing.getState();
  const someNode = (): string | undefined => {
    const nodes = selectGraph(design.getState()).nodes;
    return nodes.length === 0 ? undefined : nodes[r.int(nodes.length)]?.id;
  };

  await step('loadText', () => design.getState().loadText(text, 'fuzz.yaml'));
  await step('editText', () => design.getState().editText(`${design.getState().text}\n# typed\n`));
  await step('addResource', () => e().addResource(r.pick(PALETTE).kind, { x: r.int(500), y: r.int(500) }));
  const node = someNode();
  if (node) {
    await step('rename', () => e().rename(node, r.pick(['renamed', 'x', 'Bad Name', ''])));
    await step('select', () => design.getState().select(node, { reveal: true, focus: true }));
  }
  const edge = selectGraph(design.getState()).edges.find((x) => x.kind === 'backend');
  if (edge) await step('setEdgeWeight', () => e().setEdgeWeight(edge.id, r.pick([0, 1, 50, 1000000])));
  const victim = someNode();
  if (victim) {
    await step('requestDelete', () => e().requestDelete(victim));
    await step('confirmDelete', () => e().confirmDelete(r.chance(0.5)));
  }
  await step('undo', () => e().undo());
  await step('undo', () => e().undo());
  await step('redo', () => e().redo());
  await step('simulate', () => {
    design.getState().setSimulatorInput({ url: r.pick(['https://shop.example.com/cart', 'http://cart.shop/', 'nonsense', `http://a/${'a'.repeat(50)}!`]) });
    design.getState().startSimulator();
  });
  // The simulator answers asynchronously too.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await settle(design);
  const s = design.getState();
  if (s.simulator.failure !== null) throw new InvariantError(`store simulator: ${s.simulator.failure}`);
  editing.history.dispose();
}

/**
 * Loads a text into the UI store as the page does (then types, undoes and redoes) and returns every
 * text it holds: the editor's, each undo and redo step, the Problems messages. Secrets must be in none.
 */
export async function storeTexts(text: string): Promise<string[]> {
  const { design, editing } = editSetup();
  const out: string[] = [];
  const collect = (): void => {
    const s = design.getState();
    if (s.failure !== null) throw new InvariantError(`store: ${s.failure}`);
    const t = editing.history.doc.temporal.getState();
    out.push(s.text, ...[...t.pastStates, ...t.futureStates].map((x) => x.text ?? ''), JSON.stringify(s.analysis?.diagnostics ?? []));
  };
  design.getState().loadText(text, 'hostile.yaml');
  await settle(design);
  collect();
  design.getState().editText(`${design.getState().text}\n# typed\n`);
  await settle(design);
  editing.getState().undo();
  await settle(design);
  editing.getState().redo();
  await settle(design);
  collect();
  editing.history.dispose();
  return out;
}
