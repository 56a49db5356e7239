import { pathMatchRule } from './route-helpers.js';

/** An Exact or PathPrefix path has no upper-case encoded slash. @see gateway-api.md §11.4 (Path match) */
export const pathMatchEncodedSlashUpper = pathMatchRule('PathMatchEncodedSlashUpper', "must not contain '%2F' when type one of ['Exact', 'PathPrefix']", (value) => value.includes('%2F'));
