import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatPath, type FieldPath, type KubeObject } from '../../core/index';
import { useDesign } from '../../store/index';
import { useEditingStore } from '../editing/useEditing';
import { checkValue, formatValue, parseText, readAt, setAtPath, type Build, type FieldType, type Target } from './field-model';
import { FieldMessages } from './FieldMessages';
import { useObjectChecker } from './useObjectChecker';

export interface FieldProps {
  readonly target: Target;
  readonly path: FieldPath;
  readonly label: string;
  readonly type?: FieldType;
  readonly placeholder?: string;
  /** How the value is written (default: set at `path`; empty removes it). */
  readonly build?: Build;
  /** How the value is read (default: at `path`). */
  readonly read?: (object: KubeObject) => unknown;
  readonly testId?: string;
  readonly mono?: boolean;
}

/** Keystrokes are checked at once and written after this pause (or on Enter / leaving the field). */
const COMMIT_MS = 450;

/** Whether the form can write now (not in review mode, the YAML readable). */
export function useFormLocked(): string | null {
  return useDesign((s) => (s.readOnly ? 'Review mode: read-only' : s.analysis?.broken ? 'Fix the YAML errors first' : null));
}

/**
 * One field of an object, validated as the user types with the document's own rules: a value
 * that would add an error is shown with the error and not written ("not applied"); the
 * document's diagnostics about the field are shown under it.
 */
export function Field({ target, path, label, type = 'text', placeholder, build, read, testId, mono = true }: FieldProps) {
  const editing = useEditingStore();
  const locked = useFormLocked();
  const builder = build ?? setAtPath(path);
  const value = formatValue(type, read ? read(target.object) : readAt(target.object, path));
  const [draft, setDraft] = useState<string | null>(null);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [focused, setFocused] = useState(false);
  const ready = useObjectChecker();
  // Typed before the validators loaded: checked (and written) once they are there.
  const pending = useRef<{ text: string; finished: boolean } | null>(null);
  const [prevValue, setPrevValue] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (value !== prevValue) {
    setPrevValue(value);
    if (!focused) setDraft(null);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  const at = formatPath(path);

  const commit = (text: string): void => {
    clearTimeout(timer.current);
    const parsed = parseText(type, text);
    if ('error' in parsed || formatValue(type, parsed.value) === value) return;
    editing.getState().updateObject(target.id, (o) => builder(o, parsed.value), `Set ${label}`, `field:${target.id}:${at}`);
  };
  const check = (text: string): readonly string[] => {
    const found = checkValue(target.object, builder, parseText(type, text));
    setErrors(found);
    return found;
  };
  const handleChange = (text: string): void => {
    setDraft(text);
    clearTimeout(timer.current);
    if (!ready) {
      pending.current = { text, finished: false };
      return;
    }
    if (check(text).length === 0) timer.current = setTimeout(() => commit(text), COMMIT_MS);
  };
  const finish = (): void => {
    if (pending.current) pending.current = { ...pending.current, finished: true };
    else if (draft !== null && errors.length === 0) commit(draft);
  };
  useEffect(() => {
    const typed = pending.current;
    if (!ready || !typed) return;
    pending.current = null;
    if (check(typed.text).length > 0) return;
    if (typed.finished) commit(typed.text);
    else timer.current = setTimeout(() => commit(typed.text), COMMIT_MS);
  });
  const handleKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') finish();
    if (event.key === 'Escape') {
      clearTimeout(timer.current);
      pending.current = null;
      setDraft(null);
      setErrors([]);
      event.stopPropagation();
    }
  };
  const invalid = draft !== null && errors.length > 0;
  return (
    <div className="rd-field">
      <label>
        <span className="rd-field-label">{label}</span>
        <input
          className={mono ? 'rd-input is-mono' : 'rd-input'}
          value={draft ?? value}
          placeholder={placeholder}
          disabled={locked !== null}
          title={locked ?? undefined}
          aria-invalid={invalid}
          onChange={(e) => handleChange(e.target.value)}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            finish();
          }}
          onKeyDown={handleKey}
          data-testid={testId ?? `field-${at}`}
        />
      </label>
      {!ready && draft !== null ? (
        <p className="rd-field-messages rd-checking" data-testid="field-checking">
          checking…
        </p>
      ) : (
        <FieldMessages resourceId={target.id} path={path} errors={invalid ? errors : null} />
      )}
    </div>
  );
}
