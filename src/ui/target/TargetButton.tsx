import { lazy, Suspense, useState } from 'react';
import { createPortal } from 'react-dom';
import { useDesign } from '../../store/index';
import { linesOf, linesOfText } from './target-text';
import './target.css';

/** The picker and the conformance data it reads load when it is first opened. */
const TargetDialog = lazy(() => import('./TargetDialog'));

/**
 * The toolbar's target control (issue 14): the Gateway API release, channel and implementation the
 * design is judged for, as the analyzer resolved them, in two short lines ("Gateway API v1.6.1",
 * "cilium v1.20.0 · standard"); opens the picker. A saved target the analyzer could not read is said here.
 */
export function TargetButton() {
  const [open, setOpen] = useState(false);
  const target = useDesign((s) => s.target);
  const analysed = useDesign((s) => s.analysis?.target);
  const resolved = analysed !== undefined && analysed.text === target ? analysed : null;
  const error = resolved?.error ?? null;
  const [top, bottom] = error !== null ? ['Target not understood:', 'the default is used'] : resolved ? linesOf(resolved) : linesOfText(target);
  const title =
    error !== null ? `The saved target “${target}” cannot be read (${error}); the design is judged for the default target. Choose one.` : `Target cluster: ${resolved?.description ?? `${top} · ${bottom}`}. The design is checked for it — choose another`;
  return (
    <>
      <button
        type="button"
        className={`rd-button rd-target-button${target === '' ? '' : ' is-on'}${error === null ? '' : ' is-error'}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title={title}
        data-testid="toolbar-target"
        data-target={target}
      >
        <span className="rd-target-lines">
          <span data-testid="target-release-line">{top}</span> <span className="rd-target-second" data-testid="target-implementation-line">{bottom}</span>
        </span>
      </button>
      {open &&
        createPortal(
          <Suspense fallback={<div className="rd-modal-backdrop" />}>
            <TargetDialog onClose={() => setOpen(false)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
