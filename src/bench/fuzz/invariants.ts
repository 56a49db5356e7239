import { readFileSync } from 'node:fs';
import type { Diagnostic, ParsedFile, SourceRange } from '../../core/index.js';

/**
 * What every answer of the engine must satisfy, whatever the input: a diagnostic has a documented
 * code (README's tables are the closed list users read), a severity, and a range inside the text
 * it points at (1-based, end exclusive, columns in UTF-16 units — core's LineIndex counts lines by
 * `\n`, as the editor shows a CRLF text).
 */
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const documented = new Map<string, boolean>();
const SEVERITIES = new Set(['error', 'warning', 'info']);

export class InvariantError extends Error {}

function isDocumented(code: string): boolean {
  let known = documented.get(code);
  if (known === undefined) {
    known = /^[A-Z][A-Za-z0-9]*$/.test(code) && README.includes(`\`${code}\``);
    documented.set(code, known);
  }
  return known;
}

/** Line lengths of a text as the diagnostics count them. */
export function lineLengths(text: string): number[] {
  return text.split('\n').map((l) => l.length);
}

/** The line lengths of each parsed file, by name: computed once per case. */
export type TextBounds = ReadonlyMap<string, readonly number[]>;

export function boundsOf(files: readonly Pick<ParsedFile, 'name' | 'text'>[]): TextBounds {
  return new Map(files.map((f) => [f.name, lineLengths(f.text)]));
}

export function checkDiagnostics(diagnostics: readonly Diagnostic[], bounds: TextBounds, where: string): void {
  for (const d of diagnostics) {
    const fail = (why: string): never => {
      throw new InvariantError(`${where}: diagnostic ${JSON.stringify({ ...d, message: d.message.slice(0, 200) })} ${why}`);
    };
    if (!isDocumented(d.code)) fail('has a code the README does not document');
    if (!SEVERITIES.has(d.severity)) fail('has no valid severity');
    if (typeof d.message !== 'string' || d.message === '') fail('has no message');
    checkRange(d, bounds, `${where}: diagnostic ${d.code} "${d.message.slice(0, 80)}"`);
  }
}

/** A range (a diagnostic's, a loss entry's) lies inside the text it names. */
export function checkRange(r: SourceRange, bounds: TextBounds, where: string): void {
  const lines = bounds.get(r.file);
  if (!lines) throw new InvariantError(`${where}: names file ${r.file}, not one that was parsed`);
  const inside = (line: number, column: number): boolean =>
    Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lines.length && column >= 1 && column <= (lines[line - 1] ?? 0) + 1;
  const at = `${r.line}:${r.column}-${r.endLine}:${r.endColumn}`;
  if (!inside(r.line, r.column)) throw new InvariantError(`${where}: starts outside the text (${at}; ${lines.length} lines)`);
  if (!inside(r.endLine, r.endColumn)) throw new InvariantError(`${where}: ends outside the text (${at}; ${lines.length} lines)`);
  if (r.endLine < r.line || (r.endLine === r.line && r.endColumn < r.column)) throw new InvariantError(`${where}: ends before it starts (${at})`);
}

/** The secrets (each in every form it is written: plain, base64) that some output holds. */
export function leakedSecrets(outputs: readonly string[], secrets: readonly string[]): string[] {
  return secrets.filter((s) => outputs.some((o) => o.includes(s)));
}

export function checkNoSecret(outputs: readonly string[], secrets: readonly string[], where: string): void {
  const leaked = leakedSecrets(outputs, secrets);
  if (leaked.length > 0) throw new InvariantError(`${where}: an output holds the secret ${JSON.stringify(leaked[0]?.slice(0, 40))}`);
}
