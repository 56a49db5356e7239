import { describe, expect, it } from 'vitest';
import { PLACEMENT_GAP } from '../../core/index';
import { editSetup, settle } from '../../store/edit-actions-kit';
import { drawnBoxes, placeWhenDrawn } from './place-dropped';

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
