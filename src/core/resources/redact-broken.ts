import { FIELDS, redactValue, type BlockPass } from './redact-blocks.js';
import { redactFlowMap } from './redact-flow.js';
import { keyOf, valueEnd } from './redact-lines.js';
import { REDACTED_DATA, REDACTED_STRING } from './secrets.js';

/**
 * A Secret's document that no parser accepts (a duplicate key, a tab for indentation, an
 * unclosed quote) cannot be trusted to say where its values are. Only what names the object
 * stays — `apiVersion`, `kind`, `type`, `immutable`, the `metadata` block and the `items`
 * structure of a List; every other key's value becomes a placeholder (a `data` / `stringData`
 * block keeps its keys), every stray indented line goes, and in flow (JSON) text every data
 * map and every long base64 run is replaced.
 */
const KEEP = new Set(['apiVersion', 'kind', 'type', 'immutable', 'items']);
const FLOW_DATA = /(["']?)\b(data|stringData)\1[ \t]*:[ \t]*\{/g;
/** 32 base64 characters are 24 bytes: longer than any name or label a Secret needs to keep. */
const BASE64_RUN = /[A-Za-z0-9+/]{32,}={0,2}/g;

export function redactBrokenDocument(pass: BlockPass): void {
  let metadataEnd = -1;
  pass.lines.forEach((line, j) => {
    if (line.empty || pass.edits.covers(line.start) || pass.edits.covers(line.end - 1)) return;
    const k = keyOf(line);
    if (j < metadataEnd) {
      // Broken indentation can put anything under `metadata` (a tab before it, fuzz seed 1853836226):
      // a data block found there is still redacted.
      const ph = k ? FIELDS[k.key] : undefined;
      if (ph !== undefined) redactValue(pass, j, ph, 'map');
      return;
    }
    if (!k) {
      if (line.indent > 0 || line.dash) pass.edits.add({ start: line.start, end: line.end, text: '' });
      return;
    }
    if (k.key === 'metadata') metadataEnd = valueEnd(pass.lines, j, line.keyColumn);
    else if (!KEEP.has(k.key)) {
      const ph = FIELDS[k.key];
      redactValue(pass, j, ph ?? REDACTED_STRING, ph === undefined ? 'scalar' : 'map');
    }
  });
  for (const m of pass.text.matchAll(FLOW_DATA)) {
    const open = m.index + m[0].length - 1;
    if (pass.edits.covers(open)) continue;
    const flow = redactFlowMap(pass.text, open, m[2] === 'data' ? REDACTED_DATA : REDACTED_STRING);
    pass.edits.add({ start: open, end: flow.end, text: flow.text });
  }
  for (const m of pass.text.matchAll(BASE64_RUN)) {
    if (!pass.edits.covers(m.index)) pass.edits.add({ start: m.index, end: m.index + m[0].length, text: REDACTED_DATA });
  }
}
