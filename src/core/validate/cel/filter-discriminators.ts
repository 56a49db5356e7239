import { defineRule, has, text } from './helpers.js';
import { routeFilters } from './route-helpers.js';
import type { Channel } from '../../target/availability-format.js';
import type { CelRule } from './rule.js';

/**
 * The filter union's discriminator rules (§11.4 "Each filter", §11.5 for GRPCRoute): a config field
 * may be present only when `type` names it, and `type` requires its field. One factory makes the
 * pair for each of the eight fields (ExternalAuth: experimental channel only, §11.6); each rule keeps its own code and verbatim message. A filter
 * whose `type` is missing or not a string is left to the schema (`type` is required).
 */
function discriminatorRules<const N extends string>(
  name: N,
  field: string,
  kinds: readonly string[],
  channels?: readonly Channel[],
): [CelRule & { readonly code: `Filter${N}Forbidden` }, CelRule & { readonly code: `Filter${N}Missing` }] {
  const where = 'spec.rules[].filters[], spec.rules[].backendRefs[].filters[]';
  return [
    defineRule({
      code: `Filter${name}Forbidden`,
      kinds,
      ...(channels ? { channels } : {}),
      message: `filter.${field} must be nil if the filter.type is not ${name}`,
      field: where,
      check(obj, report) {
        for (const { item, path } of routeFilters(obj)) {
          const type = text(item.type);
          if (type !== undefined && type !== name && has(item, field)) report([...path, field]);
        }
      },
    }),
    defineRule({
      code: `Filter${name}Missing`,
      kinds,
      ...(channels ? { channels } : {}),
      message: `filter.${field} must be specified for ${name} filter.type`,
      field: where,
      check(obj, report) {
        for (const { item, path } of routeFilters(obj)) {
          if (text(item.type) === name && !has(item, field)) report([...path, 'type']);
        }
      },
    }),
  ];
}

const HTTP = ['HTTPRoute'];
const HTTP_AND_GRPC = ['HTTPRoute', 'GRPCRoute'];

export const [filterCORSForbidden, filterCORSMissing] = discriminatorRules('CORS', 'cors', HTTP);
export const [filterRequestHeaderModifierForbidden, filterRequestHeaderModifierMissing] = discriminatorRules(
  'RequestHeaderModifier',
  'requestHeaderModifier',
  HTTP_AND_GRPC,
);
export const [filterResponseHeaderModifierForbidden, filterResponseHeaderModifierMissing] = discriminatorRules(
  'ResponseHeaderModifier',
  'responseHeaderModifier',
  HTTP_AND_GRPC,
);
export const [filterRequestMirrorForbidden, filterRequestMirrorMissing] = discriminatorRules('RequestMirror', 'requestMirror', HTTP_AND_GRPC);
export const [filterRequestRedirectForbidden, filterRequestRedirectMissing] = discriminatorRules('RequestRedirect', 'requestRedirect', HTTP);
export const [filterURLRewriteForbidden, filterURLRewriteMissing] = discriminatorRules('URLRewrite', 'urlRewrite', HTTP);
export const [filterExtensionRefForbidden, filterExtensionRefMissing] = discriminatorRules('ExtensionRef', 'extensionRef', HTTP_AND_GRPC);
export const [filterExternalAuthForbidden, filterExternalAuthMissing] = discriminatorRules('ExternalAuth', 'externalAuth', HTTP, ['experimental']);
