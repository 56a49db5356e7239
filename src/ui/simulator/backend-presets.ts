import { formatMs, type BackendBehaviour } from '../../core/index';

/** A one-click "Backend answers" choice: the two fields' texts (blank = the default). */
export interface BackendPreset {
  readonly id: string;
  readonly label: string;
  /** Shown after the label: the values it sets. */
  readonly detail: string;
  readonly status: string;
  readonly delay: string;
}

export const BACKEND_PRESETS: readonly BackendPreset[] = [
  { id: 'ok', label: '200 at once', detail: '', status: '', delay: '' },
  { id: 'fails-twice', label: 'fails twice', detail: '503, 503, 200', status: '503,503,200', delay: '' },
  { id: 'slow', label: 'slow', detail: '2 s', status: '', delay: '2s' },
  { id: 'always-503', label: 'always 503', detail: '', status: '503', delay: '' },
];

const same = (a: string | undefined, b: string): boolean => (a ?? '').replace(/\s+/g, '') === b;

/** The preset the fields hold now, if any. */
export function activePreset(fields: { readonly backendStatus?: string; readonly backendDelay?: string }): string | null {
  return BACKEND_PRESETS.find((p) => same(fields.backendStatus, p.status) && same(fields.backendDelay, p.delay))?.id ?? null;
}

/** The collapsed section's one line: `200 at once`, `503, 503, 200 at once`, `200 after 2.0 s`, `503 after 2.0 s, 0 ms`. */
export function behaviourSummary(b: BackendBehaviour | undefined): string {
  if (b === undefined) return '200 at once';
  const statuses = b.statuses.map(String).join(', ');
  const when = b.delaysMs.every((d) => d === 0) ? 'at once' : `after ${b.delaysMs.map(formatMs).join(', ')}`;
  const repeats = b.statuses.length > 1 || b.delaysMs.length > 1 ? ' (the last repeats)' : '';
  return `${statuses} ${when}${repeats}`;
}
