/**
 * How every command shows the `--target` it was given (issue 14): a heading line in text, a
 * `target` member in JSON, and the flag in the `simulate` commands it prints to paste. Without
 * `--target` nothing is added, so those outputs stay as they were.
 */
import { describeTarget, formatTarget, type ConvertOptions, type ReviewOptions, type SimulateOptions, type Target } from '../core/index.js';

/** `{"text": "gateway-api=v1.5.1,channel=standard", "description": "Gateway API v1.5.1 standard"}`. */
export function targetJson(target: Target): { readonly text: string; readonly description: string } {
  return { text: formatTarget(target), description: describeTarget(target) };
}

/** A JSON output with `target` first when one is given; the object itself otherwise. */
export function withTarget<T extends object>(output: T, target: Target | null): T | ({ readonly target: ReturnType<typeof targetJson> } & T) {
  return target === null ? output : { target: targetJson(target), ...output };
}

/** The text heading: `target: Gateway API v1.5.1 standard · cilium v1.20.0`. */
export function targetLine(target: Target): string {
  return `target: ${describeTarget(target)}`;
}

/** ` --target 'gateway-api=v1.5.1,channel=standard'` for a pasteable command; '' without a target. */
export function targetWords(target: Target | null): string {
  return target === null ? '' : ` --target '${formatTarget(target).replace(/'/g, "'\\''")}'`;
}

/** The one option every core entry the commands call takes for the target. */
type TargetOption = Pick<ReviewOptions, 'target'> & Pick<SimulateOptions, 'target'> & Pick<ConvertOptions, 'target'>;

/**
 * The target as a core option (`ReviewOptions`, `SimulateOptions`, `ConvertOptions` each take
 * `target?: Target`); none without `--target`, so the core decides as it does with no target.
 */
export function targetOption(target: Target | null): TargetOption {
  return target === null ? {} : { target };
}
