import { parseBackendBehaviour, type BackendBehaviour } from '../core/index';

/**
 * The simulator's "Backend answers" fields (`simulate --backend-status 503,503,200 --backend-delay
 * 2s` in the app): each try's status and time to answer, the last value repeating. Both blank (or
 * absent, as in a request written before these fields existed) = every backend answers 200 at
 * once, and the answer is as it always was (no attempts).
 */
export type BackendField = 'backendStatus' | 'backendDelay';

export type ReadBackendResult = { readonly ok: true; readonly behaviour: BackendBehaviour | undefined } | { readonly ok: false; readonly field: BackendField; readonly error: string };

/** The form's two texts → the core's behaviour, or which field is wrong and why (core's words). */
export function readBackend(fields: { readonly backendStatus?: string; readonly backendDelay?: string }): ReadBackendResult {
  const status = fields.backendStatus?.trim() ?? '';
  const delay = fields.backendDelay?.trim() ?? '';
  if (status === '' && delay === '') return { ok: true, behaviour: undefined };
  // A blank field takes the flag's default (200 / 0s): parse each alone so the error names its field.
  const s = parseBackendBehaviour(status === '' ? undefined : status, undefined);
  if (!s.ok) return { ok: false, field: 'backendStatus', error: s.error };
  const d = parseBackendBehaviour(undefined, delay === '' ? undefined : delay);
  if (!d.ok) return { ok: false, field: 'backendDelay', error: d.error };
  return { ok: true, behaviour: { statuses: s.behaviour.statuses, delaysMs: d.behaviour.delaysMs } };
}

/** How a field is named in the answer's error (the form says it under the field itself). */
export const BACKEND_FIELD_LABEL: Readonly<Record<BackendField, string>> = { backendStatus: 'Backend status', backendDelay: 'Backend time to answer' };
