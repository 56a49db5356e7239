import type { BehaviourChange } from '../../core/index';
import { useDesign, useDesignStore, type ChangeRow } from '../../store/index';
import { changeAspects } from './change-words';

/**
 * One class of requests that behaves differently: what part of the answer changed, the request
 * that shows it, and the answer before and after in short words. A toggle button: picked, its
 * request is answered by both versions side by side (ComparedAnswers).
 */
export function ChangeItem({ row, change: c }: { row: ChangeRow; change: BehaviourChange }) {
  const { index } = row;
  const store = useDesignStore();
  const picked = useDesign((s) => s.compare.picked === index);
  const handleClick = (): void => {
    const s = store.getState();
    // One lit path at a time: the picked change's, not the simulator's last answer.
    if (s.simulator.active) s.clearSimulator();
    s.pickChange(picked ? null : index);
  };
  return (
    <li>
      <button type="button" className={`rd-change${picked ? ' is-picked' : ''}`} aria-pressed={picked} onClick={handleClick} data-testid="change" data-index={index} title={row.class}>
        <span className="rd-change-aspects">
          {changeAspects(c).map((a) => (
            <span key={a} className="rd-change-aspect">
              {a}
            </span>
          ))}
          {row.requests > 1 && <span className="rd-change-requests">{row.requests.toLocaleString('en')} requests alike</span>}
        </span>
        <span className="rd-change-witness">{row.request}</span>
        <span className="rd-change-side">
          <span className="rd-change-when">before</span>
          <span className="rd-change-outcome" data-testid="change-before">
            {row.before}
          </span>
        </span>
        <span className="rd-change-side">
          <span className="rd-change-when">after</span>
          <span className="rd-change-outcome" data-testid="change-after">
            {row.after}
          </span>
        </span>
      </button>
    </li>
  );
}
