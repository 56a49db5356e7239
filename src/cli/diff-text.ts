/**
 * `diff`'s text: a headline, then each class of requests that changes — its words, one request
 * of it as a `simulate` command to paste, and the answer before and after — then the status
 * changes and the problems added and fixed (file:line:col, as `validate` prints them). Every line
 * is escaped: names, paths and headers come from the input.
 */
import type { StatusChange } from '../core/index.js';
import { outcomeWords, type OutcomeWords } from './diff-outcome.js';
import { beforeHint, count, headline, scope, simulateCommand, type DiffReport } from './diff-report.js';
import { escapeControls } from './escape.js';
import { formatDiagnostic } from './validate-command.js';

export function formatDiffText(r: DiffReport): string {
  const d = r.diff;
  const lines: string[] = [headline(r), scope(r)];
  for (const v of [r.old, r.new]) {
    if (v.errors.length === 0) continue;
    lines.push('', `${v.label} cannot be read:`);
    for (const e of v.errors) lines.push(`  ${formatDiagnostic(e)}`);
  }
  if (d.changes.length > 0) lines.push(beforeHint(r));
  d.changes.forEach((c, i) => {
    lines.push('', `${i + 1}. ${c.class}   (${c.requests.toLocaleString('en-US')} of the candidate requests)`);
    lines.push(`   ${simulateCommand(c, r.new.files, r.target ?? null)}`);
    side(lines, 'before:', outcomeWords(c.before, c.after));
    side(lines, 'after: ', outcomeWords(c.after, c.before));
  });
  if (d.uncrossed.length > 0) {
    lines.push('', `Not exhaustive where boundaries were too many to cross (only each rule's own requests were sent): ${d.uncrossed.join('; ')}`);
  }
  if (d.status.length > 0) {
    const objects = statusByObject(d.status);
    lines.push('', `Status changes (${count(d.status.length, 'field')} of ${count(objects.length, 'object')}):`);
    for (const o of objects) lines.push(`  ${o.title}`, ...o.fields.map((f) => `    ${f}`));
  }
  for (const [title, list] of [['Problems added', d.problems.added], ['Problems fixed', d.problems.fixed]] as const) {
    if (list.length === 0) continue;
    lines.push('', `${title} (${list.length}):`);
    for (const p of list) lines.push(`  ${formatDiagnostic(p)}`);
  }
  return lines.map((l) => `${escapeControls(l)}\n`).join('');
}

function side(lines: string[], label: string, w: OutcomeWords): void {
  lines.push(`   ${label} ${[w.status, w.route, w.backends.join(', ')].filter((x) => x !== '').join(' · ')}`);
  for (const [field, words] of w.extra) if (words !== null) lines.push(`           ${field}: ${words}`);
}

export interface ObjectStatus {
  /** `HTTPRoute shop/cart`, with ` (new)` or ` (gone)` when every field is only on one side. */
  readonly title: string;
  /** `parents.Gateway infra/edge#https.conditions.Accepted: True (Accepted) → False (NotAllowedByListeners)`; a new or gone object's value alone. */
  readonly fields: readonly string[];
}

/** Status changes grouped by object, in the order the core lists them. */
export function statusByObject(changes: readonly StatusChange[]): ObjectStatus[] {
  const groups = new Map<string, StatusChange[]>();
  for (const s of changes) {
    const key = `${s.object.kind} ${s.object.namespace}/${s.object.name}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  return [...groups].map(([key, list]) => {
    const side = list.every((s) => s.before === null) ? 'new' : list.every((s) => s.after === null) ? 'gone' : null;
    const fields = list.map((s) => `${s.field}: ${side === 'new' ? s.after : side === 'gone' ? s.before : `${s.before ?? '(none)'} → ${s.after ?? '(none)'}`}`);
    return { title: side === null ? key : `${key} (${side})`, fields };
  });
}
