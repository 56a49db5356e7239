/**
 * The values random objects are drawn from: few enough that references between objects often
 * resolve (names, namespaces, hosts, ports repeat), hostile enough to reach every refusal.
 */
export const NAMESPACES = ['shop', 'infra', 'default', 'mesh', 'istio-system', 'Bad_NS', ''] as const;
export const NAMES = ['web', 'edge', 'cart', 'cart-v1', 'cart-v2', 'api', 'a', 'wildcard', 'x'.repeat(254), '<img src=x onerror=alert(1)>', 'ünï', '-bad-', ''] as const;
export const HOSTS = [
  'shop.example.com', '*.example.com', 'api.example.com', '*', 'cart', 'cart.shop', 'cart.shop.svc.cluster.local', 'web.shop.svc.cluster.local',
  'EXAMPLE.com', '*.*.example.com', '10.0.0.1', 'a..b', '', `${'a'.repeat(63)}.${'b'.repeat(63)}.example.com`, 'xn--bcher-kva.example', '\u202Eexample.com',
] as const;
export const PORTS = [80, 443, 8080, 9080, 5432, 0, -1, 65535, 65536] as const;
export const PROTOCOLS = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP', 'GRPC', 'HTTP2', 'MONGO', 'http', 'custom.example.com/x'] as const;
export const PATHS = ['/', '/cart', '/api', '/api/v1/items', '', 'cart', '/a/../b', '/%2F', '/cart?x=1', '/\u0000', `/${'p'.repeat(1024)}`] as const;
export const REGEXES = ['/(a+)+$', '^/api/.*', '/cart/[0-9]+', '(a)\\1', '(?=a)a', '(?<!a)b', '\\k<n>', '(?P<n>a)', '[[:alpha:]]+', '(?i)/CART', '[', '.*', '\\', '(a|aa)*c', ''] as const;
export const HEADER_NAMES = ['x-canary', 'X-Canary', 'host', ':authority', 'user-agent', 'cookie', 'content-type', '', 'bad header', 'x-ü', `x-${'h'.repeat(300)}`] as const;
export const HEADER_VALUES = ['true', '1', 'v2', '', ' spaced ', 'a\r\nb', '\u0000', '\u202Eevil', '<script>alert(1)</script>', 'x'.repeat(4096)] as const;
export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'get', 'BREW'] as const;
export const SECRET_VALUE = 'RlVaWi1TRUNSRVQtVkFMVUU='; // base64 "FUZZ-SECRET-VALUE"
