/**
 * A case's `backendStatus` and `backendDelay`: how the backend answers each try, as
 * `simulate --backend-status 503,503,200 --backend-delay 2s` takes it (a text such as `503,200`,
 * a single value, or a YAML list `[503, 503, 200]`). The case is then simulated with that
 * behaviour: `expect.status` checks what the client finally gets after timeouts and retries.
 */
import { isSeq } from 'yaml';
import { parseBackendBehaviour } from '../simulate/backend-behaviour.js';
import type { BackendBehaviour } from '../simulate/types.js';
import type { Field, TestsReader } from './yaml-reader.js';

export interface CaseBackend {
  readonly behaviour: BackendBehaviour | null;
  /** The two fields as the command line writes them (`503,503,200`, `2s`), only when written. */
  readonly words: { readonly backendStatus?: string; readonly backendDelay?: string };
}

/** Null when a field is wrong (reported at it). */
export function parseBackend(reader: TestsReader, fields: ReadonlyMap<string, Field>): CaseBackend | null {
  const statusField = fields.get('backendStatus');
  const delayField = fields.get('backendDelay');
  const status = listText(reader, statusField, 'backendStatus');
  const delay = listText(reader, delayField, 'backendDelay');
  if (status === null || delay === null) return null;
  if (status === undefined && delay === undefined) return { behaviour: null, words: {} };
  const s = parseBackendBehaviour(status, undefined);
  if (!s.ok && statusField) reader.report('TestInvalidValue', `backendStatus: ${s.error}`, reader.range(statusField.value, statusField.key));
  const d = parseBackendBehaviour(undefined, delay);
  if (!d.ok && delayField) reader.report('TestInvalidValue', `backendDelay: ${d.error}`, reader.range(delayField.value, delayField.key));
  if (!s.ok || !d.ok) return null;
  return {
    behaviour: { statuses: s.behaviour.statuses, delaysMs: d.behaviour.delaysMs },
    words: { ...(status === undefined ? {} : { backendStatus: status }), ...(delay === undefined ? {} : { backendDelay: delay }) },
  };
}

/** The field's text, a list joined with `,`; undefined when absent, null when of a wrong type (reported). */
function listText(reader: TestsReader, field: Field | undefined, what: string): string | undefined | null {
  if (!field) return undefined;
  const n = reader.deref(field.value);
  if (!isSeq(n)) return reader.text(field.value, what, field.key);
  const parts = (reader.items(field.value, what, field.key) ?? []).map((item) => reader.text(item, `an item of ${what}`, field.key));
  return parts.some((p) => p === null) ? null : parts.join(',');
}
