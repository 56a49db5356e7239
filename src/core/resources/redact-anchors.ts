import { redactNodeAt, type BlockPass } from './redact-blocks.js';
import { quotedEnd, redactFlowMap } from './redact-flow.js';
import type { TextLine } from './redact-lines.js';

/**
 * Redacts, where it is written, every node that a redacted value reaches through an alias
 * (`tls.key: *k`, `data: *d`, `<<: *d`): the anchor stays, its value becomes the placeholder,
 * so the alias — and any other alias to the same anchor — reads the placeholder.
 */
export function redactAnchors(pass: BlockPass): void {
  const done = new Set<string>();
  for (let guard = 0; guard < 1000; guard++) {
    const next = [...pass.aliases].find(([name]) => !done.has(name));
    if (!next) return;
    const [name, ph] = next;
    done.add(name);
    const anchor = new RegExp(`(?:^|[\\s[{,:])&${escapeRegExp(name)}(?=[\\s,\\]}]|$)`, 'gm');
    for (const m of pass.text.matchAll(anchor)) {
      const at = m.index + m[0].indexOf('&');
      if (!pass.edits.covers(at)) redactAnchored(pass, at, at + 1 + name.length, ph);
    }
  }
}

function redactAnchored(pass: BlockPass, anchorStart: number, after: number, ph: string): void {
  const i = lineAt(pass.lines, anchorStart);
  const line = pass.lines[i] as TextLine;
  const before = pass.text.slice(line.start, anchorStart);
  const inFlow = (before.match(/[{[]/g)?.length ?? 0) > (before.match(/[}\]]/g)?.length ?? 0);
  if (!inFlow) {
    redactNodeAt(pass, i, anchorStart, ph, 'scalar');
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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
