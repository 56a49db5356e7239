import { pathMatchRule } from './route-helpers.js';

/** An Exact or PathPrefix path has no lower-case encoded slash. @see gateway-api.md §11.4 (Path match) */
export const pathMatchEncodedSlashLower = pathMatchRule('PathMatchEncodedSlashLower', "must not contain '%2f' when type one of ['Exact', 'PathPrefix']", (value) => value.includes('%2f'));
