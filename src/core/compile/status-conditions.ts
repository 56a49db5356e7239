/** metav1.Condition as the simulated controller writes it: no lastTransitionTime (DESIGN.md "status"). */
import type { StatusCondition } from './types.js';

export function condition(type: string, ok: boolean, reason: string, message: string, observedGeneration: number): StatusCondition {
  return { type, status: ok ? 'True' : 'False', reason, message, observedGeneration };
}

/**
 * Programmed is only known to a running data plane: report it as it would be once up, and say so.
 * The message does not repeat the reason (`Programmed`), which is printed before it.
 */
export const PROGRAMMED_MESSAGE = 'as it would be once the data plane is up (route-designer cannot observe a running data plane)';
