/** The closed union of CEL rule codes (one per rule file, see index.ts); parse and schema codes live in diagnostics/types.ts. */
export type { CelCode } from './index.js';
