import { resetHidden, selectFilterOptions, toggleHidden, useDesign, useDesignStore, type FilterChoice } from '../../store/index';
import { KindLabel } from '../common/KindLabel';
import { usePopover } from './usePopover';
import './shown.css';

/**
 * The canvas filter: namespaces and kinds to leave out of the drawing (never out of the document
 * or its validation; the layout follows). While something is filtered, "filtered: n hidden" says
 * so beside it, with a one-click Reset.
 */
export function CanvasFilter() {
  const store = useDesignStore();
  const options = useDesign(selectFilterOptions);
  const popover = usePopover();
  const hiddenChoices = options.namespaces.filter((c) => c.hidden).length + options.kinds.filter((c) => c.hidden).length;
  const toggle = (what: 'namespaces' | 'kinds', key: string): void => {
    const s = store.getState();
    s.setViewFilter(toggleHidden(s.viewFilter, what, key));
  };
  const reset = (): void => {
    const s = store.getState();
    s.setViewFilter(resetHidden(s.viewFilter));
  };
  const choice = (what: 'namespaces' | 'kinds', c: FilterChoice) => (
    <label key={c.key} className="rd-viewbar-check">
      <input type="checkbox" checked={!c.hidden} onChange={() => toggle(what, c.key)} data-testid={`filter-${what === 'namespaces' ? 'ns' : 'kind'}-${c.key}`} />
      {what === 'kinds' && c.family ? <KindLabel kind={c.label} family={c.family} /> : c.label}
      <span className="rd-viewbar-n" aria-label={`${c.count} on the canvas`}>
        {c.count}
      </span>
    </label>
  );
  return (
    <>
      <div className="rd-viewbar-item">
        <button type="button" className="rd-viewbar-button" data-testid="canvas-filter" onClick={popover.toggle} {...popover.buttonProps}>
          Filter
          {hiddenChoices > 0 && (
            <span className="rd-viewbar-count">
              {hiddenChoices}
              <span className="rd-viewbar-sr"> unchecked</span>
            </span>
          )}
        </button>
        {popover.open && (
          <div className="rd-viewbar-popover nowheel" role="group" aria-label="Filter the canvas" data-testid="filter-panel" {...popover.panelProps}>
            <p className="rd-viewbar-note">Unchecked namespaces and kinds are not drawn. The YAML and its checks still hold them.</p>
            {options.namespaces.length > 0 && (
              <fieldset>
                <legend>Namespaces</legend>
                {options.namespaces.map((c) => choice('namespaces', c))}
              </fieldset>
            )}
            <fieldset>
              <legend>Kinds</legend>
              {options.kinds.map((c) => choice('kinds', c))}
            </fieldset>
            <button type="button" className="rd-viewbar-reset" onClick={reset} disabled={hiddenChoices === 0}>
              Show everything
            </button>
          </div>
        )}
      </div>
      {/* The status region stays in the page, so a screen reader hears it change. */}
      <div className={hiddenChoices > 0 ? 'rd-viewbar-filtered' : 'rd-viewbar-idle'} data-testid={hiddenChoices > 0 ? 'filter-indicator' : undefined}>
        <span role="status">{hiddenChoices > 0 ? `filtered: ${options.hidden} hidden` : ''}</span>
        {hiddenChoices > 0 && (
          <button type="button" className="rd-viewbar-reset" onClick={reset} data-testid="filter-reset" aria-label="Reset the filter: draw every namespace and kind">
            Reset
          </button>
        )}
      </div>
    </>
  );
}
