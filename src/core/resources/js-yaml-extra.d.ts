// js-yaml 4.3 has options and exports that @types/js-yaml 4.0.9 predates.
import 'js-yaml';

declare module 'js-yaml' {
  interface LoadOptions {
    /** Deepest nesting accepted before a YAMLException (js-yaml ≥ 4.2; default 100). */
    maxDepth?: number;
  }
}
