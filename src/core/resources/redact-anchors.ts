import { redactNodeAt, type BlockPass } from './redact-blocks.js';
import { quotedEnd, redactFlowMap } from './redact-flow.js';
import type { TextLine } from './redact-lines.js';

/**
 * Redacts, where it is written, every node that a redacted value reaches through an alias
 * (`tls.key: *k`, `data: *d`, `<<: *d`): the anchor stays, its value becomes the placeholder,
 * so the alias — and any other alias to the same anchor — reads the placeholder.
 */
export function redactAnchors(pass: BlockPass): void {
  if (pass.aliases.size === 0) return;
  // One scan finds every anchor; each alias name then costs a lookup, not a scan of the text.
  const anchors = new Map<string, number[]>();
  const inFlow = new Set<number>();
  let depth = 0; // unclosed `{` / `[` since the start of the line, counted in the same walk
  let pos = 0;
  for (const m of pass.text.matchAll(ANCHOR)) {
    const name = m[1] ?? '';
    const at = m.index + m[0].indexOf('&');
    for (; pos < at; pos++) {
      const c = pass.text[pos];
      if (c === '\n') depth = 0;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
    }
    if (depth > 0) inFlow.add(at);
    const list = anchors.get(name);
    if (list) list.push(at);
    else anchors.set(name, [at]);
  }
  // A Map's iteration also visits the aliases met while redacting (an anchored node holding aliases).
  for (const [name, ph] of pass.aliases) {
    for (const at of anchors.get(name) ?? []) {
      if (!pass.edits.covers(at)) redactAnchored(pass, at, at + 1 + name.length, ph, inFlow.has(at));
    }
  }
}

const ANCHOR = /(?:^|[\s[{,:])&([^\s,[\]{}]+)/gm;

function redactAnchored(pass: BlockPass, anchorStart: number, after: number, ph: string, inFlow: boolean): void {
  if (!inFlow) {
    redactNodeAt(pass, lineAt(pass.lines, anchorStart), anchorStart, ph, 'scalar');
    return;
  }
  // Inside a flow collection: the node is the next flow token.
  let start = after;
  while (pass.text[start] === ' ' || pass.text[start] === '\t') start++;
  const c = pass.text[start];
  if (c === '*') return;
  let end: number;
  let text = JSON.stringify(ph);
  if (c === '{') {
    const flow = redactFlowMap(pass.text, start, ph);
    for (const a of flow.aliases) if (!pass.aliases.has(a)) pass.aliases.set(a, ph);
    end = flow.end;
    text = flow.text;
  } else if (c === '"' || c === "'") end = quotedEnd(pass.text, start);
  else {
    end = start;
    while (end < pass.text.length && !/[,\]}\n]/.test(pass.text[end] ?? '')) end++;
  }
  pass.edits.add({ start: anchorStart, end, text: `${pass.text.slice(anchorStart, after)} ${text}` });
}

function lineAt(lines: readonly TextLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
