import { pathMatchRule } from './route-helpers.js';

/** An Exact or PathPrefix path is absolute. @see gateway-api.md §11.4 (Path match) */
export const pathMatchMustStartWithSlash = pathMatchRule('PathMatchMustStartWithSlash', "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']", (value) => !value.startsWith('/'));
