import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { SourceLocations } from '../resources/locations.js';
import type { ParseResult } from '../resources/parse.js';
import { formatPath, type FieldPath } from '../resources/path.js';
import type { Resource } from '../resources/types.js';
import { apiServerIssues } from './apiserver/index.js';
import { CEL_RULES } from './cel/index.js';
import type { CelRule } from './cel/rule.js';
import { oneCausePerProblem } from './one-cause.js';
import { regexIssues } from './regex/regex-invalid.js';
import { validateSchema } from './schema/index.js';

const RULES_BY_KIND = new Map<string, CelRule[]>();
for (const rule of CEL_RULES) {
  for (const kind of rule.kinds) RULES_BY_KIND.set(kind, [...(RULES_BY_KIND.get(kind) ?? []), rule]);
}

/**
 * Validation of each resource on its own: the CRD schema, every CEL rule, the regular
 * expressions RE2 refuses, and the API server's own checks (name formats, labels, annotations,
 * header values), i.e. what the API server (or istiod's webhook) would reject or warn about at
 * admission. One cause gives one problem (one-cause.ts). Returns the parse diagnostics too, so a
 * caller gets the whole picture in one list.
 */
export function validate(parsed: ParseResult): Diagnostic[] {
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
    for (const issue of validateSchema(resource)) report(issue.code, issue.severity, issue.message, issue.path, issue.prefer);
    if (resource.family === 'gateway-api') runCelRules(resource, report);
    for (const issue of regexIssues(resource)) report(issue.code, issue.severity, issue.message, issue.path);
    for (const issue of apiServerIssues(resource)) report(issue.code, issue.severity, issue.message, issue.path, issue.prefer);
    for (const d of oneCausePerProblem(own)) out.push(d);
  }
  return out;
}

function runCelRules(resource: Resource, report: (code: string, severity: Severity, message: string, path: FieldPath) => void): void {
  // One reporter for all the kind's rules (checks are synchronous), not a closure per rule and
  // object: 10,000 HTTPRoutes made hundreds of thousands of them for no problem at all.
  let rule: CelRule | undefined;
  const reportRule = (path: FieldPath, message?: string): void => {
    if (rule) report(rule.code, 'error', message ?? rule.message, path);
  };
  for (rule of RULES_BY_KIND.get(resource.kind) ?? []) {
    try {
      rule.check(resource.object, reportRule);
    } catch {
      // A rule meeting a shape the schema already rejects (wrong types) has nothing to add.
    }
  }
}
