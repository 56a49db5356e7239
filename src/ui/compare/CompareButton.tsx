import { useDesign } from '../../store/index';
import { useCompareUi } from './compare-ui-state';
import { IconCompare } from './IconCompare';

/** The toolbar's way into the compare view: opens the dialog that picks the "before" version. */
export function CompareButton() {
  const openDialog = useCompareUi((s) => s.openDialog);
  const comparing = useDesign((s) => s.compare.before !== null);
  return (
    <button type="button" className="rd-button" aria-pressed={comparing} onClick={openDialog} title="Compare the design with an earlier version: what behaves differently" data-testid="toolbar-compare">
      <IconCompare /> Compare
    </button>
  );
}
