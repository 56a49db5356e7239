import { useState } from 'react';
import { useDesignStore } from '../../store/index';
import { renderDiagram, type ImageFormat } from './diagram-image';
import { downloadBlob } from './download';

/**
 * The diagram as an image: PNG or SVG, rendered in the page. While one renders, the buttons say
 * so and ignore clicks (aria-disabled, not disabled: a disabled button drops the focus out of the
 * dialog, and Escape would no longer close it).
 */
export function DiagramButtons({ onMessage }: { onMessage: (message: string) => void }) {
  const store = useDesignStore();
  const [busy, setBusy] = useState<ImageFormat | null>(null);
  const handleExport = (format: ImageFormat): void => {
    if (busy !== null) return;
    const base = store.getState().fileName.replace(/\.(ya?ml|json)$/i, '') || 'design';
    setBusy(format);
    renderDiagram(store, format)
      .then(
        (blob) => {
          downloadBlob(`${base}.${format}`, blob);
          onMessage(`Saved ${base}.${format}`);
        },
        (e: unknown) => onMessage(`Could not render the diagram: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => setBusy(null));
  };
  return (
    <div className="rd-diagram-buttons" role="group" aria-label="Export the diagram">
      <span className="rd-muted">Diagram</span>
      <button type="button" className="rd-button" onClick={() => handleExport('png')} aria-disabled={busy !== null} data-testid="export-png">
        {busy === 'png' ? 'Rendering…' : 'PNG'}
      </button>
      <button type="button" className="rd-button" onClick={() => handleExport('svg')} aria-disabled={busy !== null} data-testid="export-svg">
        {busy === 'svg' ? 'Rendering…' : 'SVG'}
      </button>
    </div>
  );
}
