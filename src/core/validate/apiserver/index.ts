import type { Resource } from '../../resources/types.js';
import type { ApiServerIssue } from './codes.js';
import { headerValueIssues } from './header-values.js';
import { istioDurationIssues } from './istio-durations.js';
import { annotationIssues, labelIssues } from './metadata-maps.js';
import { nameIssues } from './names.js';

/**
 * What the API server (or istiod's admission webhook) refuses in one object beyond its CRD
 * schema and CEL rules: the name and namespace formats of its kind, label and annotation keys
 * and values, the annotations' total size, header values that cannot be sent, and the Istio CRDs'
 * duration rule.
 */
export function apiServerIssues(resource: Resource): ApiServerIssue[] {
  const out: ApiServerIssue[] = [];
  nameIssues(resource, out);
  labelIssues(resource, out);
  annotationIssues(resource, out);
  headerValueIssues(resource, out);
  istioDurationIssues(resource, out);
  return out;
}
