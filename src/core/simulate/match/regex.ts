/**
 * Regular expressions as the simulator evaluates them: RE2, full match, linear time (see
 * ../../regex/re2.ts). The dialect is implementation-specific for the Gateway API (gateway-api.md
 * §4.2); Envoy-based implementations and Istio run RE2. A pattern RE2 refuses never matches
 * (validate reports it as RegexInvalid).
 */
export { re2FullMatch as fullMatch } from '../../regex/re2.js';
