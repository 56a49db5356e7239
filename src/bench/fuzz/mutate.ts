/**
 * Text mutations of a YAML document, as data: each operation names where it applies by a
 * fraction of the text (or of its lines), so fast-check can shrink a case to fewer or simpler
 * operations and a replayed seed applies exactly the same edits.
 */
export type Mutation =
  | { readonly op: 'replace'; readonly at: number; readonly length: number; readonly with: string }
  | { readonly op: 'insert'; readonly at: number; readonly with: string }
  | { readonly op: 'deleteLine'; readonly line: number }
  | { readonly op: 'duplicateLine'; readonly line: number }
  | { readonly op: 'indent'; readonly line: number; readonly by: number }
  | { readonly op: 'tab'; readonly line: number }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'nest'; readonly line: number; readonly depth: number; readonly flow: boolean }
  | { readonly op: 'alias'; readonly from: number; readonly to: number }
  | { readonly op: 'merge'; readonly line: number; readonly with: string }
  | { readonly op: 'crlf' };

/** Pieces that break parsers: odd code points, YAML indicators, numbers past every limit. */
export const HOSTILE_SNIPPETS: readonly string[] = [
  '\uFFFD', '\u0000', '\u202E', '\u2066', '\uD800', '\uDC00', '\uFEFF', '\u0085', '\u2028', '\u001B[31m', '\u0007',
  '9'.repeat(400), '1e309', '-1e309', '-0', '0x1F', '0o17', '.inf', '-.inf', '.nan', '1_000', '9007199254740993',
  '&a ', '*a', '*nope', '<<: *a', '<<: [*a, *a]', '{', '}', '[', ']', '"', "'", ': ', '- ', '#', '? ', '|', '>-', '!!binary ', '!!js/function ',
  '!custom ', '%YAML 1.1\n', '---\n', '...\n', '\r\n', '\t', '@', '`', '__proto__: {x: 1}', 'constructor: 1',
  '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '$(rm -rf /)', '${HOME}', '{{.}}', 'null', '~', 'true', 'NO', 'y',
  '😀', 'é', 'ﬀ', 'İ', 'x'.repeat(5000),
];

const lineStarts = (text: string): number[] => {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
};

/** The [start, end) of the line at fraction `f` (end excludes its newline). */
function lineAt(text: string, f: number): [number, number] {
  const starts = lineStarts(text);
  const start = starts[Math.min(starts.length - 1, Math.floor(f * starts.length))] ?? 0;
  const nl = text.indexOf('\n', start);
  return [start, nl === -1 ? text.length : nl];
}

const at = (text: string, f: number): number => Math.min(text.length, Math.floor(f * (text.length + 1)));

export function applyMutation(text: string, m: Mutation): string {
  switch (m.op) {
    case 'replace': {
      const i = at(text, m.at);
      return text.slice(0, i) + m.with + text.slice(i + m.length);
    }
    case 'insert': {
      const i = at(text, m.at);
      return text.slice(0, i) + m.with + text.slice(i);
    }
    case 'deleteLine': {
      const [s, e] = lineAt(text, m.line);
      return text.slice(0, s) + text.slice(e + 1);
    }
    case 'duplicateLine': {
      const [s, e] = lineAt(text, m.line);
      return text.slice(0, e + 1) + text.slice(s, e) + '\n' + text.slice(e + 1);
    }
    case 'indent': {
      const [s] = lineAt(text, m.line);
      if (m.by >= 0) return text.slice(0, s) + ' '.repeat(m.by) + text.slice(s);
      let n = 0;
      while (n < -m.by && text[s + n] === ' ') n++;
      return text.slice(0, s) + text.slice(s + n);
    }
    case 'tab': {
      const [s] = lineAt(text, m.line);
      return text.slice(0, s) + '\t' + text.slice(s).replace(/^ +/, '');
    }
    case 'truncate':
      return text.slice(0, at(text, m.at));
    case 'nest': {
      // Wraps a line's value in `depth` flow or block levels (the loader refuses past its limit).
      const [s, e] = lineAt(text, m.line);
      const line = text.slice(s, e);
      const colon = line.indexOf(': ');
      if (colon === -1) return text;
      const value = line.slice(colon + 2);
      const wrapped = m.flow ? '['.repeat(m.depth) + value + ']'.repeat(m.depth) : nestBlock(value, m.depth, colon + 2);
      return text.slice(0, s) + line.slice(0, colon + 2) + wrapped + text.slice(e);
    }
    case 'alias': {
      // Anchors one value and refers to it from another line's value.
      const [s1, e1] = lineAt(text, m.from);
      const [s2, e2] = lineAt(text, m.to);
      const c1 = text.indexOf(': ', s1);
      const c2 = text.indexOf(': ', s2);
      if (c1 === -1 || c1 > e1 || c2 === -1 || c2 > e2 || s1 === s2) return text;
      const edits = [
        { i: c1 + 2, j: c1 + 2, t: '&fz ' },
        { i: c2 + 2, j: e2, t: '*fz' },
      ].sort((a, b) => b.i - a.i);
      let out = text;
      for (const x of edits) out = out.slice(0, x.i) + x.t + out.slice(x.j);
      return out;
    }
    case 'merge': {
      const [s] = lineAt(text, m.line);
      const indent = /^ */.exec(text.slice(s))?.[0] ?? '';
      return `${text.slice(0, s)}${indent}<<: ${m.with}\n${text.slice(s)}`;
    }
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
  }
}

function nestBlock(value: string, depth: number, indent: number): string {
  let out = '';
  for (let d = 1; d <= depth; d++) out += `\n${' '.repeat(indent + d * 2)}k${d}:`;
  return `${out} ${value}`;
}

export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}
