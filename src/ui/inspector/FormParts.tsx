import type { ReactNode } from 'react';
import type { FieldPath, KubeObject } from '../../core/index';
import { useEditingStore } from '../editing/useEditing';
import type { Target } from './field-model';
import { useFormLocked } from './Field';
import { FieldMessages } from './FieldMessages';

/** A button that applies one structural edit (add a listener, remove a rule, move a route). */
export function EditButton({ target, label, update, children, testId, kind = 'add', disabled = false }: { target: Target; label: string; update: (object: KubeObject) => KubeObject; children: ReactNode; testId?: string; kind?: 'add' | 'icon'; disabled?: boolean }) {
  const editing = useEditingStore();
  const locked = useFormLocked();
  return (
    <button
      type="button"
      className={kind === 'add' ? 'rd-form-add' : 'rd-form-icon'}
      disabled={locked !== null || disabled}
      onClick={() => editing.getState().updateObject(target.id, update, label)}
      title={locked ?? label}
      // An icon button is named by its label; a text button by its text (WCAG 2.5.3 "Label in
      // Name"), its label then being the title, which is its description.
      aria-label={kind === 'icon' ? label : undefined}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

/** A titled part of a form, with its add buttons. */
export function FormSection({ title, children, actions, testId }: { title: string; children?: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <section className="rd-form-section" data-testid={testId}>
      <h3 className="rd-section-title">{title}</h3>
      {children}
      {actions && <div className="rd-form-actions">{actions}</div>}
    </section>
  );
}

/**
 * One entry of a list (a listener, a rule, a route…): a header with its tools, the document's
 * diagnostics about the entry itself (`at`), then its fields.
 */
export function FormItem({ title, tools, children, testId, at }: { title: ReactNode; tools?: ReactNode; children?: ReactNode; testId?: string; at?: { target: Target; path: FieldPath } }) {
  return (
    <div className="rd-form-item" data-testid={testId}>
      <div className="rd-form-item-head">
        <span className="rd-form-item-title">{title}</span>
        <span className="rd-spacer" />
        {tools}
      </div>
      {at && <FieldMessages resourceId={at.target.id} path={at.path} errors={null} exact />}
      {children}
    </div>
  );
}

/** Fields side by side. */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className="rd-field-row">{children}</div>;
}
