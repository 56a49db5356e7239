import type { BehaviourChange, DesignDiff, StatusChange } from '../../core/index';

/**
 * The compare view's words (the store's selectChangeRows says each change's request and its two
 * answers): what part of the answer changed, a status change, and the compare bar's counts. Pure
 * (tests: change-words.test.ts).
 */

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The parts of the answer a change is about, as the list's tags say them (never empty). */
export type Aspect = 'status' | 'backends' | 'redirect' | 'forwarded request' | 'response headers' | 'mirrors' | 'timeouts' | 'retries';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function changeAspects(c: Pick<BehaviourChange, 'before' | 'after'>): Aspect[] {
  const { before: a, after: b } = c;
  const out: Aspect[] = [];
  if (!same(a.status, b.status) || !same(a.outcomes, b.outcomes)) out.push('status');
  if (!same(a.backends, b.backends)) out.push('backends');
  if (!same(a.redirect, b.redirect)) out.push('redirect');
  if (!same(a.request, b.request)) out.push('forwarded request');
  if (!same(a.responseHeaders, b.responseHeaders)) out.push('response headers');
  if (!same(a.mirrors, b.mirrors)) out.push('mirrors');
  if (!same(a.timeouts, b.timeouts)) out.push('timeouts');
  if (!same(a.retries, b.retries)) out.push('retries');
  return out.length > 0 ? out : ['status'];
}

/** `Gateway infra/edge · listeners.https.attachedRoutes: 2 → 1` (`absent` for a side without it). */
export function statusChangeWords(s: StatusChange): { readonly object: string; readonly field: string; readonly before: string; readonly after: string } {
  const o = s.object;
  return { object: `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`, field: s.field, before: s.before ?? 'absent', after: s.after ?? 'absent' };
}

/** The counts the compare bar says: `3 behaviour changes · 1 status change · 2 problems added, 1 fixed`. */
export function diffCountWords(d: DesignDiff): string {
  const parts = [plural(d.changes.length, 'behaviour change'), plural(d.status.length, 'status change')];
  const { added, fixed } = d.problems;
  if (added.length > 0 || fixed.length > 0) parts.push(`${plural(added.length, 'problem')} added, ${fixed.length} fixed`);
  else parts.push('no problem added or fixed');
  return parts.join(' · ');
}

/** How many entries the Changes tab lists (its badge). */
export function diffEntryCount(d: DesignDiff): number {
  return d.changes.length + d.status.length + d.problems.added.length + d.problems.fixed.length;
}
