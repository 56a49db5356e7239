import { pathMatchRule } from './route-helpers.js';

/** An Exact or PathPrefix path does not end in a `.` segment. @see gateway-api.md §11.4 (Path match) */
export const pathMatchEndsWithDot = pathMatchRule('PathMatchEndsWithDot', "must not end with '/.' when type one of ['Exact', 'PathPrefix']", (value) => value.endsWith('/.'));
