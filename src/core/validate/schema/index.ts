import type { FieldPath, PathSegment } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';
import type { Channel } from '../../target/availability-format.js';
import { issuesFromAjv } from './ajv-issues.js';
import { replaceChannelEnums } from './channel-enums.js';
import { fieldIndex, fieldNodeAt } from './fields.js';
import { VALIDATORS, kindKey } from './validators.js';
import { walkFields } from './walk.js';

export interface SchemaIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly path: FieldPath;
  readonly prefer?: 'key' | 'value';
}

/**
 * Checks one resource against its kind's CRD schema (types, enums, patterns, bounds, required,
 * list uniqueness, unknown fields), as the API server would at admission.
 *
 * Two steps: the models' pre-compiled ajv validator (everything the OpenAPI schema says), then
 * one walk along the generated field index (generated/fields.js) for what ajv lets pass —
 * unknown fields, duplicate list-map keys. Kinds of family 'other' and versions no model
 * covers are not checked (parse has already said so). Enum values that differ between the Gateway
 * API channels are checked for `channel` (channel-enums.ts; default experimental).
 */
export function validateSchema(resource: Resource, channel: Channel = 'experimental'): SchemaIssue[] {
  if (resource.family === 'other') return [];
  const key = kindKey(resource.group, resource.version, resource.kind);
  const validator = VALIDATORS.get(key);
  const index = fieldIndex(key);
  const out: SchemaIssue[] = [];
  if (validator) {
    const object = resource.object;
    const data = validator.asApiVersion === undefined ? object : { ...object, apiVersion: validator.asApiVersion };
    const errors = replaceChannelEnums(validator.validate(data), resource, channel);
    if (errors !== null && errors.length > 0) {
      const groups = (path: readonly PathSegment[]): readonly (readonly string[])[] => (index ? (fieldNodeAt(index, path)?.oneOf ?? []) : []);
      out.push(...issuesFromAjv(errors, object, groups));
    }
  }
  if (index) walkFields(resource.object, index, [], out);
  return out;
}
