import { useMemo } from 'react';
import { selectAside, useDesign, useDesignStore, type AsideEntry } from '../../store/index';
import type { AsideReason } from '../../core/index';
import { KindLabel } from '../common/KindLabel';
import { usePopover } from './usePopover';
import './shown.css';

const REASON: Readonly<Record<AsideReason, string>> = {
  unmodelled: 'not modelled',
  owned: 'its owner is drawn',
  unselected: 'no Service selects it',
  unreferenced: 'nothing refers to it',
};

/** The kept-aside objects by namespace ('' for cluster-scoped), in document order. */
function byNamespace(entries: readonly AsideEntry[]): [string, AsideEntry[]][] {
  const m = new Map<string, AsideEntry[]>();
  for (const e of entries) {
    const list = m.get(e.namespace);
    if (list) list.push(e);
    else m.set(e.namespace, [e]);
  }
  return [...m.entries()];
}

/**
 * "n other objects": what the design does not model (ServiceAccounts, ConfigMaps nothing refers
 * to, workloads no Service selects…) is not drawn between the Services; this chip lists it. Picking
 * one selects it (inspector and YAML, as a node); "Draw them" puts them back on the canvas.
 */
export function OtherObjectsChip() {
  const store = useDesignStore();
  const entries = useDesign(selectAside);
  const showAside = useDesign((s) => s.viewFilter.showAside);
  const selection = useDesign((s) => s.selection);
  const popover = usePopover();
  const groups = useMemo(() => byNamespace(entries), [entries]);
  if (entries.length === 0) return null;
  const label = `${entries.length} other ${entries.length === 1 ? 'object' : 'objects'}`;
  const pick = (id: string): void => {
    store.getState().setPanelTab('inspector');
    store.getState().select(id, { reveal: true, ...(showAside ? { focus: true } : {}) });
  };
  const setShown = (showAside: boolean): void => {
    const s = store.getState();
    s.setViewFilter({ ...s.viewFilter, showAside });
  };
  return (
    <div className="rd-viewbar-item">
      <button type="button" className="rd-viewbar-button" data-testid="other-objects" onClick={popover.toggle} {...popover.buttonProps}>
        {label}
        {showAside && <span className="rd-viewbar-count">drawn</span>}
      </button>
      {popover.open && (
        <div className="rd-viewbar-popover nowheel" role="group" aria-label="Other objects" data-testid="other-objects-list" {...popover.panelProps}>
          <p className="rd-viewbar-note">Not drawn between the Services: kinds the design does not model, workloads no Service selects, configuration nothing refers to. Pick one to inspect it.</p>
          <label className="rd-viewbar-check">
            <input type="checkbox" checked={showAside} onChange={(e) => setShown(e.target.checked)} data-testid="show-aside" />
            Draw them on the canvas
          </label>
          {groups.map(([namespace, list]) => (
            <section key={namespace} aria-label={namespace ? `namespace ${namespace}` : 'cluster-scoped'}>
              <h3>{namespace ? `namespace ${namespace}` : 'cluster-scoped'}</h3>
              <ul>
                {list.map((e) => (
                  <li key={e.id}>
                    <button type="button" className="rd-aside-item" onClick={() => pick(e.id)} aria-current={selection === e.id} data-testid={`aside-${e.kind}-${e.namespace}-${e.name}`}>
                      <KindLabel kind={e.kind} family={e.family} withFamily={false} />
                      <span className="rd-aside-name">{e.name}</span>
                      <span className="rd-aside-reason">{REASON[e.reason]}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
