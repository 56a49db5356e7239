import { selectProblemCounts, useDesign, useDesignStore } from '../store/index';
import { IconCode, IconFit, IconLayout, IconMoon, IconSun, LogoMark } from './common/icons';
import { SeverityIcon } from './common/SeverityCounts';
import { IoButtons, ReviewToggle } from './io/IoButtons';
import { EditButtons } from './editing/EditButtons';
import { CompareButton } from './compare/CompareButton';
import { TargetButton } from './target/TargetButton';

export function Toolbar() {
  const store = useDesignStore();
  const editorOpen = useDesign((s) => s.editorOpen);
  const theme = useDesign((s) => s.theme);
  const act = store.getState();
  return (
    <header className="rd-toolbar">
      <div className="rd-brand">
        <LogoMark />
        <h1>Route Designer</h1>
      </div>
      <IoButtons />
      <EditButtons />
      <div className="rd-toolbar-group" role="toolbar" aria-label="View">
        <button type="button" className="rd-button" aria-pressed={editorOpen} onClick={() => act.toggleEditor()} title="Show or hide the YAML editor" data-testid="toggle-editor">
          <IconCode /> YAML
        </button>
        <span className="rd-toolbar-sep" />
        <button type="button" className="rd-button" onClick={() => act.fitView()} title="Fit the whole design in view" data-testid="fit-view">
          <IconFit /> <span className="rd-compact-label">Fit view</span>
        </button>
        <button type="button" className="rd-button" onClick={() => act.relayout()} title="Lay out the canvas again (left to right)" data-testid="relayout">
          <IconLayout /> <span className="rd-compact-label">Layout</span>
        </button>
      </div>
      <TargetButton />
      <span className="rd-spacer" />
      <Status />
      <CompareButton />
      <ReviewToggle />
      <button
        type="button"
        className="rd-button rd-icon-button"
        onClick={() => act.setTheme(theme === 'dark' ? 'light' : 'dark')}
        aria-label={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
        title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
        data-testid="toggle-theme"
      >
        {theme === 'dark' ? <IconSun /> : <IconMoon />}
      </button>
    </header>
  );
}

/**
 * The resource count and the verdict's counts — the Problems panel's, infos included (one source:
 * `analysis.counts`). "No problems" only when the Problems panel has none.
 */
function Status() {
  const store = useDesignStore();
  const resources = useDesign((s) => s.analysis?.resources.length ?? 0);
  const counts = useDesign(selectProblemCounts);
  const analyzing = useDesign((s) => s.analyzing);
  const total = counts.error + counts.warning + counts.info;
  const clean = total === 0;
  const title = clean ? 'No problems' : `${total} problem${total === 1 ? '' : 's'}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info — show them`;
  // WCAG 2.5.3 (label in name): the name starts with the counts as shown ("1 1" for a warning and an info).
  const shown = (['error', 'warning', 'info'] as const).filter((sev) => counts[sev] > 0).map((sev) => counts[sev]);
  const label = clean ? title : `${shown.join(' ')} — ${title}`;
  return (
    <div className="rd-status" aria-live="polite">
      {analyzing && <span className="rd-spinner" aria-label="Checking" />}
      <span className="rd-muted rd-status-count">
        {resources} resource{resources === 1 ? '' : 's'}
      </span>
      <button type="button" className={`rd-status-problems${clean ? ' is-clean' : ''}`} onClick={() => store.getState().setPanelTab('problems')} data-testid="status-problems" data-total={total} title={title} aria-label={label}>
        {clean ? (
          'No problems'
        ) : (
          (['error', 'warning', 'info'] as const).map(
            (sev) =>
              counts[sev] > 0 && (
                <span key={sev} className={`rd-sev-${sev}`} data-testid={`status-${sev}`}>
                  <SeverityIcon severity={sev} /> {counts[sev]}
                </span>
              ),
          )
        )}
      </button>
    </div>
  );
}
