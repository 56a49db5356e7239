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

export function formatDiffMarkdown(r: DiffReport): string {
  const d = r.diff;
  const out: string[] = [`### Route Designer: ${mdText(headline(r))}`, '', mdText(scope(r))];
  for (const v of [r.old, r.new]) {
    if (v.errors.length === 0) continue;
    out.push('', `**${mdText(v.label)} cannot be read:**`, '', ...v.errors.map(problemItem));
  }
  if (d.changes.length > 0) out.push('', mdText(beforeHint(r)));
  d.changes.forEach((c, i) => {
    const before = outcomeWords(c.before, c.after);
    const after = outcomeWords(c.after, c.before);
    const extra = [...new Set([...before.extra, ...after.extra].map(([f]) => f))];
    out.push('', `#### ${i + 1}\\. ${mdCode(c.class)}`, '', `${c.requests.toLocaleString('en-US')} of the candidate requests, for example:`, '');
    out.push(...mdBlock(simulateCommand(c, r.new.files), 'sh'), '');
    out.push(`| | status | route | backends |${extra.map((f) => ` ${mdText(f)} |`).join('')}`, `|---|---|---|---|${extra.map(() => '---|').join('')}`);
    out.push(row('before', before, extra), row('after', after, extra));
  });
  if (d.uncrossed.length > 0) out.push('', `Not exhaustive where boundaries were too many to cross (only each rule's own requests were sent): ${d.uncrossed.map((u) => mdCode(u)).join(', ')}`);
  if (d.status.length > 0) {
    const objects = statusByObject(d.status);
    out.push('', `#### Status changes (${count(d.status.length, 'field')} of ${count(objects.length, 'object')})`, '');
    for (const o of objects) out.push(`- ${mdCode(o.title)}`, ...o.fields.map((f) => `  - ${mdCode(f)}`));
  }
  for (const [title, list] of [['Problems added', d.problems.added], ['Problems fixed', d.problems.fixed]] as const) {
    if (list.length > 0) out.push('', `#### ${title} (${list.length})`, '', ...list.map(problemItem));
  }
  return `${out.join('\n')}\n`;
}

function row(label: string, w: OutcomeWords, extra: readonly string[]): string {
  const cells = [w.status, w.route, w.backends.join(', ') || '—', ...extra.map((f) => w.extra.find(([g]) => g === f)?.[1] ?? '—')];
  return `| ${label} | ${cells.map((c) => mdText(c)).join(' | ')} |`;
}

/** `- `file:line:col` **error** `Code` message`. */
function problemItem(p: Diagnostic): string {
  return `- ${mdCode(`${p.file}:${p.line}:${p.column}`)} **${p.severity}** ${mdCode(p.code)} ${mdText(p.message)}${p.istioCode === undefined ? '' : ` \\[${mdText(p.istioCode)}\\]`}`;
}
