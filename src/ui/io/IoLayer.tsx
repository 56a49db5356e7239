import { lazy, Suspense } from 'react';
import { useDesignStore } from '../../store/index';
import { AnalysisProgress } from './AnalysisProgress';
import { ImportDialog } from './ImportDialog';
import { ImportToast } from './ImportToast';
import './io.css';
import { IconImport } from './io-icons';
import { useIo } from './io-state';
import { useImportGestures } from './useImportGestures';

/** The conversion, its report and the image export load only when Export is first opened. */
const ExportDialog = lazy(() => import('./ExportDialog'));

/**
 * Window-wide import gestures (paste, drop), the drop overlay, a big input's progress, the toast of
 * a paste that replaced the design, and the import/export dialogs.
 */
export function IoLayer() {
  const store = useDesignStore();
  const dialog = useIo((s) => s.dialog);
  const dragging = useIo((s) => s.dragging);
  useImportGestures(store);
  return (
    <>
      {dragging && (
        <div className="rd-drop-overlay" data-testid="drop-overlay">
          <div className="rd-drop-card">
            <IconImport />
            <strong>Drop manifests to import</strong>
            <span className="rd-muted">.yaml, .yml or .json — several files become one design</span>
          </div>
        </div>
      )}
      <AnalysisProgress />
      <ImportToast />
      {dialog === 'import' && <ImportDialog />}
      {dialog === 'export' && (
        <Suspense fallback={<div className="rd-modal-backdrop" />}>
          <ExportDialog />
        </Suspense>
      )}
    </>
  );
}
