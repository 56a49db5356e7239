import { DEFAULT_TARGET, describeTarget, parseTarget } from '../core/index';
import type { Target } from '../core/index';

/**
 * The target an analysis was made for (issue 14), as the page is told it: the text the store
 * sent (`DesignState.target`, the CLI's `--target` value; '' = the default) and how the analyzer
 * resolved it. The conformance and CRD data stay with the analyzer (the Worker): the page shows
 * this, and loads the data only when the target picker opens.
 */
export interface AnalysedTarget {
  /** The request's target text, exactly as sent ('' = the default target). */
  readonly text: string;
  /** describeTarget's words: "Gateway API v1.5.1 standard · cilium v1.20.0". */
  readonly description: string;
  /** The full Gateway API release tag judged against (`v1.6.1`). */
  readonly release: string;
  readonly channel: 'standard' | 'experimental';
  /** The implementation and the version of the report it is judged by (`cilium v1.20.0`); null = any (simulated). */
  readonly implementation: string | null;
  /** The Istio release (`1.24`); null = the newest behaviour. */
  readonly istio: string | null;
  /**
   * Why the text could not be read (e.g. a save made with data that named an implementation no
   * longer known): the design was then judged against the default target, and the app says so.
   */
  readonly error: string | null;
}

/** The request's target text → the Target to judge by (the default when it cannot be read) and what the page is told. */
export function readTarget(text: string | undefined): { readonly target: Target; readonly shown: AnalysedTarget } {
  const asked = text ?? '';
  const parsed = parseTarget(asked);
  const target = parsed.ok ? parsed.target : DEFAULT_TARGET;
  const impl = target.implementation;
  return {
    target,
    shown: {
      text: asked,
      description: describeTarget(target),
      release: target.release,
      channel: target.channel,
      implementation: impl ? `${impl.project} ${impl.report.version}` : null,
      istio: target.istio,
      error: parsed.ok ? null : parsed.error,
    },
  };
}
