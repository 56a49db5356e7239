import { useDesign } from '../../store/index';
import { diffEntryCount } from './change-words';

/** The Changes tab's badge: how many entries its list holds (a spinner-less "…" while comparing). */
export function ChangesTabCount() {
  const count = useDesign((s) => (s.compare.diff ? diffEntryCount(s.compare.diff) : null));
  const failed = useDesign((s) => s.compare.failure !== null);
  // A before version that does not read: the tab says why, there is nothing to count.
  if (failed) return null;
  return (
    <span className="rd-tab-count" data-testid="changes-count" aria-label={count === null ? 'comparing' : `${count} entries`}>
      {count === null ? '…' : count}
    </span>
  );
}
