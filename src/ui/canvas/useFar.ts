import { useStore, type ReactFlowState } from '@xyflow/react';
import { useOverviewSuspended } from './overview-mode';

/**
 * Below this zoom, text is unreadable anyway: a node is drawn as its box and name, an edge
 * without its label. A whole big design on screen (a thousand nodes) then stays cheap to paint,
 * and a node drags smoothly among them.
 */
export const FAR_ZOOM = 0.3;

const selectFar = (s: ReactFlowState): boolean => s.transform[2] < FAR_ZOOM;

/**
 * Whether the canvas is zoomed out past `FAR_ZOOM` (re-renders only when that flips). Never while
 * something needs the whole DOM nodes (the diagram export copies them as drawn: overview-mode.ts).
 */
export const useFar = (): boolean => {
  const far = useStore(selectFar);
  const suspended = useOverviewSuspended();
  return far && !suspended;
};
