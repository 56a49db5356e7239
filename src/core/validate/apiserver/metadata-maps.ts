import { formatPath } from '../../resources/path.js';
import { isRecord, type Resource } from '../../resources/types.js';
import type { ApiServerIssue } from './codes.js';
import { showText, utf8Length } from './dns.js';
import { labelValueFault, qualifiedNameFault, suggestLabelValue, suggestQualifiedName } from './qualified-name.js';

/** apimachinery `pkg/api/validation/objectmeta.go` TotalAnnotationSizeLimitB: 256 KiB of keys and values. */
export const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

const example = (fix: string | undefined): string => (fix === undefined ? '' : ` — e.g. ${showText(fix)}`);

/**
 * `metadata.labels`: each key a qualified name, each value empty or a ≤ 63-character name
 * (apimachinery `pkg/apis/meta/v1/validation/validation.go` ValidateLabels). A value that is not
 * a string is the schema's to report (SchemaType), or, for kinds without one, reported here.
 */
export function labelIssues(resource: Resource, out: ApiServerIssue[]): void {
  const labels = metadataMap(resource, 'labels');
  if (!labels) return;
  for (const [key, value] of Object.entries(labels)) {
    const path = ['metadata', 'labels', key];
    const keyFault = qualifiedNameFault(key);
    if (keyFault) {
      out.push({ code: 'LabelKeyInvalid', severity: 'error', message: `label key ${showText(key)} is not valid: ${keyFault}${example(suggestQualifiedName(key))}`, path, prefer: 'key' });
    }
    if (typeof value === 'string') {
      const fault = labelValueFault(value);
      if (fault) out.push({ code: 'LabelValueInvalid', severity: 'error', message: `${formatPath(path)} ${showText(value)} is not a valid label value: ${fault}${example(suggestLabelValue(value))}`, path });
    } else if (resource.family === 'other') {
      out.push({ code: 'LabelValueInvalid', severity: 'error', message: `${formatPath(path)} must be a string: quote it${example(String(JSON.stringify(value)))}`, path });
    }
  }
}

/**
 * `metadata.annotations`: each key a qualified name, compared in lower case; keys and values
 * together at most 256 KiB in UTF-8 (apimachinery `pkg/api/validation/objectmeta.go`
 * ValidateAnnotations, ValidateAnnotationsSize). Values may hold anything.
 */
export function annotationIssues(resource: Resource, out: ApiServerIssue[]): void {
  const annotations = metadataMap(resource, 'annotations');
  if (!annotations) return;
  let size = 0;
  for (const [key, value] of Object.entries(annotations)) {
    size += utf8Length(key) + (typeof value === 'string' ? utf8Length(value) : 0);
    const fault = qualifiedNameFault(key.toLowerCase());
    if (fault) {
      const fix = suggestQualifiedName(key);
      out.push({ code: 'AnnotationKeyInvalid', severity: 'error', message: `annotation key ${showText(key)} is not valid: ${fault}${example(fix)}`, path: ['metadata', 'annotations', key], prefer: 'key' });
    }
  }
  if (size > ANNOTATIONS_SIZE_LIMIT) {
    out.push({
      code: 'AnnotationsTooLarge',
      severity: 'error',
      message: `metadata.annotations hold ${size} bytes of keys and values; the API server takes at most ${ANNOTATIONS_SIZE_LIMIT} (256 KiB): move large values out of annotations (a ConfigMap) or drop them`,
      path: ['metadata', 'annotations'],
      prefer: 'key',
    });
  }
}

function metadataMap(resource: Resource, field: 'labels' | 'annotations'): { readonly [key: string]: unknown } | undefined {
  const meta = resource.object.metadata;
  if (!isRecord(meta)) return undefined;
  const map = meta[field];
  return isRecord(map) ? map : undefined;
}
