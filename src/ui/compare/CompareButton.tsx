import { useDesign } from '../../store/index';
import { useCompareUi } from './compare-ui-state';
import { IconCompare } from './IconCompare';
import './compare.css';

/** The toolbar's way into the compare view: opens the dialog that picks the "before" version. */
export function CompareButton() {
  const openDialog = useCompareUi((s) => s.openDialog);
  const comparing = useDesign((s) => s.compare.before !== null);
  return (
    <button
      type="button"
      className={`rd-button${comparing ? ' is-on' : ''}`}
      aria-haspopup="dialog"
      onClick={openDialog}
      title={comparing ? 'Comparing: choose another version to compare with' : 'Compare the design with an earlier version: what behaves differently'}
      data-testid="toolbar-compare"
      data-comparing={comparing ? 'true' : 'false'}
    >
      <IconCompare /> <span className="rd-compact-label">Compare</span>
    </button>
  );
}
