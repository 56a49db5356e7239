import { buildGraph, isBreaking, parse, type Resource, type RouteGraph } from '../core/index';
import type { DesignState } from './design-store';
import { selectGraph } from './selectors';

/** The document an edit applies to: resources parsed from exactly the current text. */
export interface EditableDocument {
  readonly text: string;
  readonly fileName: string;
  readonly resources: readonly Resource[];
  readonly graph: RouteGraph;
}

export const REFUSED_READ_ONLY = 'Review mode is on: the design cannot be edited. Leave review mode (toolbar) to edit.';
export const REFUSED_BROKEN =
  'The YAML has errors, so this edit was not made: the text that cannot be read would have to be rewritten. Fix the YAML first (see Problems); your text is kept as it is.';

/**
 * The current document, or why it cannot be edited now. The analysis is used when it is of the
 * current text; otherwise (the editor's last keystrokes are not analysed yet) the text is parsed
 * here, so an edit never applies to an older version of what the user typed.
 */
export function editableDocument(s: DesignState): EditableDocument | string {
  if (s.readOnly) return REFUSED_READ_ONLY;
  const a = s.analysis;
  if (a && a.seq === s.textSeq) {
    if (a.broken) return REFUSED_BROKEN;
    return { text: s.text, fileName: s.fileName, resources: a.resources, graph: s.shown === a ? selectGraph(s) : buildGraph(a.resources) };
  }
  const parsed = parse([{ name: s.fileName, text: s.text }]);
  if (parsed.diagnostics.some(isBreaking)) return REFUSED_BROKEN;
  return { text: s.text, fileName: s.fileName, resources: parsed.resources, graph: buildGraph(parsed.resources) };
}
