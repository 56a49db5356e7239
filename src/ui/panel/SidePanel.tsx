import { selectProblemTotal, useDesign, useDesignStore, type PanelTab } from '../../store/index';
import { Inspector } from './Inspector';
import { ProblemsList } from './ProblemsList';
import { SimulatorPanel } from '../simulator/SimulatorPanel';
import { TestsPanel } from '../tests/TestsPanel';
import { TestsTabCount } from '../tests/TestsTabCount';
import { ChangesPanel } from '../compare/ChangesPanel';
import { ChangesTabCount } from '../compare/ChangesTabCount';

const TABS: readonly { id: PanelTab; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'problems', label: 'Problems' },
  { id: 'simulator', label: 'Simulator' },
  { id: 'tests', label: 'Tests' },
  // Only while comparing (the compare view: src/ui/compare).
  { id: 'changes', label: 'Changes' },
];

/** The right-hand panel: the inspector for the selection, and the problems list. */
export function SidePanel() {
  const store = useDesignStore();
  const comparing = useDesign((s) => s.compare.before !== null);
  const chosen = useDesign((s) => s.panelTab);
  const tab = chosen === 'changes' && !comparing ? 'problems' : chosen;
  const problems = useDesign(selectProblemTotal);
  const errors = useDesign((s) => s.analysis?.counts.error ?? 0);
  return (
    <div className="rd-side-panel">
      <div className="rd-tabs" role="tablist" aria-label="Panel">
        {TABS.filter((t) => t.id !== 'changes' || comparing).map((t) => (
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
            <span className="rd-tab-label">{t.label}</span>
            {t.id === 'problems' && problems > 0 && <span className={`rd-tab-count${errors > 0 ? ' is-error' : ''}`}>{problems}</span>}
            {t.id === 'tests' && <TestsTabCount />}
            {t.id === 'changes' && <ChangesTabCount />}
          </button>
        ))}
      </div>
      <div className="rd-tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'inspector' ? <Inspector /> : tab === 'simulator' ? <SimulatorPanel /> : tab === 'tests' ? <TestsPanel /> : tab === 'changes' ? <ChangesPanel /> : <ProblemsList />}
      </div>
    </div>
  );
}
