import { CompareDialog } from './CompareDialog';
import { useCompareUi } from './compare-ui-state';

/** The compare dialog, when open (the toolbar's Compare, the compare bar's "Other version…"). */
export function CompareLayer() {
  const open = useCompareUi((s) => s.dialogOpen);
  return open ? <CompareDialog /> : null;
}
