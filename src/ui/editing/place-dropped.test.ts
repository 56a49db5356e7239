import { describe, expect, it } from 'vitest';
import { PLACEMENT_GAP } from '../../core/index';
import { editSetup, settle } from '../../store/edit-actions-kit';
import { setNewObjectPlacer } from '../../store/index';
import { drawnBoxes, inView, placeWhenDrawn, visibleSpot } from './place-dropped';

const apart = (a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean =>
  a.x >= b.x + b.width + PLACEMENT_GAP || b.x >= a.x + a.width + PLACEMENT_GAP || a.y >= b.y + b.height + PLACEMENT_GAP || b.y >= a.y + a.height + PLACEMENT_GAP;

describe('placeWhenDrawn', () => {
  it('drops at one spot several times: no node hides another, the first stays under the pointer', async () => {
    const { design, editing } = editSetup();
    const want = { x: 40, y: 60 };
    for (const kind of ['Gateway', 'HTTPRoute', 'Service', 'HTTPRoute'] as const) {
      expect(editing.getState().addResource(kind, want)).toBe(true);
      placeWhenDrawn(design, String(design.getState().selection), want);
      await settle(design);
    }
    const s = design.getState();
    expect(s.positions['gateway.networking.k8s.io/Gateway/default/gateway']).toEqual(want);
    const boxes = drawnBoxes(s, '');
    expect(boxes).toHaveLength(4);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(apart(a, b)).toBe(true);
  });

  it('leaves a DestinationRule alone: it is drawn as rows of the host it refines, not as a node', async () => {
    const { design, editing } = editSetup();
    editing.getState().addResource('Service', { x: 0, y: 0 });
    await settle(design);
    editing.getState().addResource('DestinationRule', { x: 0, y: 0 });
    placeWhenDrawn(design, 'networking.istio.io/DestinationRule/default/destinationrule', { x: 0, y: 0 });
    await settle(design);
    expect(design.getState().positions['core/Service/default/service']).toEqual({ x: 0, y: 0 });
  });
});

// A 1000×700 pane at (300, 60) with the minimap in its top-right corner and the zoom controls at its bottom-left.
const PANE = { x: 300, y: 60, width: 1000, height: 700 };
const MINIMAP = { x: 1070, y: 70, width: 220, height: 160 };
const CONTROLS = { x: 310, y: 650, width: 40, height: 100 };

describe('a kind added by a click goes where the user is looking', () => {
  it('the spot is in the pane, clear of the minimap and the controls', () => {
    const spot = visibleSpot(PANE, [MINIMAP, CONTROLS]);
    const card = { x: spot.x - 120, y: spot.y - 50, width: 240, height: 100 };
    expect(inView(card, PANE, [MINIMAP, CONTROLS])).toBe(true);
  });

  it.each([
    ['inside, clear of overlays', { x: 600, y: 300, width: 240, height: 100 }, true],
    ['under the minimap', { x: 1100, y: 100, width: 240, height: 100 }, false],
    ['right of the pane (where the inspector is)', { x: 1350, y: 300, width: 240, height: 100 }, false],
    ['below the pane', { x: 600, y: 800, width: 240, height: 100 }, false],
  ] as const)('a node %s is in view: %s', (_, box, expected) => {
    expect(inView(box, PANE, [MINIMAP, CONTROLS])).toBe(expected);
  });

  it('addResource without a point asks the canvas to place it; a drop point does not', async () => {
    const { design, editing } = editSetup();
    const asked: string[] = [];
    const remove = setNewObjectPlacer(design, (id) => asked.push(id));
    editing.getState().addResource('Gateway');
    await settle(design);
    editing.getState().addResource('Service', { x: 0, y: 400 });
    await settle(design);
    remove();
    editing.getState().addResource('HTTPRoute');
    await settle(design);
    expect(asked).toEqual(['gateway.networking.k8s.io/Gateway/default/gateway']);
  });
});
