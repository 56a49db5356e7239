import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { SourceLocations } from '../resources/locations.js';
import type { ParseResult } from '../resources/parse.js';
import { formatPath, type FieldPath } from '../resources/path.js';
import type { Resource } from '../resources/types.js';
import { apiServerIssues } from './apiserver/index.js';
import type { Channel } from '../target/availability-format.js';
import { celRulesFor } from './cel/index.js';
import type { CelRule } from './cel/rule.js';
import { oneCausePerProblem } from './one-cause.js';
import { regexIssues } from './regex/regex-invalid.js';
import { validateSchema } from './schema/index.js';

export interface ValidateOptions {
  /**
   * The Gateway API channel whose CRDs judge the objects (issue 16): its CEL rules, its enum
   * values and its patterns. Default 'experimental', the default target's channel (the newest
   * release's experimental CRDs); pass the target's channel (`target.channel`).
   */
  readonly channel?: Channel;
}

/**
 * Validation of each resource on its own: the CRD schema, every CEL rule, the regular
 * expressions RE2 refuses, and the API server's own checks (name formats, labels, annotations,
 * header values), i.e. what the API server (or istiod's webhook) would reject or warn about at
 * admission. One cause gives one problem (one-cause.ts). Returns the parse diagnostics too, so a
 * caller gets the whole picture in one list. Gateway API objects are judged by the CRDs of
 * `options.channel` (default experimental): rules and enum values only one channel has, and the
 * header-value pattern only the experimental CRDs have (an error there, a warning under standard).
 */
export function validate(parsed: ParseResult, options: ValidateOptions = {}): Diagnostic[] {
  const channel = options.channel ?? 'experimental';
  const locations = new SourceLocations(parsed.files);
  const out: Diagnostic[] = [...parsed.diagnostics];
  for (const resource of parsed.resources) {
    const own: Diagnostic[] = [];
    const report = (code: string, severity: Severity, message: string, path: FieldPath, prefer: 'key' | 'value' = 'value'): void => {
      own.push({
        code,
        severity,
        message,
        ...locations.range(resource, path, prefer),
        resource: { kind: resource.kind, namespace: resource.namespace, name: resource.name },
        path: formatPath(path),
      });
    };
    for (const issue of validateSchema(resource, channel)) report(issue.code, issue.severity, issue.message, issue.path, issue.prefer);
    if (resource.family === 'gateway-api') runCelRules(resource, channel, report);
    for (const issue of regexIssues(resource)) report(issue.code, issue.severity, issue.message, issue.path);
    for (const issue of apiServerIssues(resource)) report(issue.code, channelSeverity(resource, issue.code, issue.severity, channel), issue.message, issue.path, issue.prefer);
    for (const d of oneCausePerProblem(own)) out.push(d);
  }
  return out;
}

/**
 * The v1.6.1 experimental CRDs give Gateway API header values (HTTPHeader `value` in header
 * modifiers and HTTPRoute header matches) the pattern `^[!-~]+([\t ]?[!-~]+)*$`; the standard
 * CRDs have none (generated/channel-rules.js `patterns`). apiserver/header-values.ts reports a
 * value the pattern refuses as HeaderValueInvalid — an error when it holds control characters,
 * otherwise a warning. Under the experimental channel the API server refuses it: an error.
 */
function channelSeverity(resource: Resource, code: string, severity: Severity, channel: Channel): Severity {
  return code === 'HeaderValueInvalid' && channel === 'experimental' && resource.family === 'gateway-api' ? 'error' : severity;
}

function runCelRules(resource: Resource, channel: Channel, report: (code: string, severity: Severity, message: string, path: FieldPath) => void): void {
  // One reporter for all the kind's rules (checks are synchronous), not a closure per rule and
  // object: 10,000 HTTPRoutes made hundreds of thousands of them for no problem at all.
  let rule: CelRule | undefined;
  const reportRule = (path: FieldPath, message?: string): void => {
    if (rule) report(rule.code, 'error', message ?? rule.message, path);
  };
  for (rule of celRulesFor(resource.kind, resource.version, channel)) {
    try {
      rule.check(resource.object, reportRule);
    } catch {
      // A rule meeting a shape the schema already rejects (wrong types) has nothing to add.
    }
  }
}
