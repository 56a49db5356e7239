/**
 * Bytes → source text, for every reader of files (the command line, a file dropped on the page).
 * The encoding is found as YAML 1.2.2 §5.2 "Character Encodings" says: a byte order mark, or else
 * the pattern of null bytes around the first (ASCII) character; UTF-8 otherwise. The mark is not
 * part of the text. A byte sequence that is not a character becomes U+FFFD (as a browser's
 * TextDecoder does: one per maximal subpart, Unicode §3.9) and is reported as a located error, so
 * a mangled name is never used in silence.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import type { SourceFile } from './parse.js';
import { LineIndex } from './line-index.js';
import { decodeUnits, type Encoding } from './decode-units.js';

export type { Encoding } from './decode-units.js';

export const DECODE_CODES = ['InvalidEncoding'] as const;
export type DecodeCode = (typeof DECODE_CODES)[number];

export interface DecodedSource {
  readonly file: SourceFile;
  readonly encoding: Encoding;
  /** One error per line holding bytes that are not characters (at most MAX_REPORTED). */
  readonly diagnostics: readonly Diagnostic[];
}

const MAX_REPORTED = 10;

export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bomLength: number } {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  const n = bytes.length;
  if (n >= 4 && a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', bomLength: 4 };
  if (n >= 4 && a === 0 && b === 0 && c === 0 && d !== 0) return { encoding: 'utf-32be', bomLength: 0 };
  if (n >= 4 && a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', bomLength: 4 };
  if (n >= 4 && a !== 0 && b === 0 && c === 0 && d === 0) return { encoding: 'utf-32le', bomLength: 0 };
  if (n >= 2 && a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (n >= 2 && a === 0 && b !== 0) return { encoding: 'utf-16be', bomLength: 0 };
  if (n >= 2 && a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (n >= 2 && a !== 0 && b === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (n >= 3 && a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** `name` is the file's name in diagnostics (`<stdin>` for standard input). */
export function decodeSource(name: string, bytes: Uint8Array): DecodedSource {
  const { encoding, bomLength } = detectEncoding(bytes);
  const { text, invalid } = decodeUnits(bytes.subarray(bomLength), encoding);
  const diagnostics: Diagnostic[] = [];
  if (invalid.length > 0) {
    const lines = new LineIndex(text);
    const firstPerLine = new Map<number, { column: number; bytes: readonly number[] }>();
    for (const bad of invalid) {
      const at = lines.position(bad.offset);
      if (!firstPerLine.has(at.line)) firstPerLine.set(at.line, { column: at.column, bytes: bad.bytes });
    }
    const all = [...firstPerLine];
    for (const [i, [line, { column, bytes: bad }]] of all.slice(0, MAX_REPORTED).entries()) {
      const more = i === MAX_REPORTED - 1 && all.length > MAX_REPORTED ? ` (and ${all.length - MAX_REPORTED} more line(s) like it)` : '';
      diagnostics.push({
        code: 'InvalidEncoding' satisfies DecodeCode,
        severity: 'error',
        message: `${describe(encoding, bad)}; it reads as U+FFFD${more}`,
        file: name,
        line,
        column,
        endLine: line,
        endColumn: column + 1,
      });
    }
  }
  return { file: { name, text }, encoding, diagnostics };
}

function describe(encoding: Encoding, bytes: readonly number[]): string {
  const hex = bytes.map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  if (encoding === 'utf-8') return `invalid UTF-8: the byte(s) ${hex} are not a character (is the file Latin-1 or Windows-1252? save it as UTF-8)`;
  return `invalid ${encoding.toUpperCase()}: the bytes ${hex} are not a character`;
}
