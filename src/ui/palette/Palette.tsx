import { useState, type DragEvent } from 'react';
import { PALETTE, type PaletteKind } from '../../core/index';
import { useDesign } from '../../store/index';
import { useEditing } from '../editing/useEditing';
import { PALETTE_GROUPS, PALETTE_HINTS, PALETTE_MIME } from './palette-drag';
import './palette.css';

/**
 * Every kind the designer knows, by family, in the colours the canvas uses. Drag one onto the
 * canvas to place it there, or click (Enter) to add it where the layout puts it.
 */
export function Palette() {
  const readOnly = useDesign((s) => s.readOnly);
  const addResource = useEditing((s) => s.addResource);
  const [open, setOpen] = useState(true);
  if (readOnly) return null;
  const handleDragStart = (event: DragEvent, kind: PaletteKind): void => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.setData('text/plain', kind);
    event.dataTransfer.effectAllowed = 'copy';
    // While a kind is dragged, overlays on the canvas (the empty state) let the drop through.
    document.body.classList.add('rd-dragging-kind');
  };
  const handleDragEnd = (): void => document.body.classList.remove('rd-dragging-kind');
  return (
    <nav className={`rd-palette${open ? '' : ' is-collapsed'}`} aria-label="Palette" data-testid="palette">
      <button type="button" className="rd-palette-toggle" onClick={() => setOpen(!open)} aria-expanded={open} title={open ? 'Hide the palette' : 'Show the palette: drag kinds onto the canvas'} data-testid="palette-toggle">
        <span aria-hidden="true">{open ? '‹' : '+'}</span>
        {open && <span>Add</span>}
      </button>
      {open && (
        <div className="rd-palette-groups">
          {PALETTE_GROUPS.map((g) => (
            <section key={g.family} className="rd-palette-group" aria-label={g.title}>
              <h4 className={`rd-palette-family rd-fam-${g.family}`}>{g.title}</h4>
              {PALETTE.filter((p) => p.family === g.family).map((p) => (
                <button
                  key={p.kind}
                  type="button"
                  draggable
                  className={`rd-palette-item rd-fam-${p.family}`}
                  onDragStart={(e) => handleDragStart(e, p.kind)}
                  onDragEnd={handleDragEnd}
                  onClick={() => addResource(p.kind)}
                  title={`${PALETTE_HINTS[p.kind]} — drag onto the canvas, or click to add`}
                  data-testid={`palette-${p.kind}`}
                >
                  <span className="rd-palette-swatch" aria-hidden="true" />
                  {p.label}
                </button>
              ))}
            </section>
          ))}
        </div>
      )}
    </nav>
  );
}
