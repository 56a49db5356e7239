/** What the store asks of the editor and the canvas (DesignState.reveal, DesignState.viewCommand). */

/** A request for the editor to show (and optionally select) a range; `seq` makes repeats distinct. */
export interface RevealRequest {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Select the range (a problem) rather than highlight whole lines (a resource). */
  readonly select: boolean;
  readonly seq: number;
}

/** A request for the canvas: fit everything, or centre one node. */
export interface ViewCommand {
  readonly kind: 'fit' | 'focus';
  readonly nodeId?: string;
  readonly seq: number;
}
