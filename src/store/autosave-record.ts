import type { DesignState } from './design-store';
import type { XY } from './layout';
import { selectViewGraph } from './selectors';

/** The key of the saved design: in IndexedDB (today's saves) and in localStorage (older saves, and a small pending copy). */
export const AUTOSAVE_KEY = 'route-designer:autosave';
const VERSION = 1;

/** One saved design: the document, its layout, and which save of which tab it is. */
export interface SavedDesign {
  readonly version: 1;
  readonly fileName: string;
  readonly text: string;
  readonly positions: Readonly<Record<string, XY>>;
  readonly pinned: Readonly<Record<string, true>>;
  /** Collapsed namespace groups (absent in saves made before there were any). */
  readonly collapsed: Readonly<Record<string, true>>;
  readonly savedAt: number;
  /** Save number, one more than the save it replaced (0 in saves made before tabs were told apart). */
  readonly rev: number;
  /** The tab that wrote it ('' in older saves). */
  readonly tab: string;
  /** The design's route tests, RouteTests YAML ('' when none, and in saves made before there were any). */
  readonly tests: string;
  /** The target the design is meant for, the `--target` text ('' = the default, and in saves made before there was one). */
  readonly target: string;
}

/** What a stored value reads as: nothing, a design, or something that cannot be read (kept as raw text). */
export type ReadSave = { readonly kind: 'none' } | { readonly kind: 'ok'; readonly design: SavedDesign } | { readonly kind: 'unreadable'; readonly raw: string; readonly reason: string };

const isXY = (v: unknown): v is XY => typeof v === 'object' && v !== null && typeof (v as XY).x === 'number' && typeof (v as XY).y === 'number';
const flags = (m: unknown): Record<string, true> => Object.fromEntries(Object.keys(typeof m === 'object' && m !== null ? m : {}).map((k) => [k, true as const]));

function rawOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Reads a stored value: a JSON string (localStorage) or the object itself (IndexedDB). */
export function readSave(value: unknown): ReadSave {
  if (value === null || value === undefined) return { kind: 'none' };
  let v: unknown = value;
  if (typeof value === 'string') {
    try {
      v = JSON.parse(value);
    } catch {
      return { kind: 'unreadable', raw: value, reason: 'it is not complete JSON (cut short?)' };
    }
  }
  const o = (typeof v === 'object' && v !== null ? v : {}) as Partial<Record<keyof SavedDesign, unknown>>;
  if (o.version !== VERSION) return { kind: 'unreadable', raw: rawOf(value), reason: `it has version ${JSON.stringify(o.version) ?? 'none'}, this app reads version ${VERSION}` };
  if (typeof o.text !== 'string' || typeof o.fileName !== 'string') return { kind: 'unreadable', raw: rawOf(value), reason: 'it has no text or file name' };
  const positions = Object.fromEntries(Object.entries(typeof o.positions === 'object' && o.positions !== null ? o.positions : {}).filter(([, p]) => isXY(p)));
  const design: SavedDesign = {
    version: VERSION,
    fileName: o.fileName,
    text: o.text,
    positions,
    pinned: flags(o.pinned),
    collapsed: flags(o.collapsed),
    savedAt: Number(o.savedAt) || 0,
    rev: Number(o.rev) || 0,
    tab: typeof o.tab === 'string' ? o.tab : '',
    tests: typeof o.tests === 'string' ? o.tests : '',
    target: typeof o.target === 'string' ? o.target : '',
  };
  return { kind: 'ok', design };
}

/** The saved form of the store's design. */
export function snapshotOf(s: DesignState, rev: number, tab: string, now: number): SavedDesign {
  // Positions of nodes the canvas no longer draws are dropped — only when the canvas draws the
  // current text (while it is broken or not analysed yet, every position is still wanted).
  const current = s.analysis !== null && s.analysis.seq === s.textSeq && s.shown === s.analysis;
  const graph = current ? selectViewGraph(s) : null;
  const drawn = graph ? new Set([...graph.nodes.map((n) => n.id), ...graph.groups.map((g) => g.id)]) : null;
  const keep = <T>(m: Readonly<Record<string, T>>): Record<string, T> => (drawn ? Object.fromEntries(Object.entries(m).filter(([id]) => drawn.has(id))) : { ...m });
  return { version: VERSION, fileName: s.fileName, text: s.text, positions: keep(s.positions), pinned: keep(s.pinned), collapsed: { ...s.collapsed }, savedAt: now, rev, tab, tests: s.routeTests.text, target: s.target };
}

/**
 * The YAML inside an unreadable save, as far as it can be read: the `text` of a save of another
 * version, or the part of a cut-short save's `text` before the cut. Null when there is none.
 */
export function salvageText(raw: string): string | null {
  try {
    const v = JSON.parse(raw) as { text?: unknown };
    return typeof v.text === 'string' ? v.text : null;
  } catch {
    // Cut short: decode the string after `"text":` up to its end or the cut.
  }
  const start = /"text"\s*:\s*"/.exec(raw);
  if (!start) return null;
  const body = raw.slice(start.index + start[0].length);
  const end = /(?:^|[^\\])(?:\\\\)*"/.exec(body);
  let literal = end ? body.slice(0, end.index + end[0].length - 1) : body;
  // A cut inside an escape (`\`, `\u00`) drops that escape.
  literal = literal.replace(/\\(u[0-9a-fA-F]{0,3})?$/, '');
  try {
    return JSON.parse(`"${literal}"`) as string;
  } catch {
    return null;
  }
}
