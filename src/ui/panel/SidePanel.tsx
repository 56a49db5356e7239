import { selectProblemTotal, useDesign, useDesignStore, type PanelTab } from '../../store/index';
import { Inspector } from './Inspector';
import { ProblemsList } from './ProblemsList';
import { SimulatorPanel } from '../simulator/SimulatorPanel';

const TABS: readonly { id: PanelTab; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'problems', label: 'Problems' },
  { id: 'simulator', label: 'Simulator' },
];

/** The right-hand panel: the inspector for the selection, and the problems list. */
export function SidePanel() {
  const store = useDesignStore();
  const tab = useDesign((s) => s.panelTab);
  const problems = useDesign(selectProblemTotal);
  const errors = useDesign((s) => s.analysis?.counts.error ?? 0);
  return (
    <div className="rd-side-panel">
      <div className="rd-tabs" role="tablist" aria-label="Panel">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className="rd-tab"
            data-testid={`tab-${t.id}`}
            onClick={() => store.getState().setPanelTab(t.id)}
          >
            {t.label}
            {t.id === 'problems' && problems > 0 && <span className={`rd-tab-count${errors > 0 ? ' is-error' : ''}`}>{problems}</span>}
          </button>
        ))}
      </div>
      <div className="rd-tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'inspector' ? <Inspector /> : tab === 'simulator' ? <SimulatorPanel /> : <ProblemsList />}
      </div>
    </div>
  );
}
