import { useState } from 'react';
import { formatPath, type FieldPath, type KubeObject } from '../../core/index';
import { isObjectCheckerReady, preloadObjectChecker } from '../../store/index';
import { useEditingStore } from '../editing/useEditing';
import { checkValue, readAt, setAtPath, type Build, type Target } from './field-model';
import { FieldMessages } from './FieldMessages';
import { useFormLocked } from './Field';

interface SelectFieldProps {
  readonly target: Target;
  readonly path: FieldPath;
  readonly label: string;
  readonly options: readonly string[];
  /** Offer "—" (the field absent, its default applies), labelled with the default. */
  readonly absent?: string;
  readonly build?: Build;
  readonly read?: (object: KubeObject) => unknown;
  readonly testId?: string;
}

/** A closed choice (protocol, match type, method…), written when chosen — unless it would add an error. */
export function SelectField({ target, path, label, options, absent, build, read, testId }: SelectFieldProps) {
  const editing = useEditingStore();
  const locked = useFormLocked();
  const [errors, setErrors] = useState<readonly string[] | null>(null);
  const builder = build ?? setAtPath(path);
  const raw = read ? read(target.object) : readAt(target.object, path);
  const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  const apply = (choice: string): void => {
    const parsed = { value: choice === '' ? undefined : /^\d+$/.test(choice) && typeof raw === 'number' ? Number(choice) : choice };
    const found = checkValue(target.object, builder, parsed);
    setErrors(found.length > 0 ? found : null);
    if (found.length === 0) editing.getState().updateObject(target.id, (o) => builder(o, parsed.value), `Set ${label}`);
  };
  // A choice made before the validators loaded is checked, then written, once they are there.
  const handleChange = (choice: string): void => {
    if (isObjectCheckerReady()) apply(choice);
    else void preloadObjectChecker().then(() => apply(choice));
  };
  const choices = value !== '' && !options.includes(value) ? [value, ...options] : options;
  return (
    <div className="rd-field">
      <label>
        <span className="rd-field-label">{label}</span>
        <select className="rd-input" value={value} disabled={locked !== null} title={locked ?? undefined} onChange={(e) => handleChange(e.target.value)} data-testid={testId ?? `field-${formatPath(path)}`}>
          {absent !== undefined && <option value="">{absent}</option>}
          {choices.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <FieldMessages resourceId={target.id} path={path} errors={errors} />
    </div>
  );
}
