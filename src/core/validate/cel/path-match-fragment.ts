import { pathMatchRule } from './route-helpers.js';

/** An Exact or PathPrefix path has no fragment. @see gateway-api.md §11.4 (Path match) */
export const pathMatchFragment = pathMatchRule('PathMatchFragment', "must not contain '#' when type one of ['Exact', 'PathPrefix']", (value) => value.includes('#'));
