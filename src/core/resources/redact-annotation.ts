import yaml from 'js-yaml';
import type { BlockPass } from './redact-blocks.js';
import { keyOf, valueEnd, type TextLine } from './redact-lines.js';
import { LAST_APPLIED, REDACTED_STRING, redactEmbedded } from './secrets.js';

/**
 * kubectl's `last-applied-configuration` annotation holds the whole applied object as JSON —
 * a Secret's data included (other tools embed objects the same way). Every block-style value
 * that is a string holding a JSON object which mentions a Secret is decoded (block scalar or
 * quoted), its embedded object redacted and written back in the same form; a last-applied value
 * that cannot be read but mentions a Secret becomes the placeholder.
 */
export function redactLastApplied(pass: BlockPass): void {
  pass.lines.forEach((line, i) => {
    const k = line.empty ? null : keyOf(line);
    // Only a block scalar or a quoted string can hold JSON text: nothing else is read further.
    if (!k || !/^[ \t]*[|>"']/.test(pass.text.slice(k.valueStart, line.end)) || pass.edits.covers(k.valueStart)) return;
    const end = valueEnd(pass.lines, i, line.keyColumn);
    const valueEndAt = pass.lines[end - 1]?.end ?? line.end;
    const raw = pass.text.slice(k.valueStart, valueEndAt);
    if (!raw.includes('Secret')) return;
    const below = pass.lines.slice(i + 1, end);
    const decoded = decode(raw, below);
    if (decoded === null && k.key !== LAST_APPLIED) return;
    const next = decoded === null ? REDACTED_STRING : redactEmbedded(decoded);
    if (next === null) return;
    // kubectl writes a block scalar holding one line of JSON: the redacted value keeps that form.
    const content = below.find((l) => l.text.trim() !== '');
    const text = /^[|>]/.test(raw.trim()) && content && !next.slice(0, -1).includes('\n')
      ? ` ${next.endsWith('\n') ? '|' : '|-'}\n${content.text.slice(0, content.indent)}${next.replace(/\n$/, '')}`
      : ` ${JSON.stringify(next)}`;
    pass.edits.add({ start: k.valueStart, end: valueEndAt, text });
  });
}

function decode(raw: string, below: readonly TextLine[]): string | null {
  const head = raw.trim();
  if (/^[|>]/.test(head)) {
    const content = below.filter((l) => l.text.trim() !== '');
    const indent = Math.min(...content.map((l) => l.indent));
    return content.map((l) => l.text.slice(indent)).join('\n') + (/^[|>]-/.test(head) ? '' : '\n');
  }
  try {
    const v: unknown = yaml.load(`v:${raw}`, { schema: yaml.FAILSAFE_SCHEMA });
    const s = typeof v === 'object' && v !== null ? (v as Record<string, unknown>).v : undefined;
    return typeof s === 'string' ? s : null;
  } catch {
    return null;
  }
}
