import { parse } from '../resources/parse.js';
import { serializeObject } from '../resources/serialize.js';
import type { KubeObject } from '../resources/types.js';
import { validate } from '../validate/index.js';
import type { FieldProblem } from './check.js';

/**
 * Validates one object exactly as the document would be validated (the same schema and CEL
 * rules), so a form can check a value before it is written. Its own module: it pulls in every
 * schema validator, which the page loads lazily (see store/object-check.ts).
 */
export function checkObject(object: KubeObject): FieldProblem[] {
  const parsed = parse([{ name: 'check.yaml', text: serializeObject(object) }]);
  return validate(parsed).map((d) => ({ code: d.code, severity: d.severity, message: d.message, path: d.path ?? '' }));
}
