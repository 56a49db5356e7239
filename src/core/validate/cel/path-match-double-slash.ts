import { pathMatchRule } from './route-helpers.js';

/** An Exact or PathPrefix path has no empty segment. @see gateway-api.md §11.4 (Path match) */
export const pathMatchDoubleSlash = pathMatchRule('PathMatchDoubleSlash', "must not contain '//' when type one of ['Exact', 'PathPrefix']", (value) => value.includes('//'));
