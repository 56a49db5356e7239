import { kindInfo } from '../../resources/kinds.js';
import { isRecord, type Resource } from '../../resources/types.js';
import type { ApiServerIssue } from './codes.js';
import { DNS1035_LABEL, DNS1123_LABEL, DNS1123_SUBDOMAIN, nameFault, showText, suggestName, type NameFormat } from './dns.js';

interface NameRule {
  readonly format: NameFormat;
  /** Why this kind's names have this format, when it is not the common rule. */
  readonly why?: string;
}

/**
 * The format of `metadata.name` for each kind the design models:
 * - custom resources (every Gateway API and Istio kind): a DNS subdomain — apiextensions-apiserver
 *   `pkg/registry/customresource/validator.go` validates with `NameIsDNSSubdomain`;
 * - Service: an RFC 1035 label — kubernetes `pkg/apis/core/validation/validation.go`
 *   `ValidateServiceName = NameIsDNS1035Label` (the name is also a DNS name);
 * - Namespace: an RFC 1123 label — `ValidateNamespaceName = NameIsDNSLabel`
 *   (apimachinery `pkg/api/validation/generic.go`);
 * - Secret, ConfigMap: a DNS subdomain — `ValidateSecretName`, `ValidateConfigMapName`;
 * - Istio Gateway: also an RFC 1123 label — istiod's webhook refuses others
 *   (istio `pkg/config/validation/validation.go` ValidateGateway: "invalid gateway name").
 * Kinds the design does not model ('other') are not checked: some (RBAC roles) allow more.
 */
function nameRule(resource: Resource): NameRule | undefined {
  if (resource.family === 'other') return undefined;
  if (resource.family === 'core' && resource.kind === 'Service') return { format: DNS1035_LABEL, why: 'a Service name is also its DNS name' };
  if (resource.family === 'core' && resource.kind === 'Namespace') return { format: DNS1123_LABEL };
  if (resource.family === 'istio' && resource.kind === 'Gateway') return { format: DNS1123_LABEL, why: "istiod's webhook refuses other Istio Gateway names" };
  return { format: DNS1123_SUBDOMAIN };
}

/**
 * `metadata.name`, `metadata.generateName` and `metadata.namespace` as the API server checks them
 * at creation (apimachinery `pkg/api/validation/objectmeta.go` ValidateObjectMetaAccessor).
 * A generateName is a prefix, not a name: a trailing '-' is allowed. The namespace of a
 * namespaced kind is an RFC 1123 label; a cluster-scoped kind's is cleared by the API server,
 * not refused. An empty or absent name is parse's `MissingName`.
 */
export function nameIssues(resource: Resource, out: ApiServerIssue[]): void {
  const meta = resource.object.metadata;
  if (!isRecord(meta)) return;
  const rule = nameRule(resource);
  if (rule) {
    for (const field of ['name', 'generateName'] as const) {
      const value = meta[field];
      if (typeof value !== 'string' || value === '') continue;
      const fault = nameFault(value, rule.format, field === 'generateName');
      if (fault) out.push({ code: 'NameInvalid', severity: 'error', message: nameMessage(`metadata.${field}`, value, fault, rule, `this ${resource.kind}'s name`), path: ['metadata', field] });
    }
  }
  const namespace = meta.namespace;
  const info = kindInfo(resource.group, resource.kind);
  if (info?.namespaced === true && typeof namespace === 'string' && namespace !== '') {
    const fault = nameFault(namespace, DNS1123_LABEL);
    if (fault) out.push({ code: 'NamespaceInvalid', severity: 'error', message: nameMessage('metadata.namespace', namespace, fault, { format: DNS1123_LABEL }, 'a namespace'), path: ['metadata', 'namespace'] });
  }
}

/** Says what the value must be and, when one exists, a close value that is. */
function nameMessage(field: string, value: string, fault: 'length' | 'characters', rule: NameRule, subject: string): string {
  const { format } = rule;
  const fix = suggestName(value, format);
  const example = fix === undefined ? '' : ` — e.g. ${showText(fix)}`;
  const why = rule.why === undefined ? '' : ` (${rule.why})`;
  if (fault === 'length') return `${field} ${showText(value)} is ${value.length} characters long: ${subject} must be ${format.title} of at most ${format.max} characters${why}${example}`;
  return `${field} ${showText(value)} must be ${format.title}: ${format.rule}${why}${example}`;
}
