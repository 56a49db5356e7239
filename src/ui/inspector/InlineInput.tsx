import { useState, type KeyboardEvent } from 'react';

interface InlineInputProps {
  readonly value: string;
  /** Why a typed value cannot be applied (shown under the input), or null. */
  check(text: string): string | null;
  /** Applies a valid value; false when it was refused (the draft is dropped). */
  apply(text: string): boolean;
  readonly className: string;
  readonly label: string;
  readonly title: string;
  readonly testId: string;
}

/**
 * A value edited in place (the object's name, its namespace): Enter or leaving the input applies
 * it, Escape drops the draft; an invalid value is said under it and not applied.
 */
export function InlineInput({ value, check, apply, className, label, title, testId }: InlineInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [prevValue, setPrevValue] = useState(value);
  if (prevValue !== value) {
    setPrevValue(value);
    setDraft(null);
  }
  const error = draft === null ? null : check(draft.trim());
  const commit = (): void => {
    if (draft === null || error) return;
    if (draft.trim() === value || !apply(draft.trim())) setDraft(null);
  };
  const handleKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setDraft(null);
      event.stopPropagation();
    }
  };
  return (
    <>
      <input className={className} value={draft ?? value} aria-label={label} title={title} aria-invalid={error !== null} onChange={(e) => setDraft(e.target.value)} onKeyDown={handleKey} onBlur={commit} data-testid={testId} />
      {error && (
        <p className="rd-field-error" data-testid="field-error">
          {error} — not applied
        </p>
      )}
    </>
  );
}
