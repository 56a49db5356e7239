import { useStore, type ReactFlowState } from '@xyflow/react';

/** What of the canvas is in view: React Flow's transform [x, y, zoom] and the pane's size. */
export interface View {
  readonly transform: readonly [number, number, number];
  readonly width: number;
  readonly height: number;
}

const selectView = (s: ReactFlowState): View => ({ transform: s.transform, width: s.width, height: s.height });
const sameView = (a: View, b: View): boolean =>
  a.width === b.width && a.height === b.height && a.transform[0] === b.transform[0] && a.transform[1] === b.transform[1] && a.transform[2] === b.transform[2];

/** The view, re-rendering only when it changes (for what is drawn outside React Flow: overview, minimap). */
export const useView = (): View => useStore(selectView, sameView);
