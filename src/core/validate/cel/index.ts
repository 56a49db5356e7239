import type { CelRule } from './rule.js';

/** Every CEL rule of the Gateway API v1.6.1 standard CRDs, one per file. */
export const CEL_RULES: readonly CelRule[] = [];
