import type { Resource } from '../../resources/types.js';
import type { Channel } from '../../target/availability-format.js';
import type { AjvError } from './validators.js';

/**
 * Enum values that differ between the standard and experimental CRDs on a field both channels
 * have, checked per channel. The models' validators (validators.ts, `@kubernetes-models/gateway-api`
 * 2.0.0) hold the standard channel's lists; on these fields their enum errors are replaced by the
 * channel's (replaceChannelEnums).
 * From the v1.6.1 CRDs (../cel/generated/channel-rules.js `enums`; the table test
 * compares them): HTTPRoute `spec.rules[].filters[].type` and
 * `spec.rules[].backendRefs[].filters[].type`: the experimental channel adds `ExternalAuth`.
 * Fields that only one channel has (sessionPersistence, externalAuth…) are the target check's
 * (validate/target, TargetFieldNotInRelease), not this.
 */
export interface ChannelEnum {
  readonly kind: string;
  /** Field path, `[]` for each list item, as the generated table writes it. */
  readonly path: string;
  readonly values: { readonly [C in Channel]: readonly string[] };
}

const FILTER_TYPES = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'RequestRedirect', 'URLRewrite', 'ExtensionRef', 'CORS'];
const HTTP_FILTER_TYPES = { standard: FILTER_TYPES, experimental: [...FILTER_TYPES, 'ExternalAuth'] };

export const CHANNEL_ENUMS: readonly ChannelEnum[] = [
  { kind: 'HTTPRoute', path: 'spec.rules[].filters[].type', values: HTTP_FILTER_TYPES },
  { kind: 'HTTPRoute', path: 'spec.rules[].backendRefs[].filters[].type', values: HTTP_FILTER_TYPES },
];

/** `spec.rules[].filters[].type` → a regex over JSON pointers (`/spec/rules/0/filters/1/type`). */
function pointerPattern(path: string): RegExp {
  const parts = path.split('.').map((key) => (key.endsWith('[]') ? `/${key.slice(0, -2)}/\\d+` : `/${key}`));
  return new RegExp(`^${parts.join('')}$`);
}

const POINTERS: ReadonlyMap<ChannelEnum, RegExp> = new Map(CHANNEL_ENUMS.map((e) => [e, pointerPattern(e.path)]));

/**
 * The models' errors without their enum errors on a channel enum's field, plus the channel's own:
 * the API server of the channel's CRDs refuses exactly these values.
 */
export function replaceChannelEnums(found: readonly AjvError[] | null, resource: Resource, channel: Channel): readonly AjvError[] | null {
  if (resource.family !== 'gateway-api' || !CHANNEL_ENUMS.some((e) => e.kind === resource.kind)) return found;
  const mine = [...POINTERS].filter(([e]) => e.kind === resource.kind).map(([, re]) => re);
  const kept = (found ?? []).filter((e) => e.keyword !== 'enum' || !mine.some((re) => re.test(e.instancePath)));
  const errors = [...kept, ...channelEnumErrors(resource, channel)];
  return errors.length === 0 ? null : errors;
}

/**
 * ajv-shaped enum errors for the channel's values, so issuesFromAjv words them as every other
 * SchemaEnum (with its "did you mean"). A value that is not a string is left to the type check.
 */
export function channelEnumErrors(resource: Resource, channel: Channel): AjvError[] {
  if (resource.family !== 'gateway-api') return [];
  const out: AjvError[] = [];
  for (const e of CHANNEL_ENUMS) {
    if (e.kind !== resource.kind) continue;
    const allowed = e.values[channel];
    for (const { pointer, value } of valuesAt(resource.object, e.path.split('.'), '')) {
      if (typeof value === 'string' && !allowed.includes(value)) out.push({ instancePath: pointer, schemaPath: `#channel/${channel}/enum`, keyword: 'enum', params: { allowedValues: allowed } });
    }
  }
  return out;
}

/** The values at a path of keys (`filters[]`: each item of the list), with their JSON pointers. */
function* valuesAt(node: unknown, keys: readonly string[], pointer: string): Generator<{ pointer: string; value: unknown }> {
  const [key, ...rest] = keys;
  if (key === undefined) {
    yield { pointer, value: node };
    return;
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  const each = key.endsWith('[]');
  const name = each ? key.slice(0, -2) : key;
  const child: unknown = (node as { readonly [k: string]: unknown })[name];
  if (child === undefined) return;
  if (!each) {
    yield* valuesAt(child, rest, `${pointer}/${name}`);
    return;
  }
  if (!Array.isArray(child)) return;
  for (let i = 0; i < child.length; i++) yield* valuesAt(child[i], rest, `${pointer}/${name}/${i}`);
}
