import { pathMatchRule } from './route-helpers.js';

/** RFC 3986 path characters or `%XX` escapes, at least one. */
const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;

/** An Exact or PathPrefix path holds only path characters and percent-escapes. @see gateway-api.md §11.4 (Path match) */
export const pathMatchInvalidCharacters = pathMatchRule(
  'PathMatchInvalidCharacters',
  "must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix']",
  (value) => !PATH_CHARS.test(value),
);
