import type { RemovalChange } from '../../core/index';
import { useDesign } from '../../store/index';
import { Modal } from '../io/Modal';
import { useEditing } from './useEditing';

/** The confirmation an edit asked for: clearing the design, or how to delete an object. */
export function ConfirmDialogs() {
  const confirm = useEditing((s) => s.confirm);
  if (!confirm) return null;
  return confirm.kind === 'new' ? <NewDialog /> : <DeleteDialog title={confirm.title} cleanUp={confirm.preview.cleanUp} keep={confirm.preview.keep} />;
}

function NewDialog() {
  const cancel = useEditing((s) => s.cancelConfirm);
  const confirmNew = useEditing((s) => s.confirmNew);
  const resources = useDesign((s) => s.analysis?.resources.length ?? 0);
  return (
    <Modal
      title="Start a new design?"
      onClose={cancel}
      testId="confirm-new"
      footer={
        <>
          <button type="button" className="rd-button" onClick={cancel}>
            Cancel
          </button>
          <button type="button" className="rd-button rd-button-danger" onClick={confirmNew} data-autofocus data-testid="confirm-new-ok">
            Clear the design
          </button>
        </>
      }
    >
      <p>
        The current design ({resources} resource{resources === 1 ? '' : 's'}) is cleared. Undo (<kbd>Ctrl</kbd>+<kbd>Z</kbd>) brings it back.
      </p>
    </Modal>
  );
}

function Changes({ changes }: { changes: readonly RemovalChange[] }) {
  return (
    <ul className="rd-change-list">
      {changes.map((c) => (
        <li key={`${c.from}|${c.path}`} className={c.outcome === 'broken' ? 'is-broken' : undefined} data-testid="delete-change">
          <strong>{c.from}</strong> <code>{c.path}</code> — {c.outcome === 'removed' ? 'removed' : 'kept, shown as a broken reference'}
        </li>
      ))}
    </ul>
  );
}

function DeleteDialog({ title, cleanUp, keep }: { title: string; cleanUp: readonly RemovalChange[]; keep: readonly RemovalChange[] }) {
  const cancel = useEditing((s) => s.cancelConfirm);
  const confirmDelete = useEditing((s) => s.confirmDelete);
  const referenced = cleanUp.length > 0;
  return (
    <Modal title={`Delete ${title}?`} onClose={cancel} testId="confirm-delete" footer={<button type="button" className="rd-button" onClick={cancel}>Cancel</button>}>
      {!referenced ? (
        <div className="rd-delete-choice">
          <p>Nothing else in the design refers to it.</p>
          <button type="button" className="rd-button rd-button-danger" onClick={() => confirmDelete(true)} data-autofocus data-testid="delete-clean-up">
            Delete
          </button>
        </div>
      ) : (
        <>
          <p>
            {cleanUp.length} reference{cleanUp.length === 1 ? '' : 's'} in the design name{cleanUp.length === 1 ? 's' : ''} it. Choose what happens to {cleanUp.length === 1 ? 'it' : 'them'}:
          </p>
          <section className="rd-delete-choice">
            <h3>Clean up the references</h3>
            <Changes changes={cleanUp} />
            <button type="button" className="rd-button rd-button-danger" onClick={() => confirmDelete(true)} data-autofocus data-testid="delete-clean-up">
              Delete and clean up
            </button>
          </section>
          <section className="rd-delete-choice">
            <h3>Keep the references (flagged as broken)</h3>
            <Changes changes={keep} />
            <button type="button" className="rd-button" onClick={() => confirmDelete(false)} data-testid="delete-keep">
              Delete, keep references
            </button>
          </section>
        </>
      )}
    </Modal>
  );
}
