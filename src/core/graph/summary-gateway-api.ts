import type { KubeObject } from '../resources/types.js';
import { rec, records, str } from './read.js';

/**
 * One-line summaries of Gateway API rules, in the order a reader scans them:
 * path · method · headers · query (`PathPrefix /cart · GET · x-canary=1`).
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutematch
 */
export function summarizeHttpMatch(match: KubeObject): string {
  const path = rec(match.path);
  const parts = [`${str(path.type) ?? 'PathPrefix'} ${str(path.value) ?? '/'}`];
  const method = str(match.method);
  if (method) parts.push(method);
  for (const { item: h } of records(match.headers)) parts.push(pair(h, ''));
  for (const { item: q } of records(match.queryParams)) parts.push(pair(q, '?'));
  return parts.join(' · ');
}

function pair(m: KubeObject, prefix: string): string {
  const regex = str(m.type) === 'RegularExpression';
  return `${prefix}${str(m.name) ?? '?'}${regex ? '~' : '='}${str(m.value) ?? ''}`;
}

/** A rule with no matches matches every request, as `PathPrefix /` (the API's default). */
export function summarizeHttpRule(rule: KubeObject): string {
  const matches = records(rule.matches);
  if (matches.length === 0) return 'PathPrefix /';
  return matches.map(({ item }) => summarizeHttpMatch(item)).join(' or ');
}

/** @see https://gateway-api.sigs.k8s.io/reference/spec/#grpcroutematch */
export function summarizeGrpcRule(rule: KubeObject): string {
  const matches = records(rule.matches);
  if (matches.length === 0) return 'any method';
  return matches
    .map(({ item }) => {
      const method = rec(item.method);
      const parts: string[] = [];
      if (item.method !== undefined) {
        const regex = str(method.type) === 'RegularExpression';
        parts.push(`${regex ? '~' : ''}${str(method.service) ?? '*'}/${str(method.method) ?? '*'}`);
      }
      for (const { item: h } of records(item.headers)) parts.push(pair(h, ''));
      return parts.join(' · ') || 'any method';
    })
    .join(' or ');
}

const FILTER_CHIPS: Readonly<Record<string, string>> = {
  RequestRedirect: 'redirect',
  URLRewrite: 'rewrite',
  RequestHeaderModifier: 'headers',
  ResponseHeaderModifier: 'headers',
  RequestMirror: 'mirror',
  CORS: 'cors',
  ExternalAuth: 'auth',
  ExtensionRef: 'extension',
};

/** Filters (and timeouts, retries) of a rule as chips, each named once, in the order written. */
export function ruleChips(rule: KubeObject): string[] {
  const chips: string[] = [];
  const add = (chip: string): void => {
    if (!chips.includes(chip)) chips.push(chip);
  };
  for (const { item } of records(rule.filters)) {
    const type = str(item.type);
    if (type) add(FILTER_CHIPS[type] ?? type);
  }
  if (rule.timeouts !== undefined) add('timeout');
  if (rule.retry !== undefined) add('retry');
  if (rule.sessionPersistence !== undefined) add('session');
  return chips;
}
