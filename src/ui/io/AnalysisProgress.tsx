import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { AnalysisProgress as Progress } from '../../store/analysis';
import { isCurrent, undoReplace } from '../../store/import-undo';
import { editingOf, useDesign, useDesignStore } from '../../store/index';
import { useIo } from './io-state';

const PHASES: Record<Progress['phase'], string> = {
  parsing: 'Reading the YAML',
  checking: 'Checking the objects',
  compiling: 'Compiling the routes',
  graphing: 'Building the graph',
  receiving: 'Drawing the design',
};

const megabytes = (chars: number): string => `${(chars / 1_000_000).toFixed(1)} MB`;

/**
 * While a big text (a paste, an import, a restored design) is analysed: what is being done, how
 * far it is, the objects found, and Cancel — which stops the analysis and returns to the design
 * before (one undo step; after a paste that replaced a design, that design as it was drawn, as the
 * toast's Undo). Drawn over the canvas; small texts analyse too fast to show it.
 */
export function AnalysisProgress() {
  const store = useDesignStore();
  const progress = useDesign((s) => s.progress);
  const [pane, setPane] = useState<Element | null>(null);
  useEffect(() => setPane(document.querySelector('.rd-canvas-pane')), []);
  if (!progress || !pane) return null;
  const { percent, objects } = progress;
  const handleCancel = (): void => {
    const replaced = useIo.getState().replaced;
    if (replaced && isCurrent(store.getState(), replaced.replacement)) {
      useIo.getState().showReplaced(null);
      undoReplace(store, replaced.replacement);
      return;
    }
    store.getState().cancelAnalysis();
    editingOf(store).getState().undo();
  };
  return createPortal(
    <div className="rd-progress" role="status" aria-label="Analysis progress" data-testid="analysis-progress" data-percent={percent ?? ''}>
      <div className="rd-progress-title">
        <strong>{PHASES[progress.phase]}…</strong>
        <span className="rd-muted">{megabytes(progress.chars)}</span>
      </div>
      <div
        className={`rd-progress-bar${percent === null ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label={PHASES[progress.phase]}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent === null ? {} : { 'aria-valuenow': percent })}
      >
        <span style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <div className="rd-progress-foot">
        <span data-testid="analysis-progress-text">
          {percent === null ? 'parsing…' : `${percent} %`}
          {objects !== null && ` · ${objects.toLocaleString('en')} object${objects === 1 ? '' : 's'} found`}
        </span>
        <span className="rd-spacer" />
        <button type="button" className="rd-button" onClick={handleCancel} data-testid="analysis-cancel">
          Cancel
        </button>
      </div>
    </div>,
    pane,
  );
}
