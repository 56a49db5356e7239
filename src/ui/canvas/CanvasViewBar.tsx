import { Panel } from '@xyflow/react';
import { CanvasFilter } from './CanvasFilter';
import { OtherObjectsChip } from './OtherObjectsChip';

/** What the canvas shows, as controls over its top-left corner: the "n other objects" chip and the filter (with what it hides). */
export function CanvasViewBar() {
  return (
    <Panel position="top-left" className="rd-viewbar nowheel nopan" aria-label="What the canvas shows" role="group" data-testid="canvas-viewbar">
      <OtherObjectsChip />
      <CanvasFilter />
    </Panel>
  );
}
