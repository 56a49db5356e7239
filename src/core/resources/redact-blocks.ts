import { quotedEnd, redactFlowMap } from './redact-flow.js';
import { keyOf, unquote, valueEnd, type EditSet, type TextLine } from './redact-lines.js';
import { REDACTED_DATA, REDACTED_STRING } from './secrets.js';

/**
 * Line-level redaction of block-style YAML, for text no parser needs to accept: inside each
 * mapping that says `kind: Secret` (or `SecretList`), the values under `data:` and `stringData:`
 * become placeholders, their keys stay. Values reached through aliases are redacted where their
 * anchor is, so every alias to them reads the placeholder.
 */
export interface BlockPass {
  readonly text: string;
  readonly lines: readonly TextLine[];
  readonly edits: EditSet;
  /** Alias names met in redacted values → the placeholder their anchored node takes. */
  readonly aliases: Map<string, string>;
}

export const FIELDS: Readonly<Record<string, string>> = { data: REDACTED_DATA, stringData: REDACTED_STRING };
const ALIAS = /(?:^|[\s,[{])\*([^\s,[\]{}]+)/g;
/** Anchors and tags before a value: anchors are kept (aliases elsewhere then read the placeholder), tags dropped. */
const PROPS = /^[ \t]*((?:[&!][^\s]*(?:[ \t]+|$))*)/;

export function secretKindOf(pass: BlockPass, line: TextLine): 'Secret' | 'SecretList' | null {
  if (!line.text.includes('Secret')) return null;
  const k = keyOf(line);
  if (k?.key !== 'kind') return null;
  const v = pass.text.slice(k.valueStart, line.end).replace(/#.*$/, '').trim().replace(/,$/, '').trim().replace(/^["']|["']$/g, '');
  return v === 'Secret' || v === 'SecretList' ? v : null;
}

/** Lines [from, to) of the block mapping whose key sits at `lines[i].keyColumn`. */
export function mappingRange(lines: readonly TextLine[], i: number): readonly [number, number, number] {
  const self = lines[i];
  if (!self) return [i, i, 0];
  const col = self.keyColumn;
  let from = i;
  if (!self.dash) {
    for (let j = i - 1; j >= 0; j--) {
      const l = lines[j];
      if (!l || l.empty) continue;
      if (l.indent >= col) {
        from = j; // a sibling key, or a line of a sibling's value
        continue;
      }
      if (l.dash && l.keyColumn === col) from = j; // the sequence entry that opens this mapping
      break;
    }
  }
  let to = i + 1;
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j];
    if (!l) break;
    if (l.empty) continue;
    if (l.indent >= col) to = j + 1;
    else break;
  }
  return [from, to, col];
}

/** Redacts `data` / `stringData` of the mapping at line i (in a SecretList, of every item). */
export function redactSecretMapping(pass: BlockPass, i: number): void {
  const [from, to, col] = mappingRange(pass.lines, i);
  const list = secretKindOf(pass, pass.lines[i] as TextLine) === 'SecretList';
  for (let j = from; j < to; j++) {
    const l = pass.lines[j];
    const k = l && !l.empty ? keyOf(l) : null;
    const ph = k ? FIELDS[k.key] : undefined;
    if (!l || ph === undefined) continue;
    const atColumn = l.dash ? j === from && l.keyColumn === col : l.indent === col;
    if (atColumn || list) redactValue(pass, j, ph, 'map');
  }
}

/**
 * Redacts the value of the key on line i: a block mapping keeps its keys, a flow mapping is
 * rewritten `{"k": placeholder}`, a scalar (as `shape: 'scalar'`) becomes the placeholder.
 * An alias is kept and its anchor redacted instead (a `<<` merge still reads).
 */
export function redactValue(pass: BlockPass, i: number, ph: string, shape: 'map' | 'scalar'): void {
  const line = pass.lines[i];
  const k = line ? keyOf(line) : null;
  if (!line || !k || pass.edits.covers(k.valueStart)) return;
  redactNodeAt(pass, i, k.valueStart, ph, shape);
}

/** Redacts the node whose text starts at `at` on line i (after its key or its anchor). */
export function redactNodeAt(pass: BlockPass, i: number, at: number, ph: string, shape: 'map' | 'scalar'): void {
  const line = pass.lines[i] as TextLine;
  const end = valueEnd(pass.lines, i, line.keyColumn);
  const lastEnd = pass.lines[end - 1]?.end ?? line.end;
  const rest = pass.text.slice(at, line.end);
  const props = (PROPS.exec(rest)?.[1] ?? '').split(/[ \t]+/).filter((p) => p.startsWith('&'));
  const bodyAt = at + (PROPS.exec(rest)?.[0].length ?? 0);
  const body = pass.text.slice(bodyAt, line.end).trim();
  const sep = at > 0 && /[ \t]/.test(pass.text[at - 1] ?? '') ? '' : ' ';
  const head = props.length > 0 ? `${sep}${props.join(' ')} ` : sep;
  if (body.startsWith('*')) {
    noteAliases(pass, body, ph);
    return;
  }
  if (body === '' || body.startsWith('#')) {
    pass.edits.add({ start: at, end: line.end, text: head.trimEnd() });
    redactChildren(pass, i + 1, end, ph);
    return;
  }
  if (body.startsWith('{')) {
    const open = pass.text.indexOf('{', bodyAt);
    const flow = redactFlowMap(pass.text, open, ph);
    for (const a of flow.aliases) pass.aliases.set(a, ph);
    if (flow.text !== pass.text.slice(bodyAt, flow.end)) pass.edits.add({ start: at, end: flow.end, text: `${head}${flow.text}` });
    else claim(pass, at, flow.end);
    return;
  }
  if (shape === 'scalar' && unquote(body) === ph && end === i + 1) {
    claim(pass, at, lastEnd);
    return;
  }
  if (body.startsWith('"') || body.startsWith("'")) {
    // A quoted value keeps what follows it on its line (a JSON comma); an unclosed one ends with its lines.
    const close = quotedEnd(pass.text, bodyAt);
    const nl = pass.text.indexOf('\n', close);
    const after = pass.text.slice(close, nl === -1 ? pass.text.length : nl);
    if (close <= lastEnd && /^[ \t]*(?:[,}\]][ \t]*)*(?:#.*)?\r?$/.test(after)) {
      pass.edits.add({ start: at, end: close, text: `${head}${shape === 'map' ? '{}' : JSON.stringify(ph)}` });
      return;
    }
  }
  pass.edits.add({ start: at, end: lastEnd, text: `${head}${shape === 'map' ? '{}' : ph}` });
}

/** The lines [from, to) of a block mapping under a redacted key: keys stay, values go. */
function redactChildren(pass: BlockPass, from: number, to: number, ph: string): void {
  let owner = Number.POSITIVE_INFINITY;
  for (let j = from; j < to; j++) {
    const l = pass.lines[j] as TextLine;
    const k = keyOf(l);
    if (l.empty || !k || l.dash || l.indent > owner) {
      if (l.text.trim() !== '') pass.edits.add({ start: l.start, end: l.end, text: '' });
      continue;
    }
    owner = l.indent;
    const value = pass.text.slice(k.valueStart, l.end).trim();
    const props = (PROPS.exec(value)?.[1] ?? '').split(/[ \t]+/).filter((p) => p.startsWith('&'));
    const body = value.replace(PROPS, '').trim();
    if (k.key === '<<' || body.startsWith('*')) {
      noteAliases(pass, body, ph);
      continue;
    }
    if (unquote(body) !== ph) pass.edits.add({ start: k.valueStart, end: l.end, text: ` ${[...props, ph].join(' ')}` });
    else claim(pass, l.start, l.end);
  }
}

/** Marks an already-redacted range as done, so that no later pass reads it as something else. */
function claim(pass: BlockPass, start: number, end: number): void {
  pass.edits.add({ start, end, text: pass.text.slice(start, end) });
}

function noteAliases(pass: BlockPass, text: string, ph: string): void {
  for (const m of ` ${text}`.matchAll(ALIAS)) if (m[1] && !pass.aliases.has(m[1])) pass.aliases.set(m[1], ph);
}
