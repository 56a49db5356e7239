/**
 * The gRPC status a gRPC client reads from an HTTP status the proxy answers itself (a direct
 * response, a failing backend share of an HTTP rule): gRPC's "HTTP to gRPC Status Code Mapping"
 * (grpc/grpc doc/http-grpc-status-mapping.md), which Envoy also applies to its local replies to
 * gRPC requests. Statuses it does not list read as UNKNOWN.
 */
const MAPPING: Readonly<Record<number, string>> = {
  400: 'INTERNAL',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'UNIMPLEMENTED',
  429: 'UNAVAILABLE',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'UNAVAILABLE',
};

export function grpcStatusOf(http: number): string {
  return MAPPING[http] ?? 'UNKNOWN';
}
