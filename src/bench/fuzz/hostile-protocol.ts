/** What the hostile-corpus worker answers for one case (plain data: it crosses threads). */
export interface HostileResult {
  /** The exception that escaped the pipeline or broke an invariant, else null. */
  readonly error: string | null;
  readonly millis: number;
  /** Heap in use after the case, less before it (both after a full GC): what the case left behind. */
  readonly retainedMb: number;
  /** Heap in use right after the case, before GC, less the heap before it: a floor of its peak. */
  readonly allocatedMb: number;
  readonly resources: number;
  readonly codes: readonly string[];
  /** Per request: the Service of the most likely backend (null: none), or the refusal of parseRequest. */
  readonly reached: readonly (string | null)[];
  readonly leaked: readonly string[];
  /** Which `flagged` texts have no error or warning on their line; which `clean` texts have an error. */
  readonly unflagged: readonly string[];
  readonly wronglyFlagged: readonly string[];
  /** Object.prototype gained properties. */
  readonly polluted: boolean;
}

/** A second pass, through the UI store: its time and the secrets its texts (editor, undo steps) hold. */
export interface HostileStoreResult {
  readonly error: string | null;
  readonly millis: number;
  readonly leaked: readonly string[];
}

export type HostileRequest = { readonly index: number; readonly store: boolean };
