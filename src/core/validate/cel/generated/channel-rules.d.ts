// Generated data's type, written by hand for src/tools/gen-channel-rules.ts. Do not edit the .js.
/**
 * What differs between the standard and the experimental CRDs of one Gateway API release (field
 * paths written `spec.rules[].filters[]`), for the table test in ../channel-rules.test.ts.
 */
type Channel = 'standard' | 'experimental';
declare const data: {
  readonly source: { readonly repo: string; readonly tag: string; readonly commit: string; readonly files: string };
  /** Kind → channel → the apiVersions served (`v1`, `v1alpha2`). */
  readonly served: { readonly [kind: string]: { readonly [C in Channel]: readonly string[] } };
  /** x-kubernetes-validations of kinds/versions served in both channels that only one channel has. */
  readonly rules: readonly { readonly kind: string; readonly versions: readonly string[]; readonly path: string; readonly message: string; readonly channels: readonly Channel[] }[];
  /** Enum value lists that differ on a field both channels have. */
  readonly enums: readonly { readonly kind: string; readonly versions: readonly string[]; readonly path: string; readonly standard: readonly string[]; readonly experimental: readonly string[] }[];
  /** Patterns that differ on a field both channels have (null: none). */
  readonly patterns: readonly { readonly kind: string; readonly versions: readonly string[]; readonly path: string; readonly standard: string | null; readonly experimental: string | null }[];
  /** Experimental channel: rules some served versions of a kind have (`versions`) and the others lack. */
  readonly versionRules: readonly { readonly kind: string; readonly versions: readonly string[]; readonly path: string; readonly message: string }[];
};
export default data;
