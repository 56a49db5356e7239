import type { ObjectRef, Request as SimulatedRequest } from '../../core/index';

/** `90 %`, `11.1 %`, `0.5 %`. */
export function formatShare(p: number): string {
  return `${Math.round(p * 1000) / 10} %`;
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusText(status: number | string): string {
  return typeof status === 'number' ? `${status} ${REASONS[status] ?? ''}`.trim() : status;
}

/** The colour family of a status: forwarded, redirected, not found, failed. */
export function statusTone(status: number | string): 'ok' | 'redirect' | 'client' | 'error' {
  if (typeof status === 'string') return status === 'OK' || status === 'CONNECTED' || status === 'DELIVERED' ? 'ok' : 'error';
  if (status < 300) return 'ok';
  if (status < 400) return 'redirect';
  if (status < 500) return 'client';
  return 'error';
}

export function formatRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** The headers a client sends, as the backend's view names them: lower-case, repeats comma-joined. */
export function sentHeaders(request: SimulatedRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of request.headers) {
    const key = name.toLowerCase();
    out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
  }
  return out;
}
