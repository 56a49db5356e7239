import type { DragEvent, KeyboardEvent } from 'react';
import { PALETTE, type PaletteKind } from '../../core/index';
import { useDesign } from '../../store/index';
import { useEditing } from '../editing/useEditing';
import { PALETTE_GROUPS, PALETTE_HINTS, PALETTE_MARKS, PALETTE_MIME } from './palette-drag';
import './palette.css';

/**
 * Every kind the designer knows, by family, in the colours the canvas uses. Drag one onto the
 * canvas to place it there, or click (Enter) to add it where the layout puts it. Folded, it is a
 * narrow rail of marks (the canvas keeps the width); open, a list of names.
 */
export function Palette({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const readOnly = useDesign((s) => s.readOnly);
  const addResource = useEditing((s) => s.addResource);
  if (readOnly) return null;
  const handleDragStart = (event: DragEvent, kind: PaletteKind): void => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.setData('text/plain', kind);
    event.dataTransfer.effectAllowed = 'copy';
    // While a kind is dragged, overlays on the canvas (the empty state) let the drop through.
    document.body.classList.add('rd-dragging-kind');
  };
  const handleDragEnd = (): void => document.body.classList.remove('rd-dragging-kind');
  const toggleTitle = open ? 'Fold the palette into a narrow rail' : 'Open the palette: every kind by name';
  return (
    <nav className={`rd-palette${open ? ' is-open' : ' is-rail'}`} aria-label="Palette: add a kind" data-testid="palette" onKeyDown={moveFocus}>
      <button type="button" className="rd-palette-toggle" onClick={onToggle} aria-expanded={open} title={toggleTitle} data-testid="palette-toggle">
        <span aria-hidden="true">{open ? '‹' : '›'}</span>
        <span>Add</span>
      </button>
      <div className="rd-palette-groups">
        {PALETTE_GROUPS.map((g) => (
          <section key={g.family} className="rd-palette-group" aria-label={g.title}>
            <h4 className={`rd-palette-family rd-fam-${g.family}`} title={open ? undefined : g.title}>
              {open ? (
                g.title
              ) : (
                <>
                  <span className="rd-palette-rule" aria-hidden="true" />
                  <span className="rd-palette-name">{g.title}</span>
                </>
              )}
            </h4>
            {PALETTE.filter((p) => p.family === g.family).map((p) => (
              <button
                key={p.kind}
                type="button"
                draggable
                className={`rd-palette-item rd-fam-${p.family}`}
                onDragStart={(e) => handleDragStart(e, p.kind)}
                onDragEnd={handleDragEnd}
                onClick={() => addResource(p.kind)}
                title={`${p.label}: ${PALETTE_HINTS[p.kind]} — drag onto the canvas, or click to add`}
                data-palette-item=""
                data-testid={`palette-${p.kind}`}
              >
                <span className="rd-palette-swatch" aria-hidden="true" />
                {open ? (
                  p.label
                ) : (
                  // The rail shows a mark; a screen reader hears the kind's name and family.
                  <>
                    <span aria-hidden="true">{PALETTE_MARKS[p.kind]}</span>
                    <span className="rd-palette-name">
                      {p.label}
                      {g.family === 'core' || p.kind === 'IstioGateway' ? '' : ` (${g.title})`}
                    </span>
                  </>
                )}
              </button>
            ))}
          </section>
        ))}
      </div>
    </nav>
  );
}

/** Up and down arrows move between the palette's items (Tab still moves through them too). */
function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-palette-item]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  event.preventDefault();
  const next = items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
  next?.focus();
}
