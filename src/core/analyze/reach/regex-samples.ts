/**
 * Strings a regex matches, built from the common subset of RE2 syntax (literals, escapes, classes,
 * `.`, groups, alternation, quantifiers) and each checked with the RE2 engine itself: only strings
 * the engine fully matches are returned. A pattern outside the subset yields none (the caller then
 * says "undecided", never guesses).
 */
import { fullMatch } from '../../simulate/match/regex.js';

type Mode = 'min' | 'one';

const CLASS_ESCAPES: Record<string, string> = { d: '1', w: 'a', s: ' ', D: 'x', W: '-', S: 'x' };

/** Up to a handful of distinct strings `pattern` fully matches (maybe none). */
export function regexSamples(pattern: string, fallbacks: readonly string[] = []): string[] {
  const out: string[] = [];
  const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  for (const alt of [null, ...topAlternatives(body)]) {
    for (const mode of ['one', 'min'] as const) {
      const s = generate(alt ?? body, mode);
      if (s !== null && !out.includes(s)) out.push(s);
    }
  }
  for (const f of fallbacks) if (!out.includes(f)) out.push(f);
  return out.filter((s) => fullMatch(pattern, s)).slice(0, 6);
}

function topAlternatives(body: string): string[] {
  const alts: string[] = [];
  let depth = 0;
  let start = 0;
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      alts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  return alts.length === 0 ? [] : [...alts, body.slice(start)];
}

/** One string for the pattern: each quantifier at its minimum (`min`) or at least once (`one`). */
function generate(p: string, mode: Mode): string | null {
  let out = '';
  let i = 0;
  let last = '';
  while (i < p.length) {
    const c = p[i] ?? '';
    let atom: string | null;
    let next = i + 1;
    if (c === '\\') {
      const e = p[i + 1] ?? '';
      atom = CLASS_ESCAPES[e] ?? (/[A-Za-z0-9]/.test(e) ? null : e);
      next = i + 2;
    } else if (c === '[') {
      const end = p.indexOf(']', i + 2);
      if (end === -1) return null;
      atom = classSample(p.slice(i + 1, end));
      next = end + 1;
    } else if (c === '(') {
      const end = closing(p, i);
      if (end === -1) return null;
      const inner = p.slice(i + 1, end).replace(/^\?(?::|P?<[A-Za-z_][A-Za-z0-9_]*>)/, '');
      if (inner.startsWith('?')) return null;
      const first = topAlternatives(inner)[0] ?? inner;
      atom = generate(first, mode);
      next = end + 1;
    } else if (c === '.') atom = 'x';
    else if (c === '^' || c === '$' || c === '|' || c === ')') return null;
    else atom = c;
    if (atom === null) return null;
    const q = /^(\*|\+|\?|\{(\d+)(,\d*)?\})\??/.exec(p.slice(next));
    let times = 1;
    if (q) {
      const min = q[1] === '*' || q[1] === '?' ? 0 : q[1] === '+' ? 1 : Number(q[2]);
      times = mode === 'min' ? min : Math.max(min, 1);
      next += q[0].length;
    }
    if (times > 64) return null;
    out += atom.repeat(times);
    last = atom;
    i = next;
  }
  return last === '' && out === '' ? '' : out;
}

function closing(p: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** A character a bracket class admits: its first member, or for a negated class one it leaves out. */
function classSample(body: string): string | null {
  if (body.startsWith('^')) {
    const banned = body.slice(1);
    return ['x', 'a', '1', '-', 'Z'].find((ch) => !banned.includes(ch)) ?? null;
  }
  const c = body[0] ?? '';
  if (c === '\\') return CLASS_ESCAPES[body[1] ?? ''] ?? body[1] ?? null;
  if (c === '[') return null;
  return c;
}
