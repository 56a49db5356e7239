/**
 * `diff --format markdown`: the text's content as a pull-request comment (GitHub-flavoured
 * markdown): a heading, per class of requests its words, the `simulate` command in a code block
 * and a table of the answer before and after; the status changes as a table; the problems as
 * lists. Text from the input is either in a code span (requests, classes, file:line:col) or
 * escaped (every ASCII punctuation mark a backslash can escape, CommonMark §2.4, so no `<tag>`,
 * link, emphasis or @mention comes from a name or a message); controls are escaped everywhere.
 */
import type { Diagnostic } from '../core/index.js';
import { outcomeWords, type OutcomeWords } from './diff-outcome.js';
import { beforeHint, count, headline, scope, simulateCommand, type DiffReport } from './diff-report.js';
import { statusByObject } from './diff-text.js';
import { escapeControls } from './escape.js';

/**
 * Plain text: a backslash before the punctuation markdown or GitHub could read anywhere in a line
 * (emphasis, code, links, HTML, entities, tables, strikethrough, @mentions, #references), and
 * before what would start an autolink (`://`, `www.`). The text never starts a line, so `-`, `+`
 * and `1.` cannot start a list.
 */
export function mdText(s: string): string {
  return escapeControls(s).replace(/[\\`*_{}[\]()<>#!|~&@]/g, '\\$&').replace(/:\/\//g, '\\://').replace(/\b(www)\./gi, '$1\\.');
}

/** A code span fenced by more backticks than any run inside; `|` escaped (GFM: even in a span, it ends a table cell). */
export function mdCode(s: string, inTable = false): string {
  const text = escapeControls(s);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') ? ' ' : '';
  const span = `${fence}${pad}${text}${pad}${fence}`;
  return inTable ? span.replace(/\|/g, '\\|') : span;
}

/** A fenced code block whose fence no line of the content can close. */
function mdBlock(s: string, info: string): string[] {
  const text = escapeControls(s);
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${info}`, text, fence];
}

/**
 * GitHub refuses a comment over 65,536 characters: past these sizes the comment lists classes by
 * their words alone, then leaves the rest out, saying how many (`--format json` has them all).
 */
const DETAILED = 40_000;
const LIMITS = { classes: 48_000, status: 54_000, added: 58_000, fixed: 60_000 } as const;

export function formatDiffMarkdown(r: DiffReport): string {
  const d = r.diff;
  const out: string[] = [];
  let size = 0;
  const push = (...lines: string[]): void => {
    out.push(...lines);
    for (const l of lines) size += l.length + 1;
  };
  /** Groups of lines while they fit under `limit`; then one line for the rest. */
  const fit = (groups: readonly (() => string[])[], limit: number, what: string): void => {
    for (const [i, group] of groups.entries()) {
      const lines = group();
      if (size + lines.reduce((n, l) => n + l.length + 1, 0) > limit) {
        push(`- … and ${count(groups.length - i, `more ${what}`)} (${mdCode('route-designer diff --format json')} lists every one)`);
        return;
      }
      push(...lines);
    }
  };
  push(`### Route Designer: ${mdText(headline(r))}`, '', mdText(scope(r)));
  for (const v of [r.old, r.new]) {
    if (v.errors.length > 0) fit([() => ['', `**${mdText(v.label)} cannot be read:**`, ''], ...v.errors.map((e) => () => [problemItem(e)])], LIMITS.added, 'error');
  }
  if (d.changes.length > 0) push('', mdText(beforeHint(r)));
  let shown = 0;
  while (shown < d.changes.length && size <= DETAILED) push(...changeSection(r, shown++));
  if (shown < d.changes.length) {
    push('', `#### ${count(d.changes.length - shown, 'more class')} of requests`, '');
    fit(d.changes.slice(shown).map((c, k) => () => [`- ${shown + k + 1}\\. ${mdCode(c.class)} \\(${c.requests.toLocaleString('en-US')} of the candidate requests\\)`]), LIMITS.classes, 'class');
  }
  if (d.uncrossed.length > 0) push('', `Not exhaustive where boundaries were too many to cross (only each rule's own requests were sent): ${d.uncrossed.map((u) => mdCode(u)).join(', ')}`);
  if (d.status.length > 0) {
    const objects = statusByObject(d.status);
    push('', `#### Status changes (${count(d.status.length, 'field')} of ${count(objects.length, 'object')})`, '');
    fit(objects.map((o) => () => [`- ${mdCode(o.title)}`, ...o.fields.map((f) => `  - ${mdCode(f)}`)]), LIMITS.status, 'object');
  }
  for (const [title, list, limit] of [['Problems added', d.problems.added, LIMITS.added], ['Problems fixed', d.problems.fixed, LIMITS.fixed]] as const) {
    if (list.length === 0) continue;
    push('', `#### ${title} (${list.length})`, '');
    fit(list.map((p) => () => [problemItem(p)]), limit, 'problem');
  }
  return `${out.join('\n')}\n`;
}

/** One class in full: its words, the simulate command, the answer before and after as a table. */
function changeSection(r: DiffReport, i: number): string[] {
  const c = r.diff.changes[i];
  if (c === undefined) return [];
  const before = outcomeWords(c.before, c.after);
  const after = outcomeWords(c.after, c.before);
  const extra = [...new Set([...before.extra, ...after.extra].map(([f]) => f))];
  return [
    '', `#### ${i + 1}\\. ${mdCode(c.class)}`, '', `${c.requests.toLocaleString('en-US')} of the candidate requests, for example:`, '',
    ...mdBlock(simulateCommand(c, r.new.files, r.target ?? null), 'sh'), '',
    `| | status | route | backends |${extra.map((f) => ` ${mdText(f)} |`).join('')}`, `|---|---|---|---|${extra.map(() => '---|').join('')}`,
    row('before', before, extra), row('after', after, extra),
  ];
}

function row(label: string, w: OutcomeWords, extra: readonly string[]): string {
  const cells = [w.status, w.route, w.backends.join(', ') || '—', ...extra.map((f) => w.extra.find(([g]) => g === f)?.[1] ?? '—')];
  return `| ${label} | ${cells.map((c) => mdText(c)).join(' | ')} |`;
}

/** `- `file:line:col` **error** `Code` message`. */
function problemItem(p: Diagnostic): string {
  return `- ${mdCode(`${p.file}:${p.line}:${p.column}`)} **${p.severity}** ${mdCode(p.code)} ${mdText(p.message)}${p.istioCode === undefined ? '' : ` \\[${mdText(p.istioCode)}\\]`}`;
}
