import { useEffect } from 'react';
import { SeverityIcon } from '../common/SeverityCounts';
import { useEditing } from './useEditing';

const SHOW_MS = 9000;

/** Says why an edit was refused (or what happened), over the canvas, until dismissed or a while passes. */
export function NoticeToast() {
  const notice = useEditing((s) => s.notice);
  const dismiss = useEditing((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  if (!notice) return null;
  return (
    <div className={`rd-notice is-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="edit-notice">
      <SeverityIcon severity={notice.tone === 'error' ? 'error' : 'info'} />
      <span>{notice.text}</span>
      <button type="button" className="rd-link" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
